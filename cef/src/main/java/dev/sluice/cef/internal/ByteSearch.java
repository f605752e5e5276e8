package dev.sluice.cef.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Finds the next of two byte values eight bytes at a time. The CEF scanner only stops at
 * separators ({@code |}, {@code =}) and escapes ({@code \}); everything between them is skipped
 * here.
 */
public final class ByteSearch {

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;

  private ByteSearch() {}

  /** Index of the first {@code a} or {@code b} in {@code bytes[from, to)}, or -1. */
  public static int indexOfEither(byte[] bytes, int from, int to, byte a, byte b) {
    long patternA = ONES * (a & 0xff);
    long patternB = ONES * (b & 0xff);
    int i = from;
    for (; i + 8 <= to; i += 8) {
      long word = (long) LONGS.get(bytes, i);
      long xa = word ^ patternA;
      long xb = word ^ patternB;
      // Zero bytes of xa/xb mark matches; the lowest flagged byte is always a true match.
      long found = ((xa - ONES) & ~xa | (xb - ONES) & ~xb) & HIGHS;
      if (found != 0) {
        return i + (Long.numberOfTrailingZeros(found) >>> 3);
      }
    }
    for (; i < to; i++) {
      byte c = bytes[i];
      if (c == a || c == b) {
        return i;
      }
    }
    return -1;
  }

  /** Whether any byte in {@code bytes[from, to)} has its high bit set (is not ASCII). */
  public static boolean hasNonAscii(byte[] bytes, int from, int to) {
    int i = from;
    for (; i + 8 <= to; i += 8) {
      if (((long) LONGS.get(bytes, i) & HIGHS) != 0) {
        return true;
      }
    }
    for (; i < to; i++) {
      if (bytes[i] < 0) {
        return true;
      }
    }
    return false;
  }
}
