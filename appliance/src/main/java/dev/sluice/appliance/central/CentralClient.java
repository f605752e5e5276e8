package dev.sluice.appliance.central;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.wire.control.ApiError;
import dev.sluice.wire.control.ApplianceConfig;
import dev.sluice.wire.control.ControlJson;
import dev.sluice.wire.control.ControlPaths;
import dev.sluice.wire.control.EnrollmentRequest;
import dev.sluice.wire.control.EnrollmentResponse;
import dev.sluice.wire.control.Heartbeat;
import dev.sluice.wire.control.HeartbeatResponse;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;

/**
 * The appliance's calls to central ({@link ControlPaths}). TLS is pinned to central's
 * certificate from the image; after enrollment the client certificate is presented on every
 * call. No method throws for network or server failures: each returns what happened.
 */
public final class CentralClient {
  private static final ObjectMapper JSON = ControlJson.mapper();
  private final HttpClient http;
  private final URI base;
  private final Duration timeout;

  /** What a call came to. */
  public sealed interface Outcome<T> {
    /** Central answered with the expected body. */
    record Ok<T>(T value, Optional<String> etag) implements Outcome<T> {}

    /** The configuration is unchanged ({@code 304}). */
    record NotModified<T>() implements Outcome<T> {}

    /** Central refused with an {@link ApiError}. */
    record Refused<T>(int status, ApiError error) implements Outcome<T> {}

    /** No usable answer: unreachable, TLS failure (wrong central), unreadable body. */
    record Failed<T>(String code, String message) implements Outcome<T> {}
  }

  public CentralClient(URI base, SSLContext ssl, Duration timeout) {
    this.base = base;
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().sslContext(ssl).connectTimeout(timeout)
        .version(HttpClient.Version.HTTP_1_1).build();
  }

  public Outcome<EnrollmentResponse> enroll(EnrollmentRequest request) {
    return call(post(ControlPaths.ENROLL, request), EnrollmentResponse.class);
  }

  public Outcome<ApplianceConfig> config(Optional<String> etag) {
    HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(ControlPaths.CONFIG))
        .timeout(timeout).GET();
    etag.ifPresent(e -> b.header("If-None-Match", e));
    return call(b.build(), ApplianceConfig.class);
  }

  public Outcome<HeartbeatResponse> heartbeat(Heartbeat heartbeat) {
    return call(post(ControlPaths.HEARTBEAT, heartbeat), HeartbeatResponse.class);
  }

  private HttpRequest post(String path, Object body) {
    byte[] json;
    try {
      json = JSON.writeValueAsBytes(body);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot serialize " + body.getClass(), e);
    }
    return HttpRequest.newBuilder(base.resolve(path)).timeout(timeout)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(json)).build();
  }

  private <T> Outcome<T> call(HttpRequest request, Class<T> type) {
    HttpResponse<byte[]> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (SSLException e) {
      return new Outcome.Failed<>("CENTRAL_TLS_FAILED", "TLS with " + base
          + " failed (is this the central the image was made by?): " + e.getMessage());
    } catch (ConnectException e) {
      return new Outcome.Failed<>("CENTRAL_UNREACHABLE", "cannot connect to " + base);
    } catch (IOException e) {
      Throwable cause = e;
      while (cause.getCause() != null && !(cause instanceof SSLException)) {
        cause = cause.getCause();
      }
      if (cause instanceof SSLException) {
        return new Outcome.Failed<>("CENTRAL_TLS_FAILED", "TLS with " + base
            + " failed (is this the central the image was made by?): " + cause.getMessage());
      }
      return new Outcome.Failed<>("CENTRAL_UNREACHABLE", base + ": " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Outcome.Failed<>("INTERRUPTED", "interrupted");
    }
    int status = response.statusCode();
    Optional<String> etag = response.headers().firstValue("ETag");
    if (status == 304) {
      return new Outcome.NotModified<>();
    }
    try {
      if (status / 100 == 2) {
        return new Outcome.Ok<>(JSON.readValue(response.body(), type), etag);
      }
      ApiError error = JSON.readValue(response.body(), ApiError.class);
      return new Outcome.Refused<>(status, error);
    } catch (IOException | RuntimeException e) {
      return new Outcome.Failed<>("CENTRAL_BAD_RESPONSE", "HTTP " + status
          + " with an unreadable body from " + request.uri());
    }
  }
}
