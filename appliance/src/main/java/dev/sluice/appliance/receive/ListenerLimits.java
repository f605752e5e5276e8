package dev.sluice.appliance.receive;

import java.time.Duration;
import java.util.Objects;

/**
 * Bounds on what one sender can make a listener hold.
 *
 * @param maxFrameBytes longest frame accepted; longer frames are skipped and quarantined
 *     ({@code FRAME_TOO_LARGE}), the connection stays open
 * @param maxConnectionsPerPort connections beyond this are closed at once and counted
 * @param idleTimeout a connection that sends nothing for this long is closed
 */
public record ListenerLimits(int maxFrameBytes, int maxConnectionsPerPort, Duration idleTimeout) {
  public ListenerLimits {
    Objects.requireNonNull(idleTimeout, "idleTimeout");
    if (maxFrameBytes < 1024 || maxFrameBytes > (1 << 20)) {
      throw new IllegalArgumentException("maxFrameBytes must be 1 KiB..1 MiB");
    }
    if (maxConnectionsPerPort < 1) {
      throw new IllegalArgumentException("maxConnectionsPerPort must be positive");
    }
    if (idleTimeout.isNegative() || idleTimeout.isZero()) {
      throw new IllegalArgumentException("idleTimeout must be positive");
    }
  }

  public static ListenerLimits defaults() {
    return new ListenerLimits(64 * 1024, 64, Duration.ofMinutes(10));
  }
}
