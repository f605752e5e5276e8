package dev.sluice.spool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterTry;
import net.jqwik.api.lifecycle.BeforeTry;

/**
 * Whatever happens to the bytes of a segment file, recovery returns a prefix of what was written,
 * each record intact, and appends continue right after it.
 */
class SpoolRecoveryPropertyTest {
  private Path dir;

  @BeforeTry
  void createDir() throws Exception {
    dir = Files.createTempDirectory("spool-prop");
  }

  @AfterTry
  void deleteDir() throws Exception {
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  private long writeRecords(int count, int rounds) throws Exception {
    try (Spool spool = Spool.open(dir, Records.small(1 << 20))) {
      long o = 0;
      for (int r = 0; r < rounds; r++) {
        for (int i = 0; i < count / rounds; i++) {
          spool.append(Records.forOffset(o++));
        }
        assertTrue(spool.awaitDurable(o - 1, Duration.ofSeconds(10)));
      }
      return o;
    }
  }

  private Path lastSegment() throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.toString().endsWith(".log")).max(Comparator.naturalOrder())
          .orElseThrow();
    }
  }

  private void assertRecoversToPrefix(long written) throws Exception {
    try (Spool spool = Spool.open(dir, Records.small(1 << 20))) {
      long next = spool.recovery().nextOffset();
      assertTrue(next <= written);
      List<SpoolRecord> all = Records.readAll(spool, 0);
      assertEquals(next, all.size());
      Records.assertConsecutive(all, 0);
      spool.append(Records.forOffset(next));
      assertTrue(spool.awaitDurable(next, Duration.ofSeconds(10)));
      Records.assertConsecutive(Records.readAll(spool, 0), 0);
    }
    try (Spool spool = Spool.open(dir, Records.small(1 << 20))) {
      assertTrue(spool.recovery().clean(), "second recovery is clean: " + spool.recovery());
    }
  }

  @Property(tries = 40, seed = "20261127")
  void truncatingTheLastSegmentAnywhereRecoversAPrefix(
      @ForAll @IntRange(min = 1, max = 400) int count,
      @ForAll @IntRange(min = 1, max = 8) int rounds,
      @ForAll @IntRange(min = 0, max = 1000) int cutPerMille) throws Exception {
    long written = writeRecords(Math.max(count, rounds), rounds);
    Path last = lastSegment();
    long size = Files.size(last);
    try (FileChannel ch = FileChannel.open(last, StandardOpenOption.WRITE)) {
      ch.truncate(size * cutPerMille / 1000);
    }
    assertRecoversToPrefix(written);
  }

  @Property(tries = 40, seed = "20261128")
  void flippingAnyByteRecoversAPrefixWithIntactRecords(
      @ForAll @IntRange(min = 1, max = 400) int count,
      @ForAll @IntRange(min = 1, max = 8) int rounds,
      @ForAll @IntRange(min = 0, max = 999) int wherePerMille,
      @ForAll @IntRange(min = 1, max = 255) int xor) throws Exception {
    long written = writeRecords(Math.max(count, rounds), rounds);
    Path last = lastSegment();
    long size = Files.size(last);
    long at = size * wherePerMille / 1000;
    try (FileChannel ch = FileChannel.open(last, StandardOpenOption.READ,
        StandardOpenOption.WRITE)) {
      ByteBuffer b = ByteBuffer.allocate(1);
      ch.read(b, at);
      b.put(0, (byte) (b.get(0) ^ xor)).position(0);
      ch.write(b, at);
    }
    assertRecoversToPrefix(written);
  }

  @Property(tries = 30, seed = "20261129")
  void appendingGarbageAfterTheLastBatchIsCutOff(
      @ForAll @IntRange(min = 1, max = 200) int count,
      @ForAll byte[] garbage) throws Exception {
    long written = writeRecords(count, 1);
    Path last = lastSegment();
    long size = Files.size(last);
    Files.write(last, garbage, StandardOpenOption.APPEND);
    try (Spool spool = Spool.open(dir, Records.small(1 << 20))) {
      assertEquals(written, spool.recovery().nextOffset());
      assertEquals(size, Files.size(last));
      assertEquals(garbage.length == 0, spool.recovery().clean());
    }
    assertRecoversToPrefix(written);
  }
}
