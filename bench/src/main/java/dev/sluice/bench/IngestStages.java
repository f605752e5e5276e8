package dev.sluice.bench;

import dev.sluice.lake.internal.AlertBatchEncoder;
import dev.sluice.lake.internal.EventValidator;
import dev.sluice.lake.internal.LakeStore;
import dev.sluice.lake.internal.WriteAheadLog;
import dev.sluice.wire.ingest.IngestBatch;
import dev.sluice.wire.ingest.IngestCodec;
import dev.sluice.wire.ingest.IngestEvent;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * CPU time per event of each stage on the lake's ack path, one thread, warm: the gzip JSON batch
 * body as the appliance sends it → decoded → validated → Arrow IPC → WAL append + fsync.
 */
final class IngestStages {

  private IngestStages() {}

  static void run(Path root, List<IngestEvent> pool, int events) throws Exception {
    List<byte[]> bodies = LakeBenchmark.batches(pool, "appl-s", events).stream().map(IngestCodec::encodeBatch).toList();
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    EventValidator validator = new EventValidator();
    try (BufferAllocator allocator = new RootAllocator()) {
      AlertBatchEncoder encoder = new AlertBatchEncoder(allocator);
      for (int round = 0; round < 3; round++) {
        long decode = 0;
        long validate = 0;
        long encode = 0;
        long walCpu = 0;
        long walWall = 0;
        long walBytes = 0;
        long wallStart = System.nanoTime();
        try (WriteAheadLog wal = new WriteAheadLog(root.resolve("stages-wal-" + round))) {
          for (byte[] body : bodies) {
            long c0 = mx.getCurrentThreadCpuTime();
            IngestBatch batch = ((IngestCodec.Decoded.Batch) IngestCodec.decodeBatch(body)).batch();
            long c1 = mx.getCurrentThreadCpuTime();
            List<AlertBatchEncoder.Row> rows = new ArrayList<>(batch.events().size());
            for (IngestEvent e : batch.events()) {
              LakeStore.Accepted a = ((EventValidator.Verdict.Valid) validator.check("appl-s", e)).accepted();
              rows.add(new AlertBatchEncoder.Row("t", batch.integrationId(), a.event(), a.epochDay()));
            }
            long c2 = mx.getCurrentThreadCpuTime();
            byte[] payload = encoder.encode(rows);
            long c3 = mx.getCurrentThreadCpuTime();
            long w = System.nanoTime();
            wal.append(payload);
            walWall += System.nanoTime() - w;
            long c4 = mx.getCurrentThreadCpuTime();
            decode += c1 - c0;
            validate += c2 - c1;
            encode += c3 - c2;
            walCpu += c4 - c3;
            walBytes += payload.length + 8;
          }
        }
        double wall = (System.nanoTime() - wallStart) / 1e9;
        long total = decode + validate + encode + walCpu;
        System.out.printf(Locale.ROOT, "stages round %d, %,d events: gunzip+JSON decode %.2f µs, validation %.2f µs,"
            + " Arrow encode+IPC %.2f µs, WAL append+fsync %.2f µs CPU (%.2f µs wall, %,d B/event);"
            + " total %.2f µs CPU/event = %,.0f events/s per core; one thread wall %,.0f events/s%n",
            round, events, us(decode, events), us(validate, events), us(encode, events), us(walCpu, events),
            us(walWall, events), walBytes / events, us(total, events), events / (total / 1e9), events / wall);
      }
    }
  }

  private static double us(long nanos, int events) {
    return nanos / 1e3 / events;
  }
}
