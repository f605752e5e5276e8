package dev.sluice.bench;

import dev.sluice.lake.internal.ArrowIpc;
import dev.sluice.lake.internal.BatchDecoder;
import dev.sluice.lake.internal.EventIdIndex;
import dev.sluice.lake.internal.WriteAheadLog;
import dev.sluice.wire.ingest.ContentEncoding;
import dev.sluice.wire.ingest.IngestCodec;
import dev.sluice.wire.ingest.IngestEvent;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * CPU time per event of each stage on the lake's ack path, one thread, warm: the compressed JSON
 * batch body as the appliance sends it ({@link LakeBenchmark#ENCODING}: zstd unless
 * {@code -Dbench.encoding=gzip}) → decompression → one-pass read into Arrow with validation
 * ({@link BatchDecoder}) → exactly-once check → Arrow IPC → zstd → WAL append + fsync (the last three
 * in one call, as the lake makes it: {@link WriteAheadLog#append(WriteAheadLog.Payload)}). Also the
 * bytes allocated on the ack thread and the GC threads' CPU, per event.
 */
final class IngestStages {

  private IngestStages() {}

  static void run(Path root, List<IngestEvent> pool, int events) throws Exception {
    ContentEncoding encoding = LakeBenchmark.ENCODING;
    List<byte[]> bodies = LakeBenchmark.batches(pool, "appl-s", events).stream()
        .map(b -> IngestCodec.encodeBatch(b, encoding)).toList();
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    com.sun.management.ThreadMXBean alloc = (com.sun.management.ThreadMXBean) mx;
    byte[] sink = new byte[64 * 1024];
    try (BufferAllocator allocator = new RootAllocator()) {
      BatchDecoder decoder = new BatchDecoder(allocator);
      for (int round = 0; round < 6; round++) {
        EventIdIndex ids = new EventIdIndex();
        long gunzip = 0;
        long decode = 0;
        long dedupe = 0;
        long walCpu = 0;
        long walWall = 0;
        long walBytes = 0;
        long pathWall = 0;
        long allocDecode = 0;
        long allocWrite = 0;
        java.util.Map<String, Long> ticks0 = LakeBenchmark.threadTicks();
        try (WriteAheadLog wal = new WriteAheadLog(root.resolve("stages-wal-" + round))) {
          for (byte[] body : bodies) {
            long c0 = mx.getCurrentThreadCpuTime();
            try (InputStream in = encoding.decompressing(new ByteArrayInputStream(body))) {
              while (in.read(sink) > 0) {
                // only decompressing, to separate its cost from the decoder's
              }
            }
            long c1 = mx.getCurrentThreadCpuTime();
            long w0 = System.nanoTime();
            long a1 = alloc.getCurrentThreadAllocatedBytes();
            BatchDecoder.Result result = decoder.decode(new ByteArrayInputStream(body), encoding, "t", "appl-s");
            long c2 = mx.getCurrentThreadCpuTime();
            allocDecode += alloc.getCurrentThreadAllocatedBytes() - a1;
            try (BatchDecoder.DecodedBatch batch = ((BatchDecoder.Result.Decoded) result).batch()) {
              int n = batch.validCount();
              long[] offsets = new long[n];
              for (int i = 0; i < n; i++) {
                offsets[i] = batch.offset(i);
              }
              boolean[] held = ids.containsEach("t", "appl-s", offsets, n);
              boolean[] take = new boolean[n];
              for (int i = 0; i < n; i++) {
                take[i] = !held[i];
              }
              long c3 = mx.getCurrentThreadCpuTime();
              long a3 = alloc.getCurrentThreadAllocatedBytes();
              long w = System.nanoTime();
              // the lake's append: Arrow IPC written into the WAL's pooled buffer, zstd, append, fsync
              walBytes += wal.append(out -> ArrowIpc.write(batch.rows(), null, allocator, out));
              walWall += System.nanoTime() - w;
              long c5 = mx.getCurrentThreadCpuTime();
              allocWrite += alloc.getCurrentThreadAllocatedBytes() - a3;
              ids.addEach("t", "appl-s", offsets, take);
              long c6 = mx.getCurrentThreadCpuTime();
              pathWall += System.nanoTime() - w0;
              gunzip += c1 - c0;
              decode += c2 - c1;
              dedupe += c3 - c2 + c6 - c5;
              walCpu += c5 - c3;
            }
          }
        }
        long total = decode + dedupe + walCpu;
        java.util.Map<String, Long> ticks1 = LakeBenchmark.threadTicks();
        long gcTicks = ticks1.entrySet().stream().filter(e -> e.getKey().startsWith("G#") || e.getKey().startsWith("GC"))
            .mapToLong(e -> e.getValue() - ticks0.getOrDefault(e.getKey(), 0L)).sum();
        System.out.printf(Locale.ROOT, "stages round %d, %,d events, %s bodies of %,d B/event: [decompression alone %.2f µs]"
            + " decompress+read+validate into Arrow"
            + " %.2f µs, exactly-once index %.2f µs, Arrow IPC + WAL zstd+append+fsync %.2f µs CPU"
            + " (%.2f µs wall, %,d B/event); total %.2f µs CPU/event = %,.0f events/s per core; one thread wall %,.0f events/s%n",
            round, events, encoding.header(), bodies.stream().mapToLong(b -> b.length).sum() / events,
            us(gunzip, events), us(decode, events), us(dedupe, events),
            us(walCpu, events), us(walWall, events), walBytes / events, us(total, events), events / (total / 1e9),
            events / (pathWall / 1e9));
        System.out.printf(Locale.ROOT, "stages round %d: allocated on the ack thread %,d B/event (read into Arrow %,d,"
            + " IPC + WAL %,d); GC threads %.2f µs CPU/event (10 ms ticks)%n", round, (allocDecode + allocWrite) / events,
            allocDecode / events, allocWrite / events, gcTicks * 10_000.0 / events);
      }
    }
  }

  private static double us(long nanos, int events) {
    return nanos / 1e3 / events;
  }
}
