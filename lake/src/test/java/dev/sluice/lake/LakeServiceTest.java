package dev.sluice.lake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.lake.internal.LakeFiles;
import dev.sluice.wire.ingest.IngestEvent;
import dev.sluice.wire.ingest.IngestResponse;
import dev.sluice.wire.ingest.IngestResponse.EventRejection;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** One lake for the class; each test writes as its own tenant so tests do not see each other. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LakeServiceTest {

  @TempDir static Path dir;
  LakeService lake;

  @BeforeAll
  void start() throws Exception {
    lake = open();
  }

  private LakeService open() throws Exception {
    LakeConfig.QueryLimits limits = new LakeConfig.QueryLimits(Duration.ofSeconds(30), Duration.ofSeconds(2),
        1_000, 100, "256MB", 1, 2);
    return LakeService.start(
        new LakeConfig(dir, Duration.ofHours(1), Duration.ofHours(1), t -> t.equals("short") ? 3 : 90, limits),
        (appliance, integration) -> integration.startsWith(appliance.tenantId() + "-int"),
        Clock.fixed(Instant.ofEpochMilli(Alerts.T0), ZoneOffset.UTC),
        new StorageSettings(4, 256L * 1024 * 1024, StorageSettings.LARGE_FILE_BYTES, Duration.ofMinutes(2), "512MB"));
  }

  @AfterAll
  void stop() throws Exception {
    lake.close();
  }

  private IngestResponse ingest(String tenant, String appliance, String batchId, List<IngestEvent> events) {
    IngestOutcome outcome = lake.ingest(new ApplianceIdentity(tenant, appliance),
        Alerts.batch(batchId, tenant + "-int-1", events));
    return assertInstanceOf(IngestOutcome.Stored.class, outcome, outcome::toString).response();
  }

  private List<List<Object>> rows(String tenant, String sql) {
    QueryResult result = lake.query(tenant, new QueryRequest(sql, null, null));
    return assertInstanceOf(QueryResult.Succeeded.class, result, result::toString).rows();
  }

  private long count(String tenant) {
    return (Long) rows(tenant, "SELECT count(*) FROM alerts").get(0).get(0);
  }

  @Test
  void ingestedAlertsComeBackFromSqlWithTheirColumns() throws Exception {
    List<IngestEvent> events = Alerts.events("appl-1", 0, 50);
    assertEquals(new IngestResponse("b1", 50, 0, List.of()), ingest("roundtrip", "appl-1", "b1", events));
    lake.flush();
    assertEquals(50, count("roundtrip"));
    IngestEvent first = events.get(0);
    List<Object> row = rows("roundtrip",
        "SELECT event_id, title, device_ip, raw_data, ocsf.finding_info.uid, unmapped['syslog.hostname'], time, "
            + "alert_type, mitre_technique, peer_ip, test_alert, ocsf_extra FROM alerts WHERE event_id = 'appl-1:0'").get(0);
    assertEquals("appl-1:0", row.get(0));
    assertEquals(first.ocsf().path("finding_info").path("title").asText(), row.get(1));
    assertEquals(first.ocsf().path("device").path("ip").asText(), row.get(2));
    assertEquals(first.ocsf().path("raw_data").asText(), row.get(3));
    assertEquals(first.ocsf().path("finding_info").path("uid").asText(), row.get(4));
    assertEquals("dt-master-1", row.get(5));
    assertEquals(Instant.ofEpochMilli(first.ocsf().path("time").asLong()).toString(), row.get(6));
    assertEquals(first.ocsf().path("finding_info").path("title").asText(), row.get(7));
    assertEquals(first.ocsf().at("/finding_info/attacks/0/technique/uid").asText(), row.get(8));
    assertEquals(first.ocsf().at("/evidences/0/dst_endpoint/ip").asText(), row.get(9));
    assertEquals(first.testAlert(), row.get(10));
    assertNull(row.get(11), "every attribute of the record has its column");
  }

  @Test
  void storedRecordRebuildsTheOriginalOcsfJson() throws Exception {
    List<IngestEvent> events = Alerts.events("appl-1", 0, 1);
    ingest("rebuild", "appl-1", "b1", events);
    lake.flush();
    String json = (String) rows("rebuild", "SELECT to_json(ocsf)::VARCHAR FROM alerts").get(0).get(0);
    ObjectNode stored = (ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
    stripNulls(stored);
    ObjectNode original = (ObjectNode) events.get(0).ocsf().deepCopy();
    original.remove("raw_data");
    original.remove("unmapped");
    assertEquals(original, stored);
  }

  private static void stripNulls(com.fasterxml.jackson.databind.JsonNode node) {
    if (node instanceof ObjectNode object) {
      List<String> nulls = new ArrayList<>();
      object.fields().forEachRemaining(e -> {
        if (e.getValue().isNull()) {
          nulls.add(e.getKey());
        } else {
          stripNulls(e.getValue());
        }
      });
      object.remove(nulls);
    } else if (node.isArray()) {
      node.forEach(LakeServiceTest::stripNulls);
    }
  }

  @Test
  void retriedBatchIsCountedAsDuplicatesAndStoredOnce() throws Exception {
    List<IngestEvent> events = Alerts.events("appl-1", 0, 20);
    assertEquals(20, ingest("retry", "appl-1", "b1", events).accepted());
    assertEquals(new IngestResponse("b1", 0, 20, List.of()), ingest("retry", "appl-1", "b1", events));
    lake.flush();
    assertEquals(new IngestResponse("b1", 0, 20, List.of()), ingest("retry", "appl-1", "b1", events));
    lake.flush();
    assertEquals(20, count("retry"));
  }

  @Test
  void duplicateEventsWithinAndAcrossBatchesAreStoredOnce() throws Exception {
    List<IngestEvent> first = Alerts.events("appl-1", 0, 10);
    List<IngestEvent> overlapping = new ArrayList<>(Alerts.events("appl-1", 5, 10));
    overlapping.add(overlapping.get(9));
    assertEquals(10, ingest("dupes", "appl-1", "b1", first).accepted());
    IngestResponse second = ingest("dupes", "appl-1", "b2", overlapping);
    assertEquals(5, second.accepted());
    assertEquals(6, second.duplicates());
    // The same offsets from another appliance are other events.
    assertEquals(10, ingest("dupes", "appl-2", "b3", Alerts.events("appl-2", 0, 10)).accepted());
    lake.flush();
    assertEquals(25, count("dupes"));
    assertEquals(List.of(List.of(25L)), rows("dupes", "SELECT count(DISTINCT event_id) FROM alerts"));
  }

  @Test
  void sameBatchSentConcurrentlyIsStoredOnce() throws Exception {
    List<IngestEvent> events = Alerts.events("appl-1", 0, 200);
    java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(4);
    List<java.util.concurrent.Future<IngestResponse>> replies = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      replies.add(threads.submit(() -> ingest("concurrent", "appl-1", "b1", events)));
    }
    int accepted = 0;
    int duplicates = 0;
    for (java.util.concurrent.Future<IngestResponse> reply : replies) {
      accepted += reply.get().accepted();
      duplicates += reply.get().duplicates();
    }
    threads.shutdown();
    assertEquals(200, accepted);
    assertEquals(600, duplicates);
    lake.flush();
    assertEquals(200, count("concurrent"));
  }

  @Test
  void invalidRecordsAreRejectedOneByOneAndValidOnesKept() throws Exception {
    List<IngestEvent> events = new ArrayList<>(Alerts.events("appl-1", 0, 8));
    IngestEvent good = events.get(0);
    events.set(1, new IngestEvent("no-offset", good.receiveTime(), good.sender(), "model_breach", false, good.ocsf()));
    events.set(2, new IngestEvent("appl-9:2", good.receiveTime(), good.sender(), "model_breach", false, good.ocsf()));
    events.set(3, new IngestEvent("appl-1:3", good.receiveTime(), good.sender(), "model_breach", false, null));
    ObjectNode otherClass = ((ObjectNode) good.ocsf().deepCopy()).put("class_uid", 2005);
    events.set(4, new IngestEvent("appl-1:4", good.receiveTime(), good.sender(), "model_breach", false, otherClass));
    ObjectNode noTime = (ObjectNode) good.ocsf().deepCopy();
    noTime.remove("time");
    events.set(5, new IngestEvent("appl-1:5", good.receiveTime(), good.sender(), "model_breach", false, noTime));
    ObjectNode badType = ((ObjectNode) good.ocsf().deepCopy()).put("severity_id", "high");
    events.set(6, new IngestEvent("appl-1:6", good.receiveTime(), good.sender(), "model_breach", false, badType));
    IngestResponse response = ingest("invalid", "appl-1", "b1", events);
    assertEquals(2, response.accepted());
    assertEquals(0, response.duplicates());
    assertEquals(List.of("no-offset/EVENT_ID_INVALID", "appl-9:2/EVENT_ID_WRONG_APPLIANCE", "appl-1:3/OCSF_MISSING",
            "appl-1:4/OCSF_CLASS_UNSUPPORTED", "appl-1:5/OCSF_MISSING_REQUIRED", "appl-1:6/OCSF_WRONG_TYPE"),
        response.rejections().stream().map(r -> r.eventId() + "/" + r.code()).toList());
    response.rejections().forEach(r -> assertTrue(!r.message().isBlank()));
    lake.flush();
    assertEquals(List.of(List.of("appl-1:0"), List.of("appl-1:7")),
        rows("invalid", "SELECT event_id FROM alerts ORDER BY event_id"));
  }

  @Test
  void applianceMayOnlyWriteForIntegrationsItOwns() {
    IngestOutcome outcome = lake.ingest(new ApplianceIdentity("owner", "appl-1"),
        Alerts.batch("b1", "someone-elses-int-1", Alerts.events("appl-1", 0, 3)));
    LakeError error = assertInstanceOf(IngestOutcome.Refused.class, outcome).error();
    assertEquals(LakeErrorCode.INTEGRATION_NOT_OWNED, error.code());
    assertEquals(403, error.code().httpStatus());
  }

  @Test
  void attributesWithoutAColumnAreKeptInOcsfExtra() throws Exception {
    IngestEvent event = Alerts.events("appl-1", 0, 1).get(0);
    ObjectNode record = ((ObjectNode) event.ocsf().deepCopy()).put("duration", 5000);
    ingest("extra", "appl-1", "b1", List.of(new IngestEvent(event.eventId(), event.receiveTime(), event.sender(),
        event.alertKind(), false, record)));
    lake.flush();
    assertEquals(List.of(List.of("5000")), rows("extra", "SELECT ocsf_extra['duration'] FROM alerts"));
  }

  @Test
  void tenantsSeeOnlyTheirOwnAlerts() throws Exception {
    ingest("alpha", "appl-a", "b1", Alerts.events("appl-a", 0, 7));
    ingest("beta", "appl-b", "b1", Alerts.events("appl-b", 0, 3));
    lake.flush();
    assertEquals(7, count("alpha"));
    assertEquals(3, count("beta"));
    assertEquals(0, count("nobody"));
  }

  @Test
  void timeRangeLimitsTheRowsAQuerySees() throws Exception {
    ingest("ranged", "appl-1", "b1", Alerts.events("appl-1", 0, 10));
    lake.flush();
    Instant from = Instant.ofEpochMilli(Alerts.T0 + 2 * 60_000L);
    Instant to = Instant.ofEpochMilli(Alerts.T0 + 5 * 60_000L);
    QueryResult result = lake.query("ranged", new QueryRequest("SELECT count(*) FROM alerts", from, to));
    assertEquals(List.of(List.of(3L)), assertInstanceOf(QueryResult.Succeeded.class, result).rows());
  }

  @Test
  void synchronousQueryKeepsAtMostItsRowLimit() throws Exception {
    ingest("many", "appl-1", "b1", Alerts.events("appl-1", 0, 150));
    lake.flush();
    QueryResult.Succeeded result = assertInstanceOf(QueryResult.Succeeded.class,
        lake.query("many", new QueryRequest("SELECT event_id FROM alerts", null, null)));
    assertEquals(100, result.rows().size());
    assertTrue(result.truncated());
  }

  @Test
  void longQueryIsStoppedAtTheTimeLimit() {
    QueryResult result = lake.query("slow", new QueryRequest(
        "SELECT count(*) FROM range(100000000) a, range(100000000) b WHERE a.range + b.range = -1", null, null));
    LakeError error = assertInstanceOf(QueryResult.TimedOut.class, result, result::toString).error();
    assertEquals(LakeErrorCode.QUERY_TIMED_OUT, error.code());
  }

  @Test
  void sqlErrorsComeBackAsClearMessages() {
    QueryResult result = lake.query("errors", new QueryRequest("SELECT no_such_column FROM alerts", null, null));
    LakeError error = assertInstanceOf(QueryResult.Failed.class, result).error();
    assertEquals(LakeErrorCode.QUERY_FAILED, error.code());
    assertTrue(error.message().startsWith("Binder Error: Referenced column \"no_such_column\" not found"), error.message());
    assertTrue(!error.message().contains(dir.toString()) && !error.message().contains("at org."), error.message());
    LakeError syntax = assertInstanceOf(QueryResult.Failed.class,
        lake.query("errors", new QueryRequest("SELEC 1", null, null))).error();
    assertEquals(LakeErrorCode.QUERY_SYNTAX, syntax.code());
    assertTrue(syntax.message().contains("syntax error"), syntax.message());
  }

  @Test
  void asynchronousQueryRunsToAPagedResult() throws Exception {
    ingest("async", "appl-1", "b1", Alerts.events("appl-1", 0, 25));
    lake.flush();
    QuerySubmission submitted = lake.submitQuery("async",
        new QueryRequest("SELECT event_id FROM alerts ORDER BY event_id", null, null));
    String id = assertInstanceOf(QuerySubmission.Submitted.class, submitted).run().id();
    QueryRun run = awaitFinished("async", id);
    assertEquals(QueryRun.Outcome.SUCCEEDED, run.result());
    assertEquals(25, run.rowCount());
    assertTrue(lake.queryStatus("someone-else", id).isEmpty(), "another tenant cannot see the run");
    List<Object> ids = new ArrayList<>();
    List<String> previousKeys = new ArrayList<>();
    String key = null;
    int pages = 0;
    do {
      QueryPage page = assertInstanceOf(QueryPageOutcome.Page.class, lake.queryResults("async", id, 10, key)).page();
      page.rows().forEach(r -> ids.add(r.get(0)));
      previousKeys.add(page.previousKey());
      key = page.nextKey();
      pages++;
    } while (key != null);
    assertEquals(3, pages);
    assertEquals(25, ids.size());
    assertEquals("appl-1:0", ids.get(0));
    assertNull(previousKeys.get(0), "the first page has no previous page");
    QueryPage back = assertInstanceOf(QueryPageOutcome.Page.class,
        lake.queryResults("async", id, 10, previousKeys.get(2))).page();
    assertEquals(ids.subList(10, 20), back.rows().stream().map(r -> r.get(0)).toList(), "previous of the last page is the second");
    assertEquals(previousKeys.get(1), back.previousKey(), "and its previous is the first");
  }

  @Test
  void canceledQueryEndsCanceled() throws Exception {
    QuerySubmission submitted = lake.submitQuery("cancel", new QueryRequest(
        "SELECT count(*) FROM range(100000000) a, range(100000000) b WHERE a.range + b.range = -1", null, null));
    String id = assertInstanceOf(QuerySubmission.Submitted.class, submitted).run().id();
    Thread.sleep(300);
    lake.cancelQuery("cancel", id);
    QueryRun run = awaitFinished("cancel", id);
    assertEquals(QueryRun.Outcome.CANCELED, run.result());
    assertEquals(LakeErrorCode.QUERY_CANCELED, run.error().code());
  }

  private QueryRun awaitFinished(String tenant, String id) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      Optional<QueryRun> run = lake.queryStatus(tenant, id);
      if (run.isPresent() && run.get().status() == QueryRun.Status.FINISHED) {
        return run.get();
      }
      Thread.sleep(20);
    }
    throw new AssertionError("query " + id + " did not finish");
  }

  @Test
  void retentionDropsWholeDaysPastTheTenantsLimit() throws Exception {
    List<IngestEvent> events = new ArrayList<>();
    for (int daysAgo : new int[] {0, 2, 3, 4, 10}) {
      IngestEvent e = Alerts.events("appl-1", daysAgo, 1).get(0);
      ObjectNode record = ((ObjectNode) e.ocsf().deepCopy()).put("time", Alerts.T0 - daysAgo * 86_400_000L);
      events.add(new IngestEvent(e.eventId(), e.receiveTime(), e.sender(), e.alertKind(), false, record));
    }
    ingest("short", "appl-1", "b1", events);
    lake.flush();
    assertEquals(5, count("short"));
    assertTrue(lake.applyRetention() >= 2);
    LocalDate today = LocalDate.ofInstant(Instant.ofEpochMilli(Alerts.T0), ZoneOffset.UTC);
    assertEquals(List.of(today.minusDays(3), today.minusDays(2), today),
        new LakeFiles(dir).days("short"));
    assertEquals(3, count("short"));
  }

  @Test
  void batchSpanningTwoDaysIsStoredOnceInEachDaysPartition() throws Exception {
    List<IngestEvent> events = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      IngestEvent e = Alerts.events("appl-1", i, 1).get(0);
      ObjectNode record = ((ObjectNode) e.ocsf().deepCopy()).put("time", Alerts.T0 - (i % 2) * 86_400_000L);
      events.add(new IngestEvent(e.eventId(), e.receiveTime(), e.sender(), e.alertKind(), false, record));
    }
    ingest("twodays", "appl-1", "b1", events.subList(0, 5));
    ingest("twodays", "appl-1", "b2", events.subList(5, 7));
    lake.flush();
    LocalDate today = LocalDate.ofInstant(Instant.ofEpochMilli(Alerts.T0), ZoneOffset.UTC);
    assertEquals(List.of(List.of(today.minusDays(1).toString(), 3L), List.of(today.toString(), 4L)),
        rows("twodays", "SELECT CAST(day AS VARCHAR), count(*) FROM alerts GROUP BY 1 ORDER BY 1"));
    LakeFiles files = new LakeFiles(dir);
    for (LocalDate day : files.days("twodays")) {
      assertEquals(1, files.visibleFiles(files.dayDir("twodays", day)).size());
    }
    assertEquals(7, rows("twodays", "SELECT DISTINCT event_id FROM alerts").size());
  }

  @Test
  void compactionMergesSmallFilesAndKeepsEveryRow() throws Exception {
    for (int i = 0; i < 6; i++) {
      ingest("compact", "appl-1", "b" + i, Alerts.events("appl-1", i * 10L, 10));
      lake.flush();
    }
    LakeFiles files = new LakeFiles(dir);
    LocalDate day = files.days("compact").get(0);
    assertEquals(6, files.visibleFiles(files.dayDir("compact", day)).size());
    List<List<Object>> before = rows("compact", "SELECT event_id, title, device_ip FROM alerts ORDER BY event_id");
    lake.compact();
    List<LakeFiles.DataFile> visible = files.visibleFiles(files.dayDir("compact", day));
    assertEquals(1, visible.size());
    assertTrue(visible.get(0).compacted());
    assertEquals(before, rows("compact", "SELECT event_id, title, device_ip FROM alerts ORDER BY event_id"));
  }

  @Test
  void heldIdsSurviveARestart() throws Exception {
    List<IngestEvent> events = Alerts.events("appl-1", 0, 12);
    ingest("restart", "appl-1", "b1", events.subList(0, 8));
    lake.flush();
    ingest("restart", "appl-1", "b2", events.subList(8, 12));
    lake.close();
    lake = open();
    assertEquals(new IngestResponse("b3", 0, 12, List.of()), ingest("restart", "appl-1", "b3", events));
    lake.flush();
    assertEquals(12, count("restart"));
  }

  @Test
  void eventsConvertedBeforeACleanRestartAreKeptWithTheOnesAfterIt() throws Exception {
    ingest("reopen", "appl-1", "b1", Alerts.events("appl-1", 0, 6));
    lake.flush();
    lake.close();
    lake = open();
    ingest("reopen", "appl-1", "b2", Alerts.events("appl-1", 6, 6));
    lake.flush();
    assertEquals(12, count("reopen"));
    lake.compact();
    assertEquals(List.of(List.of(12L, 12L)), rows("reopen", "SELECT count(*), count(DISTINCT event_id) FROM alerts"));
  }

  @Test
  void filesOfTheEarlierLayoutAreUpgradedAtStartAndStayQueryable() throws Exception {
    ingest("upgrade", "appl-1", "b1", Alerts.events("appl-1", 0, 10));
    lake.flush();
    List<List<Object>> before = rows("upgrade", "SELECT event_id, peer_ip, category, direction FROM alerts ORDER BY event_id");
    lake.close();
    LakeFiles files = new LakeFiles(dir);
    Path file = files.visibleFiles(files.dayDir("upgrade", files.days("upgrade").get(0))).get(0).path();
    // The layout before the stored analyst columns: the same file without them.
    Path old = dir.resolve("old-layout.parquet");
    try (java.sql.Connection duck = java.sql.DriverManager.getConnection("jdbc:duckdb:");
        java.sql.Statement s = duck.createStatement()) {
      s.execute("COPY (SELECT * EXCLUDE (category, mitre_technique, peer_ip, peer_scope, direction) FROM read_parquet('"
          + file + "')) TO '" + old + "' (FORMAT parquet, COMPRESSION zstd)");
    }
    java.nio.file.Files.move(old, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    java.nio.file.Files.delete(dir.resolve("layout-stored-analyst-columns")); // a lake from before the marker
    lake = open();
    assertEquals(before, rows("upgrade", "SELECT event_id, peer_ip, category, direction FROM alerts ORDER BY event_id"));
    assertEquals(10, count("upgrade"));
  }
}
