package dev.sluice.syslog.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Finds the next non-transparent frame trailer (LF or NUL) eight bytes at a time: a frame is
 * usually hundreds of bytes long and this search runs over every byte a listener receives.
 */
public final class LineEndSearch {

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;
  private static final long LF_PATTERN = ONES * '\n';

  private LineEndSearch() {}

  /** Index of the first LF or NUL in {@code bytes[from, to)}, or -1. */
  public static int indexOfLineEnd(byte[] bytes, int from, int to) {
    int i = from;
    for (; i + 8 <= to; i += 8) {
      long word = (long) LONGS.get(bytes, i);
      long lf = word ^ LF_PATTERN;
      // A byte is zero in x exactly where (x - 0x01) borrows into a cleared high bit; the lowest
      // flagged byte is always a true match, which is all we need.
      long found = ((lf - ONES) & ~lf | (word - ONES) & ~word) & HIGHS;
      if (found != 0) {
        return i + (Long.numberOfTrailingZeros(found) >>> 3);
      }
    }
    for (; i < to; i++) {
      byte b = bytes[i];
      if (b == '\n' || b == 0) {
        return i;
      }
    }
    return -1;
  }
}
