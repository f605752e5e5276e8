package dev.sluice.lake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.wire.ingest.IngestBatch;
import dev.sluice.wire.ingest.IngestCodec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small HTTP client for the lake's API, as an appliance and a user would call it. */
final class LakeHttpClient {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;
  private final String token;

  LakeHttpClient(int port, String token) {
    this.base = "http://127.0.0.1:" + port;
    this.token = token;
  }

  record Reply(int status, JsonNode body) {}

  Reply ingest(IngestBatch batch) throws IOException, InterruptedException {
    return ingestBytes(IngestCodec.encodeBatch(batch));
  }

  Reply ingestBytes(byte[] body) throws IOException, InterruptedException {
    return ingestBytes(body, "gzip");
  }

  /** A body sent with the given {@code Content-Encoding} header. */
  Reply ingestBytes(byte[] body, String contentEncoding) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(base + IngestCodec.PATH))
        .header("Content-Type", "application/json").header("Content-Encoding", contentEncoding)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  Reply post(String path, String json) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  Reply get(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  Reply delete(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE());
  }

  private Reply send(HttpRequest.Builder request) throws IOException, InterruptedException {
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    HttpResponse<byte[]> response = http.send(request.timeout(Duration.ofSeconds(60)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    byte[] body = response.body();
    return new Reply(response.statusCode(), body.length == 0 ? null : JSON.readTree(body));
  }

  static String sql(String sql) {
    return JSON.createObjectNode().put("sql", sql).toString();
  }
}
