package dev.sluice.spool;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** Test records whose content follows from their offset, so any read-back can be checked. */
final class Records {
  private Records() {}

  static byte[] forOffset(long offset) {
    int size = (int) (20 + (offset * 7919) % 400);
    byte[] b = new byte[size];
    byte[] prefix = ("record-" + offset + ":").getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(prefix, 0, b, 0, prefix.length);
    Arrays.fill(b, prefix.length, size, (byte) ('a' + offset % 26));
    return b;
  }

  /** Asserts that {@code records} are consecutive from {@code first} with the expected bytes. */
  static void assertConsecutive(List<SpoolRecord> records, long first) {
    long expected = first;
    for (SpoolRecord r : records) {
      if (r.offset() != expected) {
        throw new AssertionError("expected offset " + expected + ", got " + r.offset());
      }
      if (!Arrays.equals(forOffset(r.offset()), r.payload())) {
        throw new AssertionError("wrong payload at offset " + r.offset());
      }
      expected++;
    }
  }

  static List<SpoolRecord> readAll(Spool spool, long from) throws Exception {
    SpoolReader reader = spool.reader(from);
    List<SpoolRecord> all = new java.util.ArrayList<>();
    while (true) {
      List<SpoolRecord> batch = reader.poll(10_000, Long.MAX_VALUE, java.time.Duration.ZERO);
      if (batch.isEmpty()) {
        return all;
      }
      all.addAll(batch);
    }
  }

  /** A small configuration: 64 KiB segments, 256 KiB cap unless given. */
  static SpoolConfig small(long maxBytes) {
    return new SpoolConfig(maxBytes, 64 << 10, 16 << 10, 4 << 10, java.time.Duration.ofMillis(1),
        32 << 10, 16 << 10, SpoolConfig.Fsync.ALWAYS);
  }
}
