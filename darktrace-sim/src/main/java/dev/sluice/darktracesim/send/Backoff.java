package dev.sluice.darktracesim.send;

import java.util.SplittableRandom;

/** Exponential backoff with full jitter between reconnect attempts: 100 ms doubling to 5 s. */
final class Backoff {
  static final long INITIAL_MILLIS = 100;
  static final long MAX_MILLIS = 5_000;

  private final SplittableRandom random;
  private long ceiling = INITIAL_MILLIS;

  Backoff(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /** The next pause: uniform in [ceiling/2, ceiling], then the ceiling doubles up to the max. */
  long nextDelayMillis() {
    long delay = ceiling / 2 + random.nextLong(ceiling / 2 + 1);
    ceiling = Math.min(MAX_MILLIS, ceiling * 2);
    return delay;
  }

  void reset() {
    ceiling = INITIAL_MILLIS;
  }
}
