package dev.sluice.appliance.forward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.appliance.event.SpooledEvent;
import dev.sluice.spool.Spool;
import dev.sluice.spool.SpoolConfig;
import dev.sluice.wire.ingest.IngestEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForwarderTest {
  @TempDir Path dir;
  private final List<Duration> waits = new ArrayList<>();

  private static SpooledEvent event(String integration, int n) {
    return new SpooledEvent(integration, 1_764_000_000_000L + n, n % 2 == 0 ? "dt-" + n : null,
        "127.0.0." + (1 + n % 3), "model_breach", n % 10 == 0,
        ("{\"class_uid\":2004,\"message\":\"alert \\\"" + n + "\\\"\"}")
            .getBytes(StandardCharsets.UTF_8));
  }

  private Forwarder forwarder(Spool spool, LakeClient lake, int maxEvents) {
    ForwarderConfig config = new ForwarderConfig(maxEvents, 1 << 20, Duration.ofMillis(20),
        Duration.ofMillis(100), Duration.ofSeconds(5));
    return new Forwarder(spool, lake, "appl-1", config, Clock.systemUTC(), new Random(7),
        d -> {
          synchronized (waits) {
            waits.add(d);
          }
        }).start();
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(5);
    }
  }

  @Test
  void deliversEveryEventOnceWithStableIdsAndAcknowledgesTheSpool() throws Exception {
    RecordingLake lake = new RecordingLake();
    try (Spool spool = Spool.open(dir, SpoolConfig.withMaxBytes(64 << 20));
        Forwarder f = forwarder(spool, lake, 100)) {
      for (int i = 0; i < 1000; i++) {
        spool.append(event(i % 3 == 0 ? "int-a" : "int-b", i).encode());
      }
      await(() -> spool.ackedOffset() == 999, "all acked");
      assertEquals(1000, lake.size());
      for (int i = 0; i < 1000; i++) {
        IngestEvent e = lake.events.get("appl-1:" + i);
        SpooledEvent sent = event(i % 3 == 0 ? "int-a" : "int-b", i);
        assertEquals(sent.receiveTimeMillis(), e.receiveTime());
        assertEquals(sent.senderHostname(), e.sender().hostname());
        assertEquals(sent.senderAddress(), e.sender().address());
        assertEquals(sent.testAlert(), e.testAlert());
        assertEquals("alert \"" + i + "\"", e.ocsf().get("message").asText());
      }
      assertTrue(lake.batches.stream().allMatch(b -> b.events().size() <= 100));
      assertTrue(lake.batches.stream().allMatch(b -> b.events().stream()
          .allMatch(e -> {
            long o = Long.parseLong(e.eventId().substring(7));
            return b.integrationId().equals(o % 3 == 0 ? "int-a" : "int-b");
          })));
      assertEquals(1000, f.stats().eventsStored());
    }
  }

  @Test
  void retriesWithGrowingJitteredBackoffWhileTheLakeIsDownThenDrains() throws Exception {
    RecordingLake lake = new RecordingLake();
    lake.failNext.set(6);
    try (Spool spool = Spool.open(dir, SpoolConfig.withMaxBytes(64 << 20));
        Forwarder f = forwarder(spool, lake, 500)) {
      for (int i = 0; i < 3000; i++) {
        spool.append(event("int-a", i).encode());
      }
      await(() -> spool.ackedOffset() == 2999, "all acked");
      assertEquals(3000, lake.size());
      assertEquals(6, f.stats().sendFailures());
      synchronized (waits) {
        assertEquals(6, waits.size());
        long[] ceilings = {100, 200, 400, 800, 1600, 3200};
        for (int i = 0; i < 6; i++) {
          long ms = waits.get(i).toMillis();
          assertTrue(ms >= ceilings[i] / 2 && ms <= ceilings[i], "wait " + i + ": " + ms);
        }
      }
    }
  }

  @Test
  void resendsWhenTheAnswerIsLostAndTheLakeCountsDuplicates() throws Exception {
    RecordingLake lake = new RecordingLake();
    lake.loseAnswerNext.set(1);
    try (Spool spool = Spool.open(dir, SpoolConfig.withMaxBytes(64 << 20));
        Forwarder f = forwarder(spool, lake, 50)) {
      for (int i = 0; i < 50; i++) {
        spool.append(event("int-a", i).encode());
      }
      await(() -> spool.ackedOffset() == 49, "all acked");
      assertEquals(50, lake.size());
      assertEquals(50, f.stats().eventsDuplicate());
      assertEquals(lake.batches.get(0).batchId(), lake.batches.get(1).batchId());
    }
  }

  @Test
  void restartedForwarderResumesAfterTheAcknowledgedOffset() throws Exception {
    RecordingLake lake = new RecordingLake();
    try (Spool spool = Spool.open(dir, SpoolConfig.withMaxBytes(64 << 20))) {
      try (Forwarder f = forwarder(spool, lake, 100)) {
        for (int i = 0; i < 200; i++) {
          spool.append(event("int-a", i).encode());
        }
        await(() -> spool.ackedOffset() == 199, "first part acked");
      }
      for (int i = 200; i < 300; i++) {
        spool.append(event("int-a", i).encode());
      }
      int before = lake.calls;
      try (Forwarder f = forwarder(spool, lake, 100)) {
        await(() -> spool.ackedOffset() == 299, "second part acked");
        assertEquals(0, f.stats().eventsDuplicate());
      }
      assertEquals(300, lake.size());
      assertTrue(lake.calls > before);
    }
  }
}
