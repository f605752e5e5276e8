package dev.sluice.darktracesim.send;

import dev.sluice.darktracesim.alert.AlertKind;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The summary of a load run.
 *
 * @param instances one report per instance
 * @param elapsed from the first send to the last instance finishing (rendering excluded)
 */
public record LoadReport(List<InstanceReport> instances, Duration elapsed) {

  public LoadReport {
    instances = List.copyOf(instances);
    Objects.requireNonNull(elapsed, "elapsed");
  }

  public long sent() {
    return instances.stream().mapToLong(InstanceReport::sent).sum();
  }

  public long lost() {
    return instances.stream().mapToLong(InstanceReport::lost).sum();
  }

  public long errors() {
    return instances.stream().mapToLong(InstanceReport::errors).sum();
  }

  public long bytes() {
    return instances.stream().mapToLong(InstanceReport::bytes).sum();
  }

  public Map<AlertKind, Long> sentByKind() {
    Map<AlertKind, Long> total = new EnumMap<>(AlertKind.class);
    for (InstanceReport r : instances) {
      r.sentByKind().forEach((k, v) -> total.merge(k, v, Long::sum));
    }
    return total;
  }

  /** Messages per second over the run. */
  public double rate() {
    double seconds = elapsed.toNanos() / 1e9;
    return seconds == 0 ? 0 : sent() / seconds;
  }

  /** True when every instance ran to its end without giving up. */
  public boolean completed() {
    return instances.stream().allMatch(r -> r.failure().isEmpty());
  }

  /** A few lines for people: totals, rate, kinds, per-instance failures. */
  public String describe() {
    StringBuilder sb = new StringBuilder();
    double seconds = elapsed.toNanos() / 1e9;
    sb.append(String.format(Locale.ROOT,
        "sent %,d messages (%,.1f MB) in %.2f s: %,.0f msg/s, %,.1f MB/s; errors %,d",
        sent(), bytes() / 1e6, seconds, rate(), seconds == 0 ? 0 : bytes() / 1e6 / seconds,
        errors()));
    if (lost() > 0) {
      sb.append(String.format(Locale.ROOT, "; lost (UDP) %,d", lost()));
    }
    sb.append('\n').append("by kind:");
    sentByKind().forEach((k, v) -> {
      if (v > 0) {
        sb.append(String.format(Locale.ROOT, " %s %,d;", k.label(), v));
      }
    });
    sb.setLength(sb.length() - 1);
    for (InstanceReport r : instances) {
      sb.append('\n').append(String.format(Locale.ROOT, "  %s: sent %,d, errors %,d, reconnects %,d",
          r.hostname(), r.sent(), r.errors(), r.reconnects()));
      r.failure().ifPresent(f -> sb.append(" — stopped: ").append(f));
    }
    return sb.toString();
  }
}
