package dev.sluice.central;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.pki.Identity;
import dev.sluice.pki.TlsContexts;
import dev.sluice.wire.control.ControlJson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** An HTTPS client for central's API in tests: pins central's certificate, optionally presents an identity. */
final class ApiClient {
  record Response(int status, JsonNode body, HttpResponse<byte[]> raw) {
    String code() {
      return body == null || body.get("code") == null ? null : body.get("code").asText();
    }

    String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }
  }

  static final ObjectMapper JSON = ControlJson.mapper();

  private final HttpClient http;
  private final String baseUrl;
  private final String token;

  ApiClient(String baseUrl, X509Certificate serverCertificate, Optional<Identity> identity, String token) {
    this.http = HttpClient.newBuilder()
        .sslContext(TlsContexts.client(List.of(serverCertificate), identity))
        .connectTimeout(Duration.ofSeconds(10))
        .build();
    this.baseUrl = baseUrl;
    this.token = token;
  }

  ApiClient withToken(String newToken) {
    return new ApiClient(baseUrl, http, newToken);
  }

  private ApiClient(String baseUrl, HttpClient http, String token) {
    this.http = http;
    this.baseUrl = baseUrl;
    this.token = token;
  }

  Response get(String path, String... headers) {
    return send("GET", path, null, headers);
  }

  Response post(String path, Object body) {
    return send("POST", path, body);
  }

  Response put(String path, Object body) {
    return send("PUT", path, body);
  }

  Response patch(String path, Object body) {
    return send("PATCH", path, body);
  }

  Response delete(String path) {
    return send("DELETE", path, null);
  }

  Response send(String method, String path, Object body, String... headers) {
    try {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
      if (token != null) {
        request.header("Authorization", "Bearer " + token);
      }
      for (int i = 0; i + 1 < headers.length; i += 2) {
        request.header(headers[i], headers[i + 1]);
      }
      if (body == null) {
        request.method(method, HttpRequest.BodyPublishers.noBody());
      } else {
        byte[] bytes = body instanceof String text ? text.getBytes(java.nio.charset.StandardCharsets.UTF_8) : JSON.writeValueAsBytes(body);
        request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofByteArray(bytes));
      }
      HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      JsonNode json = null;
      String type = response.headers().firstValue("Content-Type").orElse("");
      if (type.contains("json") && response.body().length > 0) {
        json = JSON.readTree(response.body());
      }
      return new Response(response.statusCode(), json, response);
    } catch (Exception e) {
      throw new AssertionError(method + " " + path + " failed: " + e, e);
    }
  }

  Path download(String path, Path target) {
    try {
      HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Authorization", "Bearer " + token).build();
      HttpResponse<Path> response = http.send(request, HttpResponse.BodyHandlers.ofFile(target));
      if (response.statusCode() != 200) {
        throw new AssertionError("download " + path + " answered " + response.statusCode());
      }
      return target;
    } catch (Exception e) {
      throw new AssertionError("download " + path + " failed: " + e, e);
    }
  }
}
