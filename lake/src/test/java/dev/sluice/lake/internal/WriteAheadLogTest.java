package dev.sluice.lake.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WriteAheadLogTest {

  @TempDir
  Path dir;

  private static byte[] payload(int size, long seed) {
    byte[] bytes = new byte[size];
    Random random = new Random(seed);
    for (int i = 0; i < size; i++) {
      bytes[i] = (byte) (random.nextInt(16) + 'a'); // compressible, like Arrow IPC
    }
    return bytes;
  }

  private static List<byte[]> closedSegment(WriteAheadLog wal) throws Exception {
    long seq = wal.rotate();
    return WriteAheadLog.read(wal.path(seq));
  }

  @Test
  void payloadsWrittenIntoThePooledBufferReadBackInOrder() throws Exception {
    try (WriteAheadLog wal = new WriteAheadLog(dir)) {
      List<byte[]> written = List.of(payload(10, 1), payload(0, 2), payload(300_000, 3), payload(1, 4));
      for (byte[] p : written) {
        // in pieces, as the Arrow writer hands its buffers over
        wal.append(out -> {
          for (int at = 0; at < p.length; at += 4096) {
            out.write(ByteBuffer.wrap(p, at, Math.min(4096, p.length - at)));
          }
        });
      }
      List<byte[]> read = closedSegment(wal);
      assertEquals(written.size(), read.size());
      for (int i = 0; i < written.size(); i++) {
        assertArrayEquals(written.get(i), read.get(i));
      }
    }
  }

  @Test
  void sequentialAppendsReuseOneScratch() throws Exception {
    try (WriteAheadLog wal = new WriteAheadLog(dir)) {
      for (int i = 0; i < 20; i++) {
        wal.append(payload(100_000 + i * 1000, i));
      }
      assertEquals(1, wal.scratchesCreated());
      assertEquals(1, wal.pooledScratches());
      assertEquals(20, closedSegment(wal).size());
    }
  }

  @Test
  void aBatchLargerThanTheRetainedLimitIsStoredButItsBuffersAreNotKept() throws Exception {
    byte[] large = payload(WriteAheadLog.MAX_RETAINED_BYTES + 1024, 9);
    try (WriteAheadLog wal = new WriteAheadLog(dir)) {
      wal.append(payload(1000, 1));
      assertEquals(1, wal.pooledScratches());
      wal.append(large);
      assertEquals(0, wal.pooledScratches());
      wal.append(payload(1000, 2));
      assertEquals(1, wal.pooledScratches());
      List<byte[]> read = closedSegment(wal);
      assertEquals(3, read.size());
      assertArrayEquals(large, read.get(1));
    }
  }

  @Test
  void concurrentAppendsAreAllStoredAndThePoolStaysBounded() throws Exception {
    int threads = WriteAheadLog.POOLED_SCRATCHES * 2;
    int perThread = 10;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try (WriteAheadLog wal = new WriteAheadLog(dir)) {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        done.add(pool.submit(() -> {
          start.await();
          for (int i = 0; i < perThread; i++) {
            byte[] p = payload(50_000, thread * 1000L + i);
            p[0] = (byte) thread;
            p[1] = (byte) i;
            wal.append(p);
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> f : done) {
        f.get();
      }
      assertTrue(wal.pooledScratches() <= WriteAheadLog.POOLED_SCRATCHES, "pool holds " + wal.pooledScratches());
      assertTrue(wal.scratchesCreated() <= threads, "created " + wal.scratchesCreated());
      List<byte[]> read = closedSegment(wal);
      assertEquals(threads * perThread, read.size());
      // every payload intact and present once
      boolean[][] seen = new boolean[threads][perThread];
      for (byte[] p : read) {
        int thread = p[0];
        int i = p[1];
        byte[] expected = payload(50_000, thread * 1000L + i);
        expected[0] = (byte) thread;
        expected[1] = (byte) i;
        assertArrayEquals(expected, p);
        assertTrue(!seen[thread][i]);
        seen[thread][i] = true;
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aTornTailAfterPooledAppendsIsCutOnReopen() throws Exception {
    long seq;
    try (WriteAheadLog wal = new WriteAheadLog(dir)) {
      wal.append(payload(5000, 1));
      wal.append(payload(5000, 2));
      seq = wal.activeSegment();
    }
    Path segment = dir.resolve(String.format("%020d.wal", seq));
    long size = java.nio.file.Files.size(segment);
    try (var channel = java.nio.channels.FileChannel.open(segment, java.nio.file.StandardOpenOption.WRITE)) {
      channel.truncate(size - 3);
    }
    try (WriteAheadLog wal = new WriteAheadLog(dir)) {
      List<byte[]> read = WriteAheadLog.read(segment);
      assertEquals(1, read.size());
      assertArrayEquals(payload(5000, 1), read.get(0));
    }
  }
}
