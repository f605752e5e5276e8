package dev.sluice.lake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.wire.ingest.IngestBatch;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a real lake process with SIGKILL while an appliance-like client sends batches and the
 * lake converts and compacts in the background; restarts it; retries what was not acknowledged
 * (and, for good measure, everything). Asserts the exact count: every event once, none twice,
 * and every Parquet file in the live tree complete.
 */
class CrashRecoveryTest {

  static final int BATCHES = 60;
  static final int EVENTS_PER_BATCH = 100;

  @TempDir Path dir;

  private Process child;
  private final List<String> childOutput = java.util.Collections.synchronizedList(new ArrayList<>());
  private LakeHttpClient client;

  @Test
  void killedLakeLosesNoAcknowledgedEventAndStoresNoneTwice() throws Exception {
    List<IngestBatch> batches = new ArrayList<>();
    for (int b = 0; b < BATCHES; b++) {
      batches.add(Alerts.batch("b" + b, "int-1",
          Alerts.events(StandaloneIdentity.APPLIANCE, (long) b * EVENTS_PER_BATCH, EVENTS_PER_BATCH)));
    }
    boolean[] acked = new boolean[BATCHES];
    SplittableRandom random = new SplittableRandom(42);
    int kills = 0;
    for (int round = 0; round < 4; round++) {
      startChild();
      assertAcknowledgedEventsAreThereOnce(acked);
      if (round == 3) {
        break;
      }
      long killAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300 + random.nextInt(700));
      int next = 0;
      while (System.nanoTime() < killAt) {
        int b = (next++) % BATCHES;
        if (!acked[b] || random.nextInt(4) == 0) {
          try {
            if (client.ingest(batches.get(b)).status() == 200) {
              acked[b] = true;
            }
          } catch (IOException e) {
            break;
          }
        }
      }
      child.destroyForcibly().waitFor();
      kills++;
    }
    for (int b = 0; b < BATCHES; b++) {
      LakeHttpClient.Reply reply = client.ingest(batches.get(b));
      assertEquals(200, reply.status());
      int stored = reply.body().get("accepted").asInt() + reply.body().get("duplicates").asInt();
      assertEquals(EVENTS_PER_BATCH, stored);
      if (acked[b]) {
        assertEquals(EVENTS_PER_BATCH, reply.body().get("duplicates").asInt(), "batch " + b + " was acked before");
      }
    }
    long total = (long) BATCHES * EVENTS_PER_BATCH;
    assertEquals(List.of(total, total), awaitCounts(total));
    child.destroyForcibly().waitFor();
    assertEquals(total, countVisibleFilesDirectly(), "every visible file is complete, none is repeated");
    assertEquals(3, kills);
    assertTrue(childOutput.stream().anyMatch(l -> l.contains("recovering")),
        "at least one kill landed before a WAL segment was converted:\n" + String.join("\n", childOutput));
  }

  private void assertAcknowledgedEventsAreThereOnce(boolean[] acked) throws Exception {
    long expected = 0;
    StringBuilder acknowledged = new StringBuilder();
    for (int b = 0; b < BATCHES; b++) {
      if (acked[b]) {
        expected += EVENTS_PER_BATCH;
        acknowledged.append(acknowledged.length() == 0 ? "" : " OR ")
            .append("(o >= ").append((long) b * EVENTS_PER_BATCH).append(" AND o < ")
            .append((long) (b + 1) * EVENTS_PER_BATCH).append(')');
      }
    }
    if (expected > 0) {
      String sql = "SELECT count(*), count(DISTINCT event_id) FROM (SELECT event_id, "
          + "cast(split_part(event_id, ':', 2) AS BIGINT) AS o FROM alerts) WHERE " + acknowledged;
      List<Long> counts = await(sql, expected);
      assertEquals(List.of(expected, expected), counts, "acknowledged events after a SIGKILL");
    }
  }

  private List<Long> awaitCounts(long expected) throws Exception {
    return await("SELECT count(*), count(DISTINCT event_id) FROM alerts", expected);
  }

  private List<Long> await(String sql, long expected) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    List<Long> counts;
    do {
      LakeHttpClient.Reply reply = client.post("/api/v1/lake/query", LakeHttpClient.sql(sql));
      assertEquals(200, reply.status(), String.valueOf(reply.body()));
      counts = List.of(reply.body().at("/rows/0/0").asLong(), reply.body().at("/rows/0/1").asLong());
      if (counts.get(0) >= expected) {
        return counts;
      }
      Thread.sleep(50);
    } while (System.nanoTime() < deadline);
    return counts;
  }

  private long countVisibleFilesDirectly() throws Exception {
    List<Path> files = new dev.sluice.lake.internal.LakeFiles(dir).visibleFiles(StandaloneIdentity.TENANT, null, null);
    String list = files.stream().map(p -> "'" + p + "'").collect(Collectors.joining(", "));
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT count(*) FROM read_parquet([" + list + "], hive_partitioning = false)")) {
      r.next();
      return r.getLong(1);
    }
  }

  private void startChild() throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    child = new ProcessBuilder(java, "--add-opens=java.base/java.nio=ALL-UNNAMED", "-Xmx512m",
        "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), LakeChildProcess.class.getName(),
        dir.toString(), "30", "60")
        .redirectErrorStream(true).start();
    BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
    String line;
    StringBuilder seen = new StringBuilder();
    while ((line = out.readLine()) != null) {
      if (line.startsWith("PORT ")) {
        String token = Files.readString(dir.resolve("test-token")).strip();
        client = new LakeHttpClient(Integer.parseInt(line.substring(5)), token);
        Thread drain = new Thread(() -> {
          try {
            String more;
            while ((more = out.readLine()) != null) {
              childOutput.add(more);
            }
          } catch (IOException ignored) {
            // The child was killed.
          }
        });
        drain.setDaemon(true);
        drain.start();
        return;
      }
      seen.append(line).append('\n');
      childOutput.add(line);
    }
    throw new AssertionError("child lake did not start:\n" + seen);
  }
}
