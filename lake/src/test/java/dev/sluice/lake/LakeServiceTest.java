package dev.sluice.lake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.wire.ingest.IngestEvent;
import dev.sluice.wire.ingest.IngestResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LakeServiceTest {

  static final ApplianceIdentity APPLIANCE = new ApplianceIdentity("acme", "appl-1");

  @TempDir Path dir;
  LakeService lake;

  @BeforeEach
  void start() throws Exception {
    long t0 = System.nanoTime();
    lake = LakeService.start(new LakeConfig(dir, Duration.ofHours(1), Duration.ofHours(1), t -> 90,
        LakeConfig.QueryLimits.defaults()), (a, integration) -> integration.startsWith("int-"),
        Clock.fixed(Instant.ofEpochMilli(Alerts.T0), ZoneOffset.UTC));
    System.out.println("start " + (System.nanoTime() - t0) / 1_000_000);
  }

  @AfterEach
  void stop() throws Exception {
    lake.close();
  }

  private IngestResponse ingest(ApplianceIdentity who, String batchId, List<IngestEvent> events) {
    IngestOutcome outcome = lake.ingest(who, Alerts.batch(batchId, "int-1", events));
    return assertInstanceOf(IngestOutcome.Stored.class, outcome).response();
  }

  private List<List<Object>> rows(String tenant, String sql) {
    QueryResult result = lake.query(tenant, new QueryRequest(sql, null, null));
    return assertInstanceOf(QueryResult.Succeeded.class, result, result::toString).rows();
  }

  @Test
  void ingestedAlertsComeBackFromSqlWithTheirColumns() throws Exception {
    long t = System.nanoTime();
    List<IngestEvent> events = Alerts.events("appl-1", 0, 50);
    System.out.println("gen " + (System.nanoTime() - t) / 1_000_000);
    IngestResponse response = ingest(APPLIANCE, "b1", events);
    assertEquals(new IngestResponse("b1", 50, 0, List.of()), response);
    System.out.println("ingest " + (System.nanoTime() - t) / 1_000_000);
    lake.flush();
    System.out.println("flush " + (System.nanoTime() - t) / 1_000_000);
    assertEquals(List.of(List.of(50L)), rows("acme", "SELECT count(*) FROM alerts"));
    IngestEvent first = events.get(0);
    List<List<Object>> row = rows("acme",
        "SELECT event_id, title, device_ip, raw_data, ocsf.finding_info.uid, unmapped['syslog.hostname'], time "
            + "FROM alerts WHERE event_id = 'appl-1:0'");
    System.out.println("query " + (System.nanoTime() - t) / 1_000_000);
    assertEquals(first.ocsf().path("finding_info").path("title").asText(), row.get(0).get(1));
    assertEquals(first.ocsf().path("device").path("ip").asText(), row.get(0).get(2));
    assertEquals(first.ocsf().path("raw_data").asText(), row.get(0).get(3));
    assertEquals(first.ocsf().path("finding_info").path("uid").asText(), row.get(0).get(4));
    assertEquals("dt-master-1", row.get(0).get(5));
    assertEquals(Instant.ofEpochMilli(first.ocsf().path("time").asLong()).toString(), row.get(0).get(6));
  }
}
