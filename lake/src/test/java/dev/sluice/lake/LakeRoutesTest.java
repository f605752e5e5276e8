package dev.sluice.lake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.wire.ingest.ContentEncoding;
import dev.sluice.wire.ingest.IngestCodec;
import dev.sluice.wire.ingest.IngestEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP API on a real server on loopback, with the standalone test identity. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LakeRoutesTest {

  @TempDir static Path dir;
  LakeService lake;
  LakeServer server;
  LakeHttpClient client;
  LakeHttpClient anonymous;

  @BeforeAll
  void start() throws Exception {
    lake = LakeService.start(new LakeConfig(dir, Duration.ofMillis(100), Duration.ofHours(1), t -> 90,
        LakeConfig.QueryLimits.defaults()), (a, integration) -> !integration.equals("not-mine"), Clock.systemUTC());
    StandaloneIdentity identity = StandaloneIdentity.loadOrCreate(dir.resolve("test-token"));
    server = LakeServer.start(new LakeRoutes(lake, identity.users(), identity.appliances()), "127.0.0.1", 0, null);
    client = new LakeHttpClient(server.port(), identity.token());
    anonymous = new LakeHttpClient(server.port(), null);
  }

  @AfterAll
  void stop() throws Exception {
    server.close();
    lake.close();
  }

  private static List<IngestEvent> events(long first, int count) {
    return Alerts.events(StandaloneIdentity.APPLIANCE, first, count);
  }

  @Test
  void ingestAcknowledgesThenAlertsAreQueryableWithinSeconds() throws Exception {
    LakeHttpClient.Reply reply = client.ingest(Alerts.batch("b1", "int-1", events(0, 40)));
    assertEquals(200, reply.status(), String.valueOf(reply.body()));
    assertEquals(40, reply.body().get("accepted").asInt());
    assertEquals(0, reply.body().get("duplicates").asInt());
    LakeHttpClient.Reply retry = client.ingest(Alerts.batch("b1", "int-1", events(0, 40)));
    assertEquals(40, retry.body().get("duplicates").asInt());
    String sql = LakeHttpClient.sql("SELECT count(*) FROM alerts WHERE cast(split_part(event_id, ':', 2) AS INT) < 40");
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    LakeHttpClient.Reply all;
    do {
      all = client.post("/api/v1/lake/query", sql);
    } while (all.body().at("/rows/0/0").asLong() != 40 && System.nanoTime() < deadline);
    assertEquals(40, all.body().at("/rows/0/0").asLong(), "queryable within 5 s of the ack: " + all.body());
    assertEquals("count_star()", all.body().at("/columns/0/name").asText());
  }

  @Test
  void requestsWithoutCredentialsAreRefused() throws Exception {
    LakeHttpClient.Reply ingest = anonymous.ingest(Alerts.batch("b", "int-1", events(0, 1)));
    assertEquals(401, ingest.status());
    assertEquals("UNAUTHENTICATED", ingest.body().get("code").asText());
    assertEquals(401, anonymous.post("/api/v1/lake/query", LakeHttpClient.sql("SELECT 1")).status());
    assertEquals(401, anonymous.get("/api/v1/lake/queries/x").status());
  }

  @Test
  void batchForAnIntegrationTheApplianceDoesNotOwnIsForbidden() throws Exception {
    LakeHttpClient.Reply reply = client.ingest(Alerts.batch("b", "not-mine", events(1000, 1)));
    assertEquals(403, reply.status());
    assertEquals("INTEGRATION_NOT_OWNED", reply.body().get("code").asText());
  }

  @Test
  void bodyThatIsNotABatchIsABadRequest() throws Exception {
    LakeHttpClient.Reply notGzip = client.ingestBytes("{}".getBytes(StandardCharsets.UTF_8));
    assertEquals(400, notGzip.status());
    assertEquals("BATCH_NOT_GZIP", notGzip.body().get("code").asText());
  }

  @Test
  void zstdBodyIsStoredLikeGzipAndRetriesAcrossEncodingsAreDuplicates() throws Exception {
    var batch = Alerts.batch("bz", "int-1", events(7000, 5));
    LakeHttpClient.Reply zstd = client.ingestBytes(IngestCodec.encodeBatch(batch, ContentEncoding.ZSTD), "zstd");
    assertEquals(200, zstd.status(), String.valueOf(zstd.body()));
    assertEquals(5, zstd.body().get("accepted").asInt());
    LakeHttpClient.Reply gzip = client.ingest(batch);
    assertEquals(5, gzip.body().get("duplicates").asInt());
  }

  @Test
  void bodyWhoseEncodingIsWrongOrUnsupportedIsRefused() throws Exception {
    byte[] gzipBody = IngestCodec.encodeBatch(Alerts.batch("bx", "int-1", events(7100, 1)));
    LakeHttpClient.Reply notZstd = client.ingestBytes(gzipBody, "zstd");
    assertEquals(400, notZstd.status());
    assertEquals("BATCH_NOT_ZSTD", notZstd.body().get("code").asText());
    LakeHttpClient.Reply brotli = client.ingestBytes(gzipBody, "br");
    assertEquals(415, brotli.status());
    assertEquals("BATCH_ENCODING_UNSUPPORTED", brotli.body().get("code").asText());
  }

  @Test
  void rejectedEventsAreListedWithTheirReasons() throws Exception {
    IngestEvent good = events(2000, 1).get(0);
    IngestEvent foreign = new IngestEvent("other-appliance:5", good.receiveTime(), good.sender(), "model_breach",
        false, good.ocsf());
    LakeHttpClient.Reply reply = client.ingest(Alerts.batch("b", "int-1", List.of(good, foreign)));
    assertEquals(200, reply.status());
    assertEquals(1, reply.body().get("accepted").asInt());
    JsonNode rejection = reply.body().get("rejections").get(0);
    assertEquals("other-appliance:5", rejection.get("eventId").asText());
    assertEquals("EVENT_ID_WRONG_APPLIANCE", rejection.get("code").asText());
  }

  @Test
  void asynchronousQueryIsSubmittedPolledAndPaged() throws Exception {
    client.ingest(Alerts.batch("b-async", "int-1", events(3000, 30)));
    lake.flush();
    LakeHttpClient.Reply submitted = client.post("/api/v1/lake/queries",
        "{\"sql\":\"SELECT event_id FROM alerts ORDER BY event_id\",\"from\":\"2000-01-01T00:00:00Z\",\"to\":4102444800000}");
    assertEquals(202, submitted.status(), submitted.body().toString());
    String id = submitted.body().get("id").asText();
    JsonNode status;
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    do {
      status = client.get("/api/v1/lake/queries/" + id).body();
    } while (!status.get("status").asText().equals("finished") && System.nanoTime() < deadline);
    assertEquals("succeeded", status.get("result").asText(), status.toString());
    long rows = status.get("rowCount").asLong();
    assertTrue(rows >= 30);
    LakeHttpClient.Reply first = client.get("/api/v1/lake/queries/" + id + "/results?pageSize=7");
    assertEquals(7, first.body().get("rows").size());
    String next = first.body().get("nextKey").asText();
    LakeHttpClient.Reply second = client.get("/api/v1/lake/queries/" + id + "/results?pageSize=7&pageKey=" + next);
    assertEquals(7, second.body().get("rows").size());
    assertTrue(first.body().at("/rows/6/0").asText().compareTo(second.body().at("/rows/0/0").asText()) < 0);
    assertEquals(404, client.get("/api/v1/lake/queries/no-such-id").status());
  }

  @Test
  void refusedSqlComesBackAsCodeAndMessage() throws Exception {
    LakeHttpClient.Reply sync = client.post("/api/v1/lake/query", LakeHttpClient.sql("COPY alerts TO '/tmp/x'"));
    assertEquals(400, sync.status());
    assertEquals("QUERY_NOT_SELECT", sync.body().get("code").asText());
    assertNotNull(sync.body().get("message").asText());
    LakeHttpClient.Reply async = client.post("/api/v1/lake/queries", LakeHttpClient.sql("SELECT * FROM read_csv('/etc/passwd')"));
    assertEquals(400, async.status());
    assertEquals("QUERY_FUNCTION_NOT_ALLOWED", async.body().get("code").asText());
    LakeHttpClient.Reply bad = client.post("/api/v1/lake/query", "{\"query\": 1}");
    assertEquals(400, bad.status());
    assertEquals("BAD_REQUEST", bad.body().get("code").asText());
  }

  @Test
  void ingestRefusesOversizedCompressedBody() throws Exception {
    byte[] big = new byte[LakeRoutes.MAX_INGEST_BODY + 10];
    LakeHttpClient.Reply reply = client.ingestBytes(big);
    assertEquals(413, reply.status());
    assertEquals("BATCH_TOO_LARGE", reply.body().get("code").asText());
    assertEquals(IngestCodec.PATH, "/api/v1/lake/ingest");
  }
}
