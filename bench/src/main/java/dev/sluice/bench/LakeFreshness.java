package dev.sluice.bench;

import dev.sluice.lake.ApplianceIdentity;
import dev.sluice.lake.IngestAuthorizer;
import dev.sluice.lake.IngestOutcome;
import dev.sluice.lake.LakeConfig;
import dev.sluice.lake.LakeService;
import dev.sluice.lake.sample.SampleAlerts;
import dev.sluice.wire.ingest.IngestBatch;
import dev.sluice.wire.ingest.IngestCodec;
import dev.sluice.wire.ingest.IngestEvent;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * How long after its ack an event becomes queryable, at a fixed offered load (docs/benchmarks.md
 * §4 "Freshness"; the lake issue asks for at most 5 s at steady load). The lake runs with its
 * production defaults (conversion to Parquet every second, compaction every 30 s). One sender
 * posts what an appliance's forwarder would at that rate: every 200 ms (its linger) a zstd batch
 * of a fifth of the per-second rate, and notes when each batch was acked. A poller counts the
 * tenant's rows through the query API every {@code POLL_MS}; acks, and so conversion, are in order,
 * (every 50 ms, or {@code -Dpoll=<ms>}) so the count says which batches are queryable, and a batch's latency is the start of the first
 * query that counted it minus its ack (so it includes up to one poll interval and one query).
 *
 * <pre>java --add-opens=java.base/java.nio=ALL-UNNAMED -Xmx2g -cp BENCH_CLASSPATH dev.sluice.bench.LakeFreshness
 *     WORKDIR RATES(events/s, comma-separated) SECONDS</pre>
 */
public final class LakeFreshness {
  private static final long LINGER_MS = 200;
  private static final long POLL_MS = Long.getLong("poll", 50);

  private LakeFreshness() {}

  public static void main(String[] args) throws Exception {
    Path root = Path.of(args.length > 0 ? args[0] : "/tmp/lake-freshness");
    int[] rates = Arrays.stream((args.length > 1 ? args[1] : "5000,12000").split(",")).mapToInt(Integer::parseInt).toArray();
    int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
    System.out.printf("lake freshness: %d cores, JDK %s, conversion every 1 s, poll every %d ms%n",
        Runtime.getRuntime().availableProcessors(), Runtime.version(), POLL_MS);
    for (int rate : rates) {
      Path dir = root.resolve("rate-" + rate);
      LakeBenchmark.deleteRecursively(dir);
      Files.createDirectories(dir);
      try (LakeService lake = LakeService.start(LakeConfig.defaults(dir), IngestAuthorizer.allowAll(), Clock.systemUTC())) {
        warmUp(lake);
        run(lake, rate, seconds);
      }
      LakeBenchmark.deleteRecursively(dir);
    }
  }

  /** JIT of the ack path, the conversion and the count query. */
  private static void warmUp(LakeService lake) throws Exception {
    ApplianceIdentity warm = new ApplianceIdentity("bench-warm", "appl-w");
    SampleAlerts sample = new SampleAlerts(3, warm.applianceId(), 0);
    for (int b = 0; b < 20; b++) {
      lake.ingest(warm, new ByteArrayInputStream(body(sample, "w" + b, 5_000)), LakeBenchmark.ENCODING);
      if (b % 5 == 4) {
        lake.flush();
        LakeBenchmark.count(lake, warm.tenantId());
      }
    }
  }

  private static void run(LakeService lake, int rate, int seconds) throws Exception {
    ApplianceIdentity who = new ApplianceIdentity("bench-fresh", "appl-f");
    int perBatch = Math.max(1, Math.min(5_000, (int) (rate * LINGER_MS / 1000)));
    int batches = (int) (seconds * 1000 / LINGER_MS);
    // Bodies made up front, so the sender's own work does not delay the acks being measured.
    SampleAlerts sample = new SampleAlerts(5, who.applianceId(), 0);
    List<byte[]> bodies = new ArrayList<>(batches);
    for (int b = 0; b < batches; b++) {
      bodies.add(body(sample, "f" + b, perBatch));
    }
    long[] acked = new long[batches];
    long[] visible = new long[batches];
    AtomicInteger ackedBatches = new AtomicInteger();
    Thread poller = new Thread(() -> poll(lake, who.tenantId(), perBatch, batches, ackedBatches, visible), "freshness-poller");
    poller.setDaemon(true);
    poller.start();
    long start = System.nanoTime();
    long late = 0;
    for (int b = 0; b < batches; b++) {
      long due = start + b * LINGER_MS * 1_000_000;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      } else {
        late = Math.max(late, -wait);
      }
      IngestOutcome outcome = lake.ingest(who, new ByteArrayInputStream(bodies.get(b)), LakeBenchmark.ENCODING);
      if (!(outcome instanceof IngestOutcome.Stored stored) || stored.response().accepted() != perBatch) {
        throw new IllegalStateException("batch " + b + " not stored in full: " + outcome);
      }
      acked[b] = System.nanoTime();
      ackedBatches.set(b + 1);
    }
    poller.join(120_000);
    if (poller.isAlive()) {
      throw new IllegalStateException("not every acked event became queryable within 120 s");
    }
    double[] latencies = new double[batches];
    for (int b = 0; b < batches; b++) {
      latencies[b] = (visible[b] - acked[b]) / 1e6;
    }
    Arrays.sort(latencies);
    System.out.printf(Locale.ROOT, "offered %,d events/s (%,d-event batches every %d ms, %d s, %,d events; sender at most"
            + " %.0f ms behind schedule): ack to queryable p50 %.0f ms, p99 %.0f ms, max %.0f ms%n",
        rate, perBatch, LINGER_MS, seconds, (long) perBatch * batches, late / 1e6,
        latencies[batches / 2], latencies[(int) Math.ceil(batches * 0.99) - 1], latencies[batches - 1]);
  }

  private static void poll(LakeService lake, String tenant, int perBatch, int batches, AtomicInteger ackedBatches,
                           long[] visible) {
    int seen = 0;
    while (seen < batches) {
      int acked = ackedBatches.get(); // read first: only batches acked before the query started count as seen
      long queryStart = System.nanoTime();
      long rows = LakeBenchmark.count(lake, tenant);
      int nowVisible = (int) Math.min(acked, rows / perBatch);
      for (; seen < nowVisible; seen++) {
        visible[seen] = queryStart;
      }
      LockSupport.parkNanos(POLL_MS * 1_000_000);
    }
  }

  private static byte[] body(SampleAlerts sample, String batchId, int events) {
    List<IngestEvent> list = new ArrayList<>(events);
    long now = System.currentTimeMillis();
    for (int i = 0; i < events; i++) {
      list.add(sample.next(now));
    }
    return IngestCodec.encodeBatch(new IngestBatch(batchId, "int-1", list), LakeBenchmark.ENCODING);
  }
}
