package dev.sluice.appliance.forward;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with jitter: the n-th consecutive failure waits a random time between half
 * and all of {@code min(max, base * 2^n)}, so many appliances retrying against one lake spread
 * out. {@link #reset()} after a success.
 */
public final class Backoff {
  private final Duration base;
  private final Duration max;
  private final RandomGenerator random;
  private int failures;

  public Backoff(Duration base, Duration max, RandomGenerator random) {
    this.base = Objects.requireNonNull(base, "base");
    this.max = Objects.requireNonNull(max, "max");
    this.random = Objects.requireNonNull(random, "random");
    if (base.isNegative() || base.isZero() || max.compareTo(base) < 0) {
      throw new IllegalArgumentException("need 0 < base <= max");
    }
  }

  /** The wait before the next attempt, counting one more failure. */
  public Duration next() {
    long ceiling = base.toMillis() << Math.min(failures, 30);
    if (ceiling <= 0 || ceiling > max.toMillis()) {
      ceiling = max.toMillis();
    }
    failures++;
    long half = ceiling / 2;
    return Duration.ofMillis(half + random.nextLong(ceiling - half + 1));
  }

  public int failures() {
    return failures;
  }

  public void reset() {
    failures = 0;
  }
}
