package dev.sluice.appliance.forward;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.wire.ingest.IngestCodec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** {@link LakeClient} over HTTPS (mTLS with the appliance's identity, set on the client). */
public final class HttpLakeClient implements LakeClient {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http;
  private final URI ingestUri;
  private final Duration timeout;

  public HttpLakeClient(HttpClient http, URI lakeBaseUrl, Duration timeout) {
    this.http = http;
    this.ingestUri = lakeBaseUrl.resolve(IngestCodec.PATH);
    this.timeout = timeout;
  }

  @Override
  public Outcome send(String batchId, byte[] body) {
    HttpRequest request = HttpRequest.newBuilder(ingestUri)
        .timeout(timeout)
        .header("Content-Type", "application/json")
        .header("Content-Encoding", IngestBodyWriter.ENCODING.header())
        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .build();
    HttpResponse<byte[]> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      return new Outcome.Failed(0, "LAKE_UNREACHABLE", String.valueOf(e.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Outcome.Failed(0, "INTERRUPTED", "interrupted");
    }
    if (response.statusCode() / 100 == 2) {
      try {
        return new Outcome.Stored(IngestCodec.decodeResponse(response.body()));
      } catch (IOException e) {
        return new Outcome.Failed(response.statusCode(), "LAKE_BAD_RESPONSE",
            "unreadable ingest response: " + e.getMessage());
      }
    }
    String code = "HTTP_" + response.statusCode();
    String message = "";
    try {
      JsonNode error = JSON.readTree(response.body());
      if (error != null && error.hasNonNull("code")) {
        code = error.get("code").asText();
        message = error.path("message").asText("");
      }
    } catch (IOException | RuntimeException e) {
      message = "non-JSON error body";
    }
    return new Outcome.Failed(response.statusCode(), code, message);
  }
}
