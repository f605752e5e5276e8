package dev.sluice.darktracesim.send;

import dev.sluice.darktracesim.alert.AlertMix;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a load run sends: how many instances, how fast, for how long, from which seed.
 *
 * @param instances number of emulated Darktrace instances, each with its own connection, host
 *     name and seed ({@code seed + i})
 * @param rate total rate over all instances
 * @param count total messages to send over all instances; empty = no limit
 * @param duration stop after this long; empty = no limit
 * @param seed generator seed of the first instance
 * @param start time of the first alert
 * @param mix alert kinds' relative frequencies
 * @param poolSize most messages rendered ahead per instance; a longer run cycles through them
 * @param giveUpAfter stop an instance that could not connect for this long
 */
public record LoadPlan(
    int instances,
    Rate rate,
    OptionalLong count,
    Optional<Duration> duration,
    long seed,
    Instant start,
    AlertMix mix,
    int poolSize,
    Duration giveUpAfter) {

  public static final int DEFAULT_POOL_SIZE = 65_536;

  public LoadPlan {
    Objects.requireNonNull(rate, "rate");
    Objects.requireNonNull(count, "count");
    Objects.requireNonNull(duration, "duration");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(mix, "mix");
    Objects.requireNonNull(giveUpAfter, "giveUpAfter");
    if (instances < 1 || instances > 256) {
      throw new IllegalArgumentException("instances must be 1-256, was " + instances);
    }
    if (count.isPresent() && count.getAsLong() < 0) {
      throw new IllegalArgumentException("count must not be negative");
    }
    if (duration.isPresent() && (duration.get().isNegative() || duration.get().isZero())) {
      throw new IllegalArgumentException("duration must be positive");
    }
    if (poolSize < 1) {
      throw new IllegalArgumentException("pool size must be positive");
    }
  }

  /** A plan that sends {@code count} alerts from one instance as fast as possible. */
  public static LoadPlan count(long count, long seed, Instant start) {
    return new LoadPlan(1, Rate.MAX, OptionalLong.of(count), Optional.empty(), seed, start,
        AlertMix.TYPICAL, DEFAULT_POOL_SIZE, Duration.ofSeconds(60));
  }

  /** Messages instance {@code index} sends (the count split evenly), or empty for no limit. */
  OptionalLong countFor(int index) {
    if (count.isEmpty()) {
      return OptionalLong.empty();
    }
    long total = count.getAsLong();
    return OptionalLong.of(total / instances + (index < total % instances ? 1 : 0));
  }

  /** Pool size for instance {@code index}: no bigger than what it will send. */
  int poolSizeFor(int index) {
    OptionalLong mine = countFor(index);
    if (mine.isPresent()) {
      return (int) Math.max(1, Math.min(poolSize, mine.getAsLong()));
    }
    return poolSize;
  }
}
