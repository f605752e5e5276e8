package dev.sluice.darktracesim.sink;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Counts syslog frames in a TCP byte stream fed in arbitrary chunks, deciding per frame between
 * octet counting (frame starts with a digit: {@code LEN SP MSG}) and LF framing (anything else,
 * up to the next LF). Meant for a sink that measures senders, so it only counts: no frame is
 * copied, no memory is allocated per frame.
 */
public final class FrameCounter {

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private enum State { FRAME_START, LENGTH, OCTETS, LINE }

  private State state = State.FRAME_START;
  private long length;
  private long frames;

  /** Feeds {@code bytes[offset, offset+count)}. */
  public void feed(byte[] bytes, int offset, int count) {
    int i = offset;
    int end = offset + count;
    while (i < end) {
      switch (state) {
        case FRAME_START -> {
          byte b = bytes[i];
          if (b >= '1' && b <= '9') {
            length = b - '0';
            state = State.LENGTH;
            i++;
          } else {
            state = State.LINE;
          }
        }
        case LENGTH -> {
          byte b = bytes[i++];
          if (b >= '0' && b <= '9' && length < 100_000_000) {
            length = length * 10 + (b - '0');
          } else if (b == ' ') {
            state = length == 0 ? State.FRAME_START : State.OCTETS;
            if (length == 0) {
              frames++;
            }
          } else {
            state = b == '\n' ? State.FRAME_START : State.LINE;
            if (b == '\n') {
              frames++;
            }
          }
        }
        case OCTETS -> {
          long take = Math.min(length, end - i);
          i += (int) take;
          length -= take;
          if (length == 0) {
            frames++;
            state = State.FRAME_START;
          }
        }
        case LINE -> {
          int lf = indexOfLf(bytes, i, end);
          if (lf < 0) {
            i = end;
          } else {
            i = lf + 1;
            frames++;
            state = State.FRAME_START;
          }
        }
      }
    }
  }

  /**
   * The first LF in {@code bytes[from, end)}, or -1. Eight bytes at a time: in {@code x = word ^
   * 0x0A…0A} an LF byte is zero, and {@code (x - 0x01…01) & ~x & 0x80…80} sets the top bit of the
   * lowest zero byte (higher bits may be false positives, so only the lowest one is used).
   */
  static int indexOfLf(byte[] bytes, int from, int end) {
    int i = from;
    for (; i + 8 <= end; i += 8) {
      long x = (long) LONGS.get(bytes, i) ^ 0x0A0A0A0A0A0A0A0AL;
      long found = (x - 0x0101010101010101L) & ~x & 0x8080808080808080L;
      if (found != 0) {
        return i + (Long.numberOfTrailingZeros(found) >>> 3);
      }
    }
    for (; i < end; i++) {
      if (bytes[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  /** Complete frames seen so far. */
  public long frames() {
    return frames;
  }
}
