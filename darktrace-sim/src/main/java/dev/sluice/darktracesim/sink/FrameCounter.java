package dev.sluice.darktracesim.sink;

/**
 * Counts syslog frames in a TCP byte stream fed in arbitrary chunks, deciding per frame between
 * octet counting (frame starts with a digit: {@code LEN SP MSG}) and LF framing (anything else,
 * up to the next LF). Meant for a sink that measures senders, so it only counts: no frame is
 * copied, no memory is allocated per frame.
 */
public final class FrameCounter {

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
          while (i < end && bytes[i] != '\n') {
            i++;
          }
          if (i < end) {
            i++;
            frames++;
            state = State.FRAME_START;
          }
        }
      }
    }
  }

  /** Complete frames seen so far. */
  public long frames() {
    return frames;
  }
}
