package dev.sluice.spool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpoolTest {
  @TempDir Path dir;

  private static void appendRange(Spool spool, long from, long to) {
    for (long o = from; o < to; o++) {
      assertEquals(o, spool.append(Records.forOffset(o)));
    }
  }

  private static List<Path> segmentFiles(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.toString().endsWith(".log")).sorted().toList();
    }
  }

  @Test
  void readsBackAppendedRecordsInOrderOnceDurable() throws Exception {
    try (Spool spool = Spool.open(dir, Records.small(1 << 20))) {
      appendRange(spool, 0, 500);
      assertTrue(spool.awaitDurable(499, Duration.ofSeconds(10)));
      List<SpoolRecord> all = Records.readAll(spool, 0);
      assertEquals(500, all.size());
      Records.assertConsecutive(all, 0);
    }
  }

  @Test
  void keepsRecordsAcrossReopenAndContinuesOffsets() throws Exception {
    try (Spool spool = Spool.open(dir, Records.small(1 << 20))) {
      appendRange(spool, 0, 300);
      assertTrue(spool.awaitDurable(299, Duration.ofSeconds(10)));
    }
    try (Spool spool = Spool.open(dir, Records.small(1 << 20))) {
      assertTrue(spool.recovery().clean());
      assertEquals(300, spool.recovery().nextOffset());
      appendRange(spool, 300, 400);
      assertTrue(spool.awaitDurable(399, Duration.ofSeconds(10)));
      List<SpoolRecord> all = Records.readAll(spool, 0);
      assertEquals(400, all.size());
      Records.assertConsecutive(all, 0);
    }
  }

  @Test
  void rollsSegmentsNamedByZeroPaddedBaseOffset() throws Exception {
    try (Spool spool = Spool.open(dir, Records.small(1 << 20))) {
      appendRange(spool, 0, 2000);
      assertTrue(spool.awaitDurable(1999, Duration.ofSeconds(10)));
      List<Path> files = segmentFiles(dir);
      assertTrue(files.size() > 3, "expected several segments, got " + files);
      assertEquals("00000000000000000000.log", files.get(0).getFileName().toString());
      for (Path f : files) {
        assertTrue(Files.size(f) <= 64 << 10, f + " exceeds the segment size");
        long base = Long.parseLong(f.getFileName().toString().substring(0, 20));
        List<SpoolRecord> fromBase = spool.reader(base).poll(1, Long.MAX_VALUE, Duration.ZERO);
        assertEquals(base, fromBase.get(0).offset());
      }
    }
  }

  @Test
  void readerStartingMidBatchSkipsEarlierRecords() throws Exception {
    try (Spool spool = Spool.open(dir, Records.small(1 << 20))) {
      appendRange(spool, 0, 100);
      assertTrue(spool.awaitDurable(99, Duration.ofSeconds(10)));
      List<SpoolRecord> tail = Records.readAll(spool, 57);
      assertEquals(43, tail.size());
      Records.assertConsecutive(tail, 57);
    }
  }

  @Test
  void pollRespectsRecordAndByteLimitsButReturnsAtLeastOne() throws Exception {
    try (Spool spool = Spool.open(dir, Records.small(1 << 20))) {
      appendRange(spool, 0, 50);
      assertTrue(spool.awaitDurable(49, Duration.ofSeconds(10)));
      SpoolReader reader = spool.reader(0);
      assertEquals(7, reader.poll(7, Long.MAX_VALUE, Duration.ZERO).size());
      assertEquals(1, reader.poll(100, 1, Duration.ZERO).size());
      assertEquals(8, reader.nextOffset());
    }
  }

  @Test
  void readerWaitsForRecordsAppendedLater() throws Exception {
    try (Spool spool = Spool.open(dir, Records.small(1 << 20))) {
      SpoolReader reader = spool.reader(0);
      assertTrue(reader.poll(10, Long.MAX_VALUE, Duration.ofMillis(20)).isEmpty());
      Thread producer = new Thread(() -> {
        sleep(50);
        spool.append(Records.forOffset(0));
      });
      producer.start();
      List<SpoolRecord> got = reader.poll(10, Long.MAX_VALUE, Duration.ofSeconds(10));
      producer.join();
      assertEquals(1, got.size());
      Records.assertConsecutive(got, 0);
    }
  }

  @Test
  void groupCommitsConcurrentAppendsIntoFewerFsyncs() throws Exception {
    try (Spool spool = Spool.open(dir, Records.small(8 << 20))) {
      int threads = 4;
      int each = 2000;
      CountDownLatch done = new CountDownLatch(threads);
      for (int t = 0; t < threads; t++) {
        new Thread(() -> {
          for (int i = 0; i < each; i++) {
            spool.append(new byte[100]);
          }
          done.countDown();
        }).start();
      }
      assertTrue(done.await(30, TimeUnit.SECONDS));
      assertTrue(spool.awaitDurable(threads * each - 1, Duration.ofSeconds(30)));
      SpoolStats stats = spool.stats();
      assertTrue(stats.commits() < threads * each / 4, "commits: " + stats.commits());
      assertEquals(threads * each, Records.readAll(spool, 0).size());
    }
  }

  @Test
  void ackPersistsCheckpointAndDeletesOnlyFullyAcknowledgedSegments() throws Exception {
    long secondBase;
    try (Spool spool = Spool.open(dir, Records.small(1 << 20))) {
      appendRange(spool, 0, 2000);
      assertTrue(spool.awaitDurable(1999, Duration.ofSeconds(10)));
      List<Path> before = segmentFiles(dir);
      secondBase = Long.parseLong(before.get(1).getFileName().toString().substring(0, 20));
      spool.ack(secondBase);
      List<Path> after = segmentFiles(dir);
      assertEquals(before.size() - 1, after.size(), "only the first segment is fully acked");
      assertEquals(before.get(1), after.get(0));
      spool.ack(1999);
      assertEquals(1, segmentFiles(dir).size(), "the active segment stays");
      assertThrows(IllegalArgumentException.class, () -> spool.ack(5000));
    }
    try (Spool spool = Spool.open(dir, Records.small(1 << 20))) {
      assertEquals(1999, spool.recovery().ackedOffset());
      assertEquals(2000, spool.recovery().nextOffset());
      assertEquals(0, Records.readAll(spool, 2000).size());
      appendRange(spool, 2000, 2010);
      assertTrue(spool.awaitDurable(2009, Duration.ofSeconds(10)));
      Records.assertConsecutive(Records.readAll(spool, 2000), 2000);
    }
  }

  @Test
  void offsetsBeforeTheFirstSegmentCountAsAcknowledgedWhenTheCheckpointLags() throws Exception {
    long firstBase;
    try (Spool spool = Spool.open(dir, Records.small(1 << 20))) {
      appendRange(spool, 0, 2000);
      assertTrue(spool.awaitDurable(1999, Duration.ofSeconds(10)));
      spool.ack(1500);
      firstBase = Long.parseLong(segmentFiles(dir).get(0).getFileName().toString()
          .substring(0, 20));
    }
    // As if the process died after deleting segments but before writing the checkpoint.
    Files.delete(dir.resolve(Checkpoint.FILE));
    try (Spool spool = Spool.open(dir, Records.small(1 << 20))) {
      assertEquals(firstBase - 1, spool.recovery().ackedOffset());
      Records.assertConsecutive(Records.readAll(spool, spool.ackedOffset() + 1), firstBase);
    }
  }

  @Test
  void recoveryTruncatesTornTailAndReportsWhere() throws Exception {
    try (Spool spool = Spool.open(dir, Records.small(1 << 20))) {
      appendRange(spool, 0, 10);
      assertTrue(spool.awaitDurable(9, Duration.ofSeconds(10)));
    }
    Path segment = segmentFiles(dir).get(0);
    long goodSize = Files.size(segment);
    // A batch header that promises more bytes than follow: a write cut short by a crash.
    try (FileChannel ch = FileChannel.open(segment, StandardOpenOption.WRITE)) {
      ByteBuffer torn = ByteBuffer.allocate(30).putInt(Batch.MAGIC).putInt(500);
      torn.position(30).flip();
      ch.write(torn, goodSize);
    }
    try (Spool spool = Spool.open(dir, Records.small(1 << 20))) {
      RecoveryReport report = spool.recovery();
      assertEquals(1, report.truncations().size());
      RecoveryReport.Truncation t = report.truncations().get(0);
      assertEquals(segment, t.segment());
      assertEquals(goodSize, t.position());
      assertEquals(30, t.bytesRemoved());
      assertEquals(Corruption.TORN_TAIL, t.reason());
      assertEquals(goodSize, Files.size(segment));
      assertEquals(10, report.nextOffset());
      appendRange(spool, 10, 20);
      assertTrue(spool.awaitDurable(19, Duration.ofSeconds(10)));
      Records.assertConsecutive(Records.readAll(spool, 0), 0);
      assertEquals(20, Records.readAll(spool, 0).size());
    }
  }

  @Test
  void recoveryCutsAtCrcMismatchAndDeletesLaterSegments() throws Exception {
    try (Spool spool = Spool.open(dir, Records.small(1 << 20))) {
      appendRange(spool, 0, 2000);
      assertTrue(spool.awaitDurable(1999, Duration.ofSeconds(10)));
    }
    List<Path> files = segmentFiles(dir);
    Path second = files.get(1);
    long secondBase = Long.parseLong(second.getFileName().toString().substring(0, 20));
    // Flip one byte inside the first batch's records of the second segment.
    try (FileChannel ch = FileChannel.open(second, StandardOpenOption.READ,
        StandardOpenOption.WRITE)) {
      ByteBuffer b = ByteBuffer.allocate(1);
      ch.read(b, 40);
      b.put(0, (byte) (b.get(0) ^ 0x5A)).position(0);
      ch.write(b, 40);
    }
    try (Spool spool = Spool.open(dir, Records.small(1 << 20))) {
      RecoveryReport report = spool.recovery();
      assertEquals(1, report.truncations().size());
      assertEquals(Corruption.CRC_MISMATCH, report.truncations().get(0).reason());
      assertEquals(second, report.truncations().get(0).segment());
      assertEquals(0, report.truncations().get(0).position());
      assertEquals(files.subList(2, files.size()), report.deletedSegments());
      assertEquals(secondBase, report.nextOffset());
      List<SpoolRecord> all = Records.readAll(spool, 0);
      assertEquals(secondBase, all.size());
      Records.assertConsecutive(all, 0);
    }
  }

  @Test
  void unreadableCheckpointIsReportedAndRecordsAreDeliveredAgain() throws Exception {
    try (Spool spool = Spool.open(dir, Records.small(1 << 20))) {
      appendRange(spool, 0, 10);
      assertTrue(spool.awaitDurable(9, Duration.ofSeconds(10)));
      spool.ack(4);
    }
    Files.write(dir.resolve(Checkpoint.FILE), new byte[] {1, 2, 3});
    try (Spool spool = Spool.open(dir, Records.small(1 << 20))) {
      assertFalse(spool.recovery().clean());
      assertTrue(spool.recovery().checkpointProblem().contains("3 bytes"));
      assertEquals(-1, spool.recovery().ackedOffset());
      assertEquals(10, Records.readAll(spool, 0).size());
    }
  }

  @Test
  void capMakesSpoolUnwritableAndAppendsWaitUntilAckFreesSpaceWithNothingDropped()
      throws Exception {
    SpoolConfig config = Records.small(256 << 10);
    try (Spool spool = Spool.open(dir, config)) {
      long offset = 0;
      // Fill until the writer hits the cap and the spool turns unwritable.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (spool.stats().blocked() != SpoolStats.Blocked.CAP_REACHED
          && System.nanoTime() < deadline) {
        spool.append(Records.forOffset(offset++));
        if (!spool.isWritable()) {
          Thread.sleep(1);
        }
      }
      assertFalse(spool.isWritable());
      SpoolStats stats = spool.stats();
      assertEquals(SpoolStats.Blocked.CAP_REACHED, stats.blocked());
      assertTrue(stats.diskBytes() <= config.maxBytes(), "disk " + stats.diskBytes());
      assertTrue(stats.durableOffset() < offset, "some records wait in memory");
      // A consumer acknowledges what it read; space frees and the waiting records land.
      SpoolReader reader = spool.reader(0);
      long last = offset - 1;
      long read = 0;
      while (spool.ackedOffset() < last) {
        List<SpoolRecord> got = reader.poll(500, Long.MAX_VALUE, Duration.ofSeconds(5));
        assertFalse(got.isEmpty(), "records stuck at " + spool.stats());
        Records.assertConsecutive(got, read);
        read += got.size();
        spool.ack(got.get(got.size() - 1).offset());
      }
      assertEquals(offset, read);
      assertTrue(spool.awaitWritable(Duration.ofSeconds(5)));
      assertEquals(SpoolStats.Blocked.NONE, spool.stats().blocked());
    }
  }

  @Test
  void diskFullWritesAreRetriedAfterSpaceFreesAndNeverCorruptTheSegment() throws Exception {
    FullDiskChannelOpener disk = new FullDiskChannelOpener(20_000);
    try (Spool spool = Spool.open(dir, Records.small(1 << 20), disk)) {
      appendRange(spool, 0, 200);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (disk.failures.get() == 0 && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      assertTrue(disk.failures.get() > 0);
      assertEquals(SpoolStats.Blocked.WRITE_ERROR, spool.stats().blocked());
      assertFalse(spool.isWritable());
      long durable = spool.durableOffset();
      assertTrue(durable < 200);
      // What is durable so far reads back intact while the disk is full.
      Records.assertConsecutive(Records.readAll(spool, 0), 0);
      disk.budget.set(Long.MAX_VALUE / 2);
      assertTrue(spool.awaitDurable(199, Duration.ofSeconds(10)));
      assertTrue(spool.awaitWritable(Duration.ofSeconds(5)));
      assertTrue(spool.stats().writeErrors() > 0);
    }
    try (Spool spool = Spool.open(dir, Records.small(1 << 20))) {
      assertTrue(spool.recovery().clean(), spool.recovery().toString());
      List<SpoolRecord> all = Records.readAll(spool, 0);
      assertEquals(200, all.size());
      Records.assertConsecutive(all, 0);
    }
  }

  @Test
  void secondOpenOfTheSameDirectoryIsRefused() throws Exception {
    try (Spool spool = Spool.open(dir, Records.small(1 << 20))) {
      IOException e = assertThrows(IOException.class,
          () -> Spool.open(dir, Records.small(1 << 20)));
      assertTrue(e.getMessage().contains("in use"));
    }
  }

  @Test
  void rejectsRecordsLargerThanTheLimit() throws Exception {
    try (Spool spool = Spool.open(dir, Records.small(1 << 20))) {
      assertThrows(IllegalArgumentException.class, () -> spool.append(new byte[5 << 10]));
      assertEquals(0, spool.nextOffset());
    }
  }

  @Test
  void appendAllQueuesPackedRecordsInOrderWithConsecutiveOffsets() throws Exception {
    try (Spool spool = Spool.open(dir, Records.small(1 << 20))) {
      appendRange(spool, 0, 3);
      // Records 3..9 packed into one array with gaps between them, as a receive batch holds them.
      java.io.ByteArrayOutputStream packed = new java.io.ByteArrayOutputStream();
      int[] offsets = new int[7];
      int[] lengths = new int[7];
      for (int i = 0; i < 7; i++) {
        packed.write(new byte[] {9, 9, 9});
        byte[] r = Records.forOffset(3 + i);
        offsets[i] = packed.size();
        lengths[i] = r.length;
        packed.write(r);
      }
      assertEquals(3, spool.appendAll(packed.toByteArray(), offsets, lengths, 7));
      appendRange(spool, 10, 12);
      assertTrue(spool.awaitDurable(11, Duration.ofSeconds(10)));
      List<SpoolRecord> all = Records.readAll(spool, 0);
      assertEquals(12, all.size());
      Records.assertConsecutive(all, 0);
    }
  }

  @Test
  void appendAllQueuesNothingWhenOneRecordIsTooLarge() throws Exception {
    try (Spool spool = Spool.open(dir, Records.small(1 << 20))) {
      byte[] bytes = new byte[6 << 10];
      assertThrows(IllegalArgumentException.class,
          () -> spool.appendAll(bytes, new int[] {0, 10}, new int[] {10, 5 << 10}, 2));
      assertEquals(0, spool.nextOffset());
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
