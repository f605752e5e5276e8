package dev.sluice.console.web;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How times, counts and sizes read in the console. Templates import these statically. */
public final class Format {

  private static final DateTimeFormatter ABSOLUTE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private Format() {}

  /** "just now", "3 min ago", "5 h ago", "2 days ago"; "in 4 min" for future times; "—" for none. */
  public static String relative(Instant time, Instant now) {
    if (time == null) {
      return "—";
    }
    Duration age = Duration.between(time, now);
    boolean future = age.isNegative();
    long seconds = Math.abs(age.getSeconds());
    String amount;
    if (seconds < 45) {
      return "just now";
    } else if (seconds < 3600) {
      amount = Math.max(1, Math.round(seconds / 60.0)) + " min";
    } else if (seconds < 86_400) {
      amount = Math.round(seconds / 3600.0) + " h";
    } else {
      long days = Math.round(seconds / 86_400.0);
      amount = days + (days == 1 ? " day" : " days");
    }
    return future ? "in " + amount : amount + " ago";
  }

  public static String absolute(Instant time) {
    return time == null ? "" : ABSOLUTE.format(time);
  }

  public static String iso(Instant time) {
    return time == null ? "" : time.toString();
  }

  /** Thousands separators: 1,234,567. */
  public static String count(long value) {
    return String.format(Locale.ROOT, "%,d", value);
  }

  public static String bytes(long value) {
    if (value < 1024) {
      return value + " B";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB"};
    double scaled = value;
    int unit = -1;
    while (scaled >= 1024 && unit < units.length - 1) {
      scaled /= 1024;
      unit++;
    }
    return String.format(Locale.ROOT, scaled >= 100 ? "%.0f %s" : "%.1f %s", scaled, units[unit]);
  }

  /** An events-per-minute rate: whole numbers with separators, one decimal below 10. */
  public static String rate(double perMinute) {
    if (perMinute <= 0 || Double.isNaN(perMinute)) {
      return "0";
    }
    return perMinute < 10 ? String.format(Locale.ROOT, "%.1f", perMinute)
        : count(Math.round(perMinute));
  }

  /** A share as a whole percentage, "0 %" when the whole is zero. */
  public static String percent(long part, long whole) {
    return whole <= 0 ? "0 %" : Math.round(100.0 * part / whole) + " %";
  }
}
