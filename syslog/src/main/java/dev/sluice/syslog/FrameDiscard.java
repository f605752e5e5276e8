package dev.sluice.syslog;

/** Why the framer dropped bytes instead of delivering a frame. Stable codes, used in metrics. */
public enum FrameDiscard {
  /** The frame was longer than the configured maximum; it was skipped up to its end. */
  FRAME_TOO_LARGE,
  /** The stream ended inside an octet-counted frame (fewer bytes arrived than announced). */
  TRUNCATED_AT_END_OF_STREAM
}
