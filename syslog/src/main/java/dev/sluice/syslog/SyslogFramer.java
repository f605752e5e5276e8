package dev.sluice.syslog;

import dev.sluice.syslog.internal.LineEndSearch;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * Cuts a syslog-over-TCP byte stream into frames (RFC 6587), fed chunks exactly as a socket
 * delivers them. Not thread-safe: one framer per connection.
 *
 * <h2>Framing, decided per frame</h2>
 * <ul>
 *   <li><b>Octet counting</b> (§3.4.1): {@code MSG-LEN SP SYSLOG-MSG}. Chosen only when the frame
 *       starts with 1–10 digits, one space, and then either {@code <} 1–3 digits {@code >} (a PRI)
 *       or {@code CEF:}. This hardening keeps an LF-framed line such as
 *       {@code 54 <1 minute elapsed} from being read as a count. Leading zeros in MSG-LEN are
 *       accepted (loggen sends them). Trailing CR/LF inside the counted bytes are stripped.</li>
 *   <li><b>Non-transparent framing</b> (§3.4.2) otherwise: the frame ends at the first LF or NUL;
 *       a CR right before the LF is dropped ({@link Framing#CRLF}). Empty frames are skipped.</li>
 * </ul>
 *
 * <h2>Bounds</h2>
 * A frame longer than {@code maxFrameSize} is never buffered: its bytes are skipped up to its end
 * (the announced length, or the next trailer), it is reported through
 * {@link FrameHandler#onFrameDiscarded} with {@link FrameDiscard#FRAME_TOO_LARGE}, and framing
 * continues with the next frame. MSG-LEN is never allocated up front; the buffer grows with the
 * bytes that actually arrive.
 *
 * <h2>A wrong MSG-LEN</h2>
 * A count that does not match the message cannot be detected in general. Its damage is bounded:
 * the bytes after a too-short count (or the part of the next message swallowed by a too-long one)
 * become one garbage frame up to the next LF, which the CEF parser rejects, and framing is back
 * in step with the following frame. Closing the connection instead is the caller's choice.
 *
 * <h2>Allocation</h2>
 * A frame that lies entirely within one chunk is handed to the handler as a range of that chunk
 * (no copy). Only frames split across chunks are assembled in the framer's reusable buffer.
 *
 * <h2>End of stream</h2>
 * {@link #endOfStream()} delivers a final non-transparent frame that has no trailer as
 * {@link Framing#END_OF_STREAM}, and reports an incomplete octet-counted frame as
 * {@link FrameDiscard#TRUNCATED_AT_END_OF_STREAM}.
 */
public final class SyslogFramer {

  /** The default maximum frame size: 64 KiB, enough for long Darktrace CEF messages. */
  public static final int DEFAULT_MAX_FRAME_SIZE = 64 * 1024;

  private static final int MAX_COUNT_DIGITS = 10;
  /** Longest prefix needed to decide the framing: 10 digits, SP, {@code <191>} or {@code CEF:}. */
  private static final int MAX_DECISION_PREFIX = MAX_COUNT_DIGITS + 1 + 5;
  private static final long NEED_MORE = -1;
  private static final long NON_TRANSPARENT = -2;
  private static final byte[] CEF_MARKER = {'C', 'E', 'F', ':'};

  private enum State { FRAME_START, OCTET_COUNTED, LINE, DISCARD_OCTET_COUNTED, DISCARD_LINE }

  private final int maxFrameSize;
  private final FrameHandler handler;

  private State state = State.FRAME_START;
  private byte[] buffer;
  private int buffered;
  private long remaining;
  private long discardLength;
  private long frames;
  private long discardedFrames;
  private byte[] scratch;

  /** A framer with the {@linkplain #DEFAULT_MAX_FRAME_SIZE default maximum frame size}. */
  public SyslogFramer(FrameHandler handler) {
    this(DEFAULT_MAX_FRAME_SIZE, handler);
  }

  public SyslogFramer(int maxFrameSize, FrameHandler handler) {
    if (maxFrameSize < 1) {
      throw new IllegalArgumentException("maxFrameSize must be positive: " + maxFrameSize);
    }
    this.maxFrameSize = maxFrameSize;
    this.handler = Objects.requireNonNull(handler, "handler");
    this.buffer = new byte[Math.min(maxFrameSize, 1024) + MAX_DECISION_PREFIX];
  }

  public int maxFrameSize() {
    return maxFrameSize;
  }

  /** Frames delivered so far. */
  public long frames() {
    return frames;
  }

  /** Frames discarded so far (oversized or truncated). */
  public long discardedFrames() {
    return discardedFrames;
  }

  /** Feeds the next chunk of the stream; complete frames go to the handler before this returns. */
  public void feed(byte[] chunk, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, chunk.length);
    int pos = offset;
    int end = offset + length;
    while (pos < end) {
      pos = switch (state) {
        case FRAME_START -> startFrame(chunk, pos, end);
        case OCTET_COUNTED -> readOctetCounted(chunk, pos, end);
        case LINE -> readLine(chunk, pos, end);
        case DISCARD_OCTET_COUNTED -> discardOctetCounted(pos, end);
        case DISCARD_LINE -> discardLine(chunk, pos, end);
      };
    }
  }

  public void feed(byte[] chunk) {
    feed(chunk, 0, chunk.length);
  }

  /** Feeds the buffer's remaining bytes and advances its position to its limit. */
  public void feed(ByteBuffer chunk) {
    if (chunk.hasArray()) {
      feed(chunk.array(), chunk.arrayOffset() + chunk.position(), chunk.remaining());
      chunk.position(chunk.limit());
      return;
    }
    if (scratch == null) {
      scratch = new byte[8192];
    }
    while (chunk.hasRemaining()) {
      int n = Math.min(scratch.length, chunk.remaining());
      chunk.get(scratch, 0, n);
      feed(scratch, 0, n);
    }
  }

  /** The stream ended: delivers or reports whatever is pending and resets the framer. */
  public void endOfStream() {
    switch (state) {
      case FRAME_START, LINE -> {
        if (buffered > 0) {
          int length = buffered;
          if (buffer[length - 1] == '\r') {
            length--;
          }
          deliver(buffer, 0, length, Framing.END_OF_STREAM);
        }
      }
      case OCTET_COUNTED -> discarded(FrameDiscard.TRUNCATED_AT_END_OF_STREAM,
          Framing.OCTET_COUNTING, buffered);
      case DISCARD_OCTET_COUNTED -> discarded(FrameDiscard.FRAME_TOO_LARGE,
          Framing.OCTET_COUNTING, discardLength);
      case DISCARD_LINE -> discarded(FrameDiscard.FRAME_TOO_LARGE, Framing.END_OF_STREAM,
          discardLength);
    }
    buffered = 0;
    state = State.FRAME_START;
  }

  private int startFrame(byte[] chunk, int pos, int end) {
    if (buffered == 0) {
      byte first = chunk[pos];
      if (first == '\n' || first == 0) {
        return pos + 1;
      }
      long decision = decide(chunk, pos, end);
      if (decision == NEED_MORE) {
        append(chunk, pos, end);
        return end;
      }
      return decision == NON_TRANSPARENT ? beginLine(pos) : beginOctetCounted(decision, pos);
    }
    int prior = buffered;
    int take = Math.min(end - pos, MAX_DECISION_PREFIX - prior);
    append(chunk, pos, pos + take);
    long decision = decide(buffer, 0, buffered);
    if (decision == NEED_MORE) {
      return pos + take;
    }
    // Un-append the bytes just copied: the next state reads them again from the chunk. The
    // buffered prefix stays for a line; for octet counting it was all MSG-LEN and is dropped.
    buffered = prior;
    if (decision == NON_TRANSPARENT) {
      return beginLine(pos);
    }
    int headerLength = (int) (decision & 0xff);
    int payloadBuffered = prior - headerLength;
    buffered = 0;
    if (payloadBuffered <= 0) {
      return beginOctetCounted(decision, pos - prior);
    }
    // Rare: the decision needed bytes of the message itself (a split "12 <13" prefix). Those
    // bytes were consumed from earlier chunks, so they are replayed from a copy.
    byte[] replay = Arrays.copyOfRange(buffer, headerLength, prior);
    beginOctetCounted(decision, 0);
    feed(replay, 0, replay.length);
    return pos;
  }

  private int beginLine(int pos) {
    state = State.LINE;
    return pos;
  }

  /** {@code frameStart} is where MSG-LEN starts (before the chunk if it was buffered). */
  private int beginOctetCounted(long decision, int frameStart) {
    long count = decision >>> 8;
    remaining = count;
    if (count > maxFrameSize) {
      discardLength = count;
      state = State.DISCARD_OCTET_COUNTED;
    } else {
      state = State.OCTET_COUNTED;
    }
    return frameStart + (int) (decision & 0xff);
  }

  /**
   * Decides the framing of the frame starting at {@code from}: {@link #NEED_MORE},
   * {@link #NON_TRANSPARENT}, or {@code count << 8 | headerLength} for octet counting.
   */
  private static long decide(byte[] bytes, int from, int to) {
    int i = from;
    long count = 0;
    int digits = 0;
    while (i < to && isDigit(bytes[i])) {
      if (++digits > MAX_COUNT_DIGITS) {
        return NON_TRANSPARENT;
      }
      count = count * 10 + (bytes[i] - '0');
      i++;
    }
    if (digits == 0) {
      return NON_TRANSPARENT;
    }
    if (i == to) {
      return NEED_MORE;
    }
    if (bytes[i] != ' ' || count == 0) {
      return NON_TRANSPARENT;
    }
    int headerLength = i + 1 - from;
    i++;
    if (i == to) {
      return NEED_MORE;
    }
    long octetCounted = count << 8 | headerLength;
    if (bytes[i] == '<') {
      i++;
      int priDigits = 0;
      while (i < to && priDigits <= 3 && isDigit(bytes[i])) {
        i++;
        priDigits++;
      }
      if (i == to) {
        return priDigits <= 3 ? NEED_MORE : NON_TRANSPARENT;
      }
      return priDigits >= 1 && priDigits <= 3 && bytes[i] == '>' ? octetCounted : NON_TRANSPARENT;
    }
    for (byte expected : CEF_MARKER) {
      if (i == to) {
        return NEED_MORE;
      }
      if (bytes[i++] != expected) {
        return NON_TRANSPARENT;
      }
    }
    return octetCounted;
  }

  private int readOctetCounted(byte[] chunk, int pos, int end) {
    int available = end - pos;
    if (buffered == 0 && available >= remaining) {
      int length = (int) remaining;
      deliverOctetCounted(chunk, pos, length);
      state = State.FRAME_START;
      return pos + length;
    }
    int take = (int) Math.min(available, remaining);
    append(chunk, pos, pos + take);
    remaining -= take;
    if (remaining == 0) {
      int length = buffered;
      buffered = 0;
      state = State.FRAME_START;
      deliverOctetCounted(buffer, 0, length);
    }
    return pos + take;
  }

  private void deliverOctetCounted(byte[] bytes, int offset, int length) {
    int end = offset + length;
    while (end > offset && (bytes[end - 1] == '\n' || bytes[end - 1] == '\r')) {
      end--;
    }
    if (end > offset) {
      deliver(bytes, offset, end - offset, Framing.OCTET_COUNTING);
    }
  }

  private int readLine(byte[] chunk, int pos, int end) {
    int trailer = LineEndSearch.indexOfLineEnd(chunk, pos, end);
    if (trailer < 0) {
      int length = end - pos;
      if ((long) buffered + length > maxFrameSize) {
        discardLength = (long) buffered + length;
        buffered = 0;
        state = State.DISCARD_LINE;
      } else {
        append(chunk, pos, end);
      }
      return end;
    }
    int length = trailer - pos;
    boolean nul = chunk[trailer] == 0;
    state = State.FRAME_START;
    if (buffered == 0) {
      deliverLine(chunk, pos, length, nul);
    } else {
      long total = (long) buffered + length;
      if (total > maxFrameSize) {
        buffered = 0;
        discarded(FrameDiscard.FRAME_TOO_LARGE, nul ? Framing.NUL : Framing.LF, total);
      } else {
        append(chunk, pos, trailer);
        int frameLength = buffered;
        buffered = 0;
        deliverLine(buffer, 0, frameLength, nul);
      }
    }
    return trailer + 1;
  }

  /** The size limit counts every byte before the trailer, a CR before LF included. */
  private void deliverLine(byte[] bytes, int offset, int length, boolean nul) {
    Framing framing = nul ? Framing.NUL : Framing.LF;
    if (length > maxFrameSize) {
      discarded(FrameDiscard.FRAME_TOO_LARGE, framing, length);
      return;
    }
    if (!nul && length > 0 && bytes[offset + length - 1] == '\r') {
      length--;
      framing = Framing.CRLF;
    }
    if (length > 0) {
      deliver(bytes, offset, length, framing);
    }
  }

  private int discardOctetCounted(int pos, int end) {
    int take = (int) Math.min(end - pos, remaining);
    remaining -= take;
    if (remaining == 0) {
      state = State.FRAME_START;
      discarded(FrameDiscard.FRAME_TOO_LARGE, Framing.OCTET_COUNTING, discardLength);
    }
    return pos + take;
  }

  private int discardLine(byte[] chunk, int pos, int end) {
    int trailer = LineEndSearch.indexOfLineEnd(chunk, pos, end);
    if (trailer < 0) {
      discardLength += end - pos;
      return end;
    }
    discardLength += trailer - pos;
    state = State.FRAME_START;
    discarded(FrameDiscard.FRAME_TOO_LARGE, chunk[trailer] == 0 ? Framing.NUL : Framing.LF,
        discardLength);
    return trailer + 1;
  }

  private void deliver(byte[] bytes, int offset, int length, Framing framing) {
    frames++;
    handler.onFrame(bytes, offset, length, framing);
  }

  private void discarded(FrameDiscard reason, Framing framing, long length) {
    discardedFrames++;
    handler.onFrameDiscarded(reason, framing, length);
  }

  private void append(byte[] source, int from, int to) {
    int length = to - from;
    int needed = buffered + length;
    if (needed > buffer.length) {
      int capacity = Math.max(needed, Math.min(buffer.length * 2, maxFrameSize + MAX_DECISION_PREFIX));
      buffer = Arrays.copyOf(buffer, capacity);
    }
    System.arraycopy(source, from, buffer, buffered, length);
    buffered = needed;
  }

  private static boolean isDigit(byte b) {
    return b >= '0' && b <= '9';
  }
}
