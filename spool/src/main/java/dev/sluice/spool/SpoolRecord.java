package dev.sluice.spool;

import java.util.Objects;

/** One record read back from the spool, with the offset it was given at append. */
public record SpoolRecord(long offset, byte[] payload) {
  public SpoolRecord {
    if (offset < 0) {
      throw new IllegalArgumentException("offset must not be negative");
    }
    Objects.requireNonNull(payload, "payload");
  }
}
