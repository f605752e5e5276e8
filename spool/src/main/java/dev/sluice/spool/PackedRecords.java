package dev.sluice.spool;

import java.util.Arrays;

/**
 * Records queued for the writer, packed the way a {@link Batch} holds them: for each record a
 * 4-byte big-endian length, then its bytes. One growable array instead of an object per record,
 * so appending costs one copy and no allocation once the array has grown; the writer encodes
 * batches straight from it. Not thread-safe (the spool guards it).
 */
final class PackedRecords {
  private static final int INITIAL_BYTES = 64 << 10;
  private byte[] bytes = new byte[INITIAL_BYTES];
  private int size;
  private int count;

  void add(byte[] src, int offset, int length) {
    int need = size + Batch.RECORD_OVERHEAD_BYTES + length;
    if (need > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(need, bytes.length * 2));
    }
    bytes[size] = (byte) (length >>> 24);
    bytes[size + 1] = (byte) (length >>> 16);
    bytes[size + 2] = (byte) (length >>> 8);
    bytes[size + 3] = (byte) length;
    System.arraycopy(src, offset, bytes, size + Batch.RECORD_OVERHEAD_BYTES, length);
    size = need;
    count++;
  }

  /** Empties the buffer; an array grown far beyond {@code keepBytes} is given back. */
  void clear(long keepBytes) {
    size = 0;
    count = 0;
    if (bytes.length > 4 * keepBytes && bytes.length > INITIAL_BYTES) {
      bytes = new byte[INITIAL_BYTES];
    }
  }

  boolean isEmpty() {
    return count == 0;
  }

  int count() {
    return count;
  }

  int size() {
    return size;
  }

  byte[] bytes() {
    return bytes;
  }

  /** Length of the record whose length prefix starts at {@code position}. */
  int lengthAt(int position) {
    return ((bytes[position] & 0xFF) << 24) | ((bytes[position + 1] & 0xFF) << 16)
        | ((bytes[position + 2] & 0xFF) << 8) | (bytes[position + 3] & 0xFF);
  }

  /** Where record {@code index} (its length prefix) starts. */
  int positionOf(int index) {
    int p = 0;
    for (int i = 0; i < index; i++) {
      p += Batch.RECORD_OVERHEAD_BYTES + lengthAt(p);
    }
    return p;
  }
}
