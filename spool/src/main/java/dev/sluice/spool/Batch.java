package dev.sluice.spool;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The on-disk batch: what one commit appends to a segment file. All integers are big-endian.
 *
 * <pre>
 * offset  size  field
 *  0      4     magic 0x534C5331 ("SLS1")
 *  4      4     length: bytes after this field (crc .. last record), at least 16
 *  8      4     crc: CRC32C of the bytes from offset 12 to the end of the batch
 * 12      8     baseOffset: offset of the first record
 * 20      4     recordCount (at least 1)
 * 24      ...   recordCount times: 4-byte record length n, then n bytes
 * </pre>
 *
 * A segment file is a sequence of batches with consecutive offsets, nothing else. A batch that
 * is cut short, has a wrong magic, an impossible length, a CRC mismatch, inconsistent record
 * lengths or a base offset other than the expected one ends the valid part of the segment.
 */
final class Batch {
  static final int MAGIC = 0x534C5331;
  static final int OVERHEAD_BYTES = 24;
  static final int RECORD_OVERHEAD_BYTES = 4;
  private static final int HEADER_BYTES = 8;

  private Batch() {}

  static int encodedSize(List<byte[]> records) {
    int size = OVERHEAD_BYTES;
    for (byte[] r : records) {
      size += RECORD_OVERHEAD_BYTES + r.length;
    }
    return size;
  }

  /** The encoded batch, positioned at 0 and ready to write. */
  static ByteBuffer encode(long baseOffset, List<byte[]> records) {
    if (records.isEmpty()) {
      throw new IllegalArgumentException("a batch holds at least one record");
    }
    ByteBuffer buf = ByteBuffer.allocate(encodedSize(records));
    buf.putInt(MAGIC).putInt(buf.capacity() - HEADER_BYTES).putInt(0)
        .putLong(baseOffset).putInt(records.size());
    for (byte[] r : records) {
      buf.putInt(r.length).put(r);
    }
    CRC32C crc = new CRC32C();
    crc.update(buf.array(), 12, buf.capacity() - 12);
    buf.putInt(8, (int) crc.getValue());
    return buf.flip();
  }

  /**
   * Encodes the {@code count} packed records in {@code packed[from, to)} (each a 4-byte length
   * and its bytes, as {@link PackedRecords} holds them) into {@code out}, which is cleared
   * first and returned flipped, ready to write.
   */
  static ByteBuffer encodePacked(long baseOffset, byte[] packed, int from, int to, int count,
      ByteBuffer out) {
    if (count < 1) {
      throw new IllegalArgumentException("a batch holds at least one record");
    }
    int size = OVERHEAD_BYTES + (to - from);
    out.clear();
    out.putInt(MAGIC).putInt(size - HEADER_BYTES).putInt(0).putLong(baseOffset).putInt(count);
    out.put(packed, from, to - from);
    out.flip();
    CRC32C crc = new CRC32C();
    crc.update(out.duplicate().position(12));
    out.putInt(8, (int) crc.getValue());
    return out;
  }

  /** What reading one batch at a position found. */
  sealed interface ReadResult permits Read, End, Corrupt {}

  /** A valid batch that ends at {@code nextPosition}. */
  record Read(long baseOffset, List<byte[]> records, long nextPosition) implements ReadResult {
    long nextOffset() {
      return baseOffset + records.size();
    }
  }

  /** The position is exactly the end of the valid data. */
  record End() implements ReadResult {}

  /** The bytes at the position are not a valid batch. */
  record Corrupt(Corruption reason, String detail) implements ReadResult {}

  /**
   * Reads the batch at {@code position}, looking at no byte at or beyond {@code limit}.
   *
   * @param expectedBaseOffset the base offset the batch must have, or -1 for any
   */
  static ReadResult read(FileChannel ch, long position, long limit, long expectedBaseOffset,
      int maxBatchBytes) throws IOException {
    if (position == limit) {
      return new End();
    }
    if (limit - position < HEADER_BYTES) {
      return new Corrupt(Corruption.TORN_TAIL, (limit - position) + " bytes after the last batch");
    }
    ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);
    readFully(ch, header, position);
    int magic = header.getInt(0);
    int length = header.getInt(4);
    if (magic != MAGIC) {
      return new Corrupt(Corruption.BAD_MAGIC, String.format("magic 0x%08X", magic));
    }
    if (length < OVERHEAD_BYTES - HEADER_BYTES || length > maxBatchBytes) {
      return new Corrupt(Corruption.BAD_LENGTH, "batch length " + length);
    }
    if (limit - position - HEADER_BYTES < length) {
      return new Corrupt(Corruption.TORN_TAIL, "batch of " + length + " bytes cut after "
          + (limit - position - HEADER_BYTES));
    }
    ByteBuffer body = ByteBuffer.allocate(length);
    readFully(ch, body, position + HEADER_BYTES);
    byte[] b = body.array();
    CRC32C crc = new CRC32C();
    crc.update(b, 4, length - 4);
    int stored = body.getInt(0);
    if ((int) crc.getValue() != stored) {
      return new Corrupt(Corruption.CRC_MISMATCH, String.format("stored 0x%08X, computed 0x%08X",
          stored, (int) crc.getValue()));
    }
    long baseOffset = body.getLong(4);
    int count = body.getInt(12);
    if (expectedBaseOffset >= 0 && baseOffset != expectedBaseOffset) {
      return new Corrupt(Corruption.OFFSET_GAP, "base offset " + baseOffset + ", expected "
          + expectedBaseOffset);
    }
    if (count < 1 || count > (length - 16) / RECORD_OVERHEAD_BYTES) {
      return new Corrupt(Corruption.BAD_LENGTH, "record count " + count);
    }
    List<byte[]> records = new ArrayList<>(count);
    int p = 16;
    for (int i = 0; i < count; i++) {
      if (p + RECORD_OVERHEAD_BYTES > length) {
        return new Corrupt(Corruption.BAD_LENGTH, "record " + i + " header past batch end");
      }
      int n = body.getInt(p);
      p += RECORD_OVERHEAD_BYTES;
      if (n < 0 || n > length - p) {
        return new Corrupt(Corruption.BAD_LENGTH, "record " + i + " length " + n);
      }
      byte[] r = new byte[n];
      System.arraycopy(b, p, r, 0, n);
      records.add(r);
      p += n;
    }
    if (p != length) {
      return new Corrupt(Corruption.BAD_LENGTH, (length - p) + " bytes after the last record");
    }
    return new Read(baseOffset, records, position + HEADER_BYTES + length);
  }

  private static void readFully(FileChannel ch, ByteBuffer buf, long position) throws IOException {
    long p = position;
    while (buf.hasRemaining()) {
      int n = ch.read(buf, p);
      if (n < 0) {
        throw new IOException("unexpected end of file at " + p);
      }
      p += n;
    }
  }
}
