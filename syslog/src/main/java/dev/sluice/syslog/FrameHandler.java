package dev.sluice.syslog;

/**
 * Receives what a {@link SyslogFramer} cuts out of a byte stream.
 *
 * <p>The {@code bytes} array passed to {@link #onFrame} is only valid during the call: it may be
 * the caller's own chunk or the framer's reusable buffer. Copy the range if it must outlive the
 * call (for example {@code Arrays.copyOfRange(bytes, offset, offset + length)}).
 */
public interface FrameHandler {

  /**
   * One complete frame: the SYSLOG-MSG without MSG-LEN, trailer, or (for octet-counted frames)
   * trailing CR/LF. Never empty.
   */
  void onFrame(byte[] bytes, int offset, int length, Framing framing);

  /**
   * A frame that was dropped. Framing continues with the next frame.
   *
   * @param length the number of message bytes dropped (the announced length for octet counting)
   */
  default void onFrameDiscarded(FrameDiscard reason, Framing framing, long length) {}
}
