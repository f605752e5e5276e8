package dev.sluice.bench;

import dev.sluice.lake.StorageSettings;
import dev.sluice.lake.internal.BatchDecoder;
import dev.sluice.lake.internal.LakeFiles;
import dev.sluice.lake.internal.LakeStore;
import dev.sluice.wire.ingest.IngestCodec;
import dev.sluice.wire.ingest.IngestEvent;
import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The lake's background storage work alone, per event: WAL segments → committed Parquet files
 * ({@link LakeStore#flush()}: WAL read + zstd decompression, partitioning, DuckDB's Arrow scan
 * and Parquet write, fsync, rename), then compaction of those files ({@link LakeStore#compact()}).
 * Each round appends {@code unit} events to the WAL untimed (the ack path is measured by the
 * {@code stages} and {@code ingest} modes), then times the conversion of that segment: wall time
 * and process CPU time per event. Sustained ingest into the lake cannot exceed these rates.
 */
final class ConversionBench {

  private ConversionBench() {}

  static void run(Path root, List<IngestEvent> pool, int events, int unit) throws Exception {
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    StorageSettings settings = new StorageSettings(2, 1L << 34, StorageSettings.LARGE_FILE_BYTES, Duration.ZERO, "2GB");
    List<byte[]> bodies = LakeBenchmark.batches(pool, "appl-c", events).stream().map(IngestCodec::encodeBatch).toList();
    int perUnit = Math.max(1, unit / LakeBenchmark.BATCH);
    try (LakeStore store = LakeStore.open(root.resolve("lake"), Clock.systemUTC(), settings)) {
      long convertCpu = 0;
      long convertWall = 0;
      int converted = 0;
      for (int start = 0; start < bodies.size(); start += perUnit) {
        int n = 0;
        for (byte[] body : bodies.subList(start, Math.min(bodies.size(), start + perUnit))) {
          BatchDecoder.Result result = store.decoder().decodeGzip(new ByteArrayInputStream(body), "bench-convert", "appl-c");
          try (BatchDecoder.DecodedBatch batch = ((BatchDecoder.Result.Decoded) result).batch()) {
            n += store.append("bench-convert", batch).accepted();
          }
        }
        long cpu = os.getProcessCpuTime();
        long t = System.nanoTime();
        store.flush();
        long wall = System.nanoTime() - t;
        long used = os.getProcessCpuTime() - cpu;
        System.out.printf(Locale.ROOT, "  conversion of %,d events: %.2f s = %,.0f events/s, process CPU %.1f µs/event%n",
            n, wall / 1e9, n / (wall / 1e9), used / 1e3 / n);
        if (start > 0) {
          // the first unit warms the JIT and DuckDB up
          convertCpu += used;
          convertWall += wall;
          converted += n;
        }
      }
      LakeFiles files = store.files();
      int before = files.visibleFiles("bench-convert", null, null).size();
      long bytes = 0;
      for (Path p : files.visibleFiles("bench-convert", null, null)) {
        bytes += Files.size(p);
      }
      long cpu = os.getProcessCpuTime();
      long t = System.nanoTime();
      int merged = store.compact();
      long wall = System.nanoTime() - t;
      long used = os.getProcessCpuTime() - cpu;
      System.out.printf(Locale.ROOT, "conversion, units of %,d events after the first: %,d events in %.2f s = %,.0f events/s,"
              + " process CPU %.1f µs/event; %,d files, %.1f bytes/event%n", unit, converted, convertWall / 1e9,
          converted / (convertWall / 1e9), convertCpu / 1e3 / converted, before, (double) bytes / events);
      // (no bytes/event after compaction: the units repeat the same alerts, which compress together)
      System.out.printf(Locale.ROOT, "compaction of %,d files (%,d events): %.2f s = %,.0f events/s, process CPU %.1f µs/event;"
              + " %,d files%n", merged, events, wall / 1e9, events / (wall / 1e9), used / 1e3 / events,
          files.visibleFiles("bench-convert", null, null).size());
    }
  }
}
