package dev.sluice.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;

/**
 * The parts of central's REST API ({@code /api/v1}) and the lake's query API the demo drives, as
 * a user's script would: JSON over HTTPS, bearer token, the server certificate pinned by the
 * fingerprint central printed. Errors ({@code {"code","message"}}) become {@link ApiError}s.
 */
public final class CentralApi {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final HttpClient http;
  private final URI base;
  private String token;

  public CentralApi(URI base, String fingerprint) {
    this.base = base;
    try {
      SSLContext tls = SSLContext.getInstance("TLS");
      tls.init(null, new TrustManager[] {new FingerprintTrustManager(fingerprint)}, null);
      SSLParameters parameters = new SSLParameters();
      parameters.setEndpointIdentificationAlgorithm(null);
      this.http = HttpClient.newBuilder().sslContext(tls).sslParameters(parameters)
          .connectTimeout(Duration.ofSeconds(10)).build();
    } catch (GeneralSecurityException e) {
      throw new DemoException("cannot set up TLS: " + e.getMessage(), e);
    }
  }

  /** A REST call answered with an error status. */
  public static final class ApiError extends DemoException {
    private final int status;
    private final String code;

    ApiError(String call, int status, String code, String message) {
      super(call + " failed: HTTP " + status + " " + code + ": " + message);
      this.status = status;
      this.code = code;
    }

    public int status() {
      return status;
    }

    public String code() {
      return code;
    }
  }

  public static ObjectNode object() {
    return JSON.createObjectNode();
  }

  public URI base() {
    return base;
  }

  /** {@code POST /api/v1/auth/login}; later calls carry the token. */
  public void login(String email, String password) {
    ObjectNode body = object().put("email", email).put("password", password);
    token = post("/api/v1/auth/login", body).path("token").asText(null);
    if (token == null) {
      throw new DemoException("login answered without a token");
    }
  }

  public JsonNode get(String path) {
    return send("GET " + path, request(path).GET());
  }

  public JsonNode post(String path, JsonNode body) {
    return send("POST " + path, request(path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
  }

  public JsonNode put(String path, JsonNode body) {
    return send("PUT " + path, request(path).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(body.toString())));
  }

  /** Downloads {@code path} into {@code file}. */
  public void download(String path, Path file) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      HttpResponse<Path> response = http.send(request(path).GET().build(),
          HttpResponse.BodyHandlers.ofFile(file));
      if (response.statusCode() != 200) {
        String text = Files.readString(file);
        Files.deleteIfExists(file);
        throw error("GET " + path, response.statusCode(), text);
      }
    } catch (IOException e) {
      throw new DemoException("GET " + path + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DemoException("interrupted");
    }
  }

  /**
   * Runs SQL through {@code POST /api/v1/lake/query} and returns the rows as JSON arrays, column
   * order as in the SELECT.
   */
  public List<JsonNode> query(String sql) {
    ObjectNode body = object().put("sql", sql);
    JsonNode result = post("/api/v1/lake/query", body);
    List<JsonNode> rows = new ArrayList<>();
    result.path("rows").forEach(rows::add);
    return rows;
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT)
        .header("Accept", "application/json");
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    return builder;
  }

  private JsonNode send(String call, HttpRequest.Builder request) {
    try {
      HttpResponse<String> response = http.send(request.build(),
          HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() >= 400) {
        throw error(call, response.statusCode(), response.body());
      }
      String text = response.body();
      return text == null || text.isBlank() ? object() : JSON.readTree(text);
    } catch (IOException e) {
      throw new DemoException(call + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DemoException("interrupted");
    }
  }

  private static ApiError error(String call, int status, String body) {
    String code = "HTTP_" + status;
    String message = body;
    try {
      JsonNode node = JSON.readTree(body);
      code = node.path("code").asText(code);
      message = node.path("message").asText(body);
    } catch (IOException notJson) {
      // Keep the raw body as the message.
    }
    return new ApiError(call, status, code, message);
  }
}
