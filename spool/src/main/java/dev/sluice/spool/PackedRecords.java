package dev.sluice.spool;

import java.nio.ByteBuffer;

/**
 * Records queued for the writer, packed the way a {@link Batch} holds them: for each record a
 * 4-byte big-endian length, then its bytes. One growable direct buffer instead of an object per
 * record, so appending costs one copy and no allocation once the buffer has grown, and the
 * writer hands slices of it to the file as they are (after a separate batch header), with no
 * further copy. Not thread-safe (the spool guards it).
 */
final class PackedRecords {
  private static final int INITIAL_BYTES = 64 << 10;
  private ByteBuffer bytes = ByteBuffer.allocateDirect(INITIAL_BYTES);
  private int size;
  private int count;

  void add(byte[] src, int offset, int length) {
    int need = size + Batch.RECORD_OVERHEAD_BYTES + length;
    if (need > bytes.capacity()) {
      ByteBuffer grown = ByteBuffer.allocateDirect(Math.max(need, bytes.capacity() * 2));
      grown.put(0, bytes, 0, size);
      bytes = grown;
    }
    bytes.putInt(size, length);
    bytes.put(size + Batch.RECORD_OVERHEAD_BYTES, src, offset, length);
    size = need;
    count++;
  }

  /** Empties the buffer; one grown far beyond {@code keepBytes} is given back. */
  void clear(long keepBytes) {
    size = 0;
    count = 0;
    if (bytes.capacity() > 4 * keepBytes && bytes.capacity() > INITIAL_BYTES) {
      bytes = ByteBuffer.allocateDirect(INITIAL_BYTES);
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

  /** A view of the packed bytes {@code [from, to)}, positioned at 0. */
  ByteBuffer slice(int from, int to) {
    return bytes.slice(from, to - from);
  }

  /** Length of the record whose length prefix starts at {@code position}. */
  int lengthAt(int position) {
    return bytes.getInt(position);
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
