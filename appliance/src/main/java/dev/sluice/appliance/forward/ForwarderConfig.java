package dev.sluice.appliance.forward;

import java.time.Duration;
import java.util.Objects;

/**
 * How the forwarder batches and retries.
 *
 * @param maxEvents most events in one batch (the lake takes at most 20,000)
 * @param maxBytes most spooled bytes in one batch (before compression)
 * @param maxDelay how long the first event of a batch waits for more before the batch goes
 * @param backoffBase first retry wait (jittered)
 * @param backoffMax longest retry wait
 */
public record ForwarderConfig(int maxEvents, long maxBytes, Duration maxDelay,
    Duration backoffBase, Duration backoffMax) {
  public ForwarderConfig {
    Objects.requireNonNull(maxDelay, "maxDelay");
    Objects.requireNonNull(backoffBase, "backoffBase");
    Objects.requireNonNull(backoffMax, "backoffMax");
    if (maxEvents < 1 || maxEvents > 20_000) {
      throw new IllegalArgumentException("maxEvents must be 1..20000");
    }
    if (maxBytes < 1) {
      throw new IllegalArgumentException("maxBytes must be positive");
    }
  }

  public static ForwarderConfig defaults() {
    return new ForwarderConfig(5_000, 8L << 20, Duration.ofMillis(200), Duration.ofMillis(250),
        Duration.ofSeconds(30));
  }
}
