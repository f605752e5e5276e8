package dev.sluice.console.datalake;

import dev.sluice.console.web.Format;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A bar chart of alerts over time, laid out for an inline SVG: one bar per bucket, zero-filled,
 * with y-axis ticks at round numbers. Pure layout; the counts come from the lake.
 */
public record AlertChart(Window window, List<Bar> bars, List<Tick> yTicks, List<Tick> xLabels,
    long total, long max) {

  public static final int WIDTH = 560;
  public static final int HEIGHT = 190;
  public static final int LEFT = 40;
  public static final int RIGHT = 8;
  public static final int TOP = 10;
  public static final int BOTTOM = 26;

  /** The chart's time range and bucket size. */
  public enum Window {
    DAY("24h", "Last 24 hours", Duration.ofHours(24), Duration.ofHours(1)),
    WEEK("7d", "Last 7 days", Duration.ofDays(7), Duration.ofHours(6));

    private final String id;
    private final String label;
    private final Duration span;
    private final Duration bucket;

    Window(String id, String label, Duration span, Duration bucket) {
      this.id = id;
      this.label = label;
      this.span = span;
      this.bucket = bucket;
    }

    public String id() {
      return id;
    }

    public String label() {
      return label;
    }

    public Duration span() {
      return span;
    }

    public Duration bucket() {
      return bucket;
    }

    public int buckets() {
      return (int) (span.toSeconds() / bucket.toSeconds());
    }

    /** The first bucket's start: bucket-aligned so that the last bucket holds "now". */
    public Instant start(Instant now) {
      long size = bucket.toSeconds();
      long lastStart = Math.floorDiv(now.getEpochSecond(), size) * size;
      return Instant.ofEpochSecond(lastStart - (buckets() - 1) * size);
    }

    public static Window fromId(String id) {
      return WEEK.id.equals(id) ? WEEK : DAY;
    }
  }

  public record Bar(double x, double y, double width, double height, long count, String tooltip) {
    public String xs() {
      return fmt(x);
    }

    public String ys() {
      return fmt(y);
    }

    public String widths() {
      return fmt(width);
    }

    public String heights() {
      return fmt(height);
    }
  }

  public record Tick(double position, String label) {
    public String pos() {
      return fmt(position);
    }
  }

  /**
   * Lays out the chart. {@code countsByBucketStart} maps a bucket's start (epoch seconds) to its
   * count; buckets the lake returned nothing for are zero.
   */
  public static AlertChart of(Window window, Instant now, Map<Long, Long> countsByBucketStart) {
    Instant start = window.start(now);
    int n = window.buckets();
    long bucketSeconds = window.bucket().toSeconds();
    long max = 0;
    long total = 0;
    long[] counts = new long[n];
    for (int i = 0; i < n; i++) {
      counts[i] = countsByBucketStart.getOrDefault(start.getEpochSecond() + i * bucketSeconds, 0L);
      max = Math.max(max, counts[i]);
      total += counts[i];
    }
    long scaleMax = 4 * niceStep((Math.max(max, 4) + 3) / 4);
    double plotWidth = WIDTH - LEFT - RIGHT;
    double plotHeight = HEIGHT - TOP - BOTTOM;
    double slot = plotWidth / n;
    double barWidth = Math.max(1, slot * 0.72);
    DateTimeFormatter tipFormat =
        DateTimeFormatter.ofPattern("MMM d, HH:00", Locale.ROOT).withZone(ZoneOffset.UTC);
    List<Bar> bars = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      double height = counts[i] == 0 ? 0 : Math.max(1.5, plotHeight * counts[i] / scaleMax);
      Instant bucketStart = start.plusSeconds(i * bucketSeconds);
      String tooltip = Format.count(counts[i]) + (counts[i] == 1 ? " alert" : " alerts") + " · "
          + tipFormat.format(bucketStart) + "–"
          + DateTimeFormatter.ofPattern("HH:00", Locale.ROOT).withZone(ZoneOffset.UTC)
              .format(bucketStart.plusSeconds(bucketSeconds)) + " UTC";
      bars.add(new Bar(LEFT + i * slot + (slot - barWidth) / 2, TOP + plotHeight - height,
          barWidth, height, counts[i], tooltip));
    }
    List<Tick> yTicks = new ArrayList<>();
    for (int i = 0; i <= 4; i++) {
      long value = scaleMax * i / 4;
      yTicks.add(new Tick(TOP + plotHeight - plotHeight * i / 4, compact(value)));
    }
    List<Tick> xLabels = new ArrayList<>();
    int every = 4;
    DateTimeFormatter labelFormat = DateTimeFormatter.ofPattern(
        window == Window.DAY ? "HH:mm" : "EEE d", Locale.ROOT).withZone(ZoneOffset.UTC);
    for (int i = 0; i < n; i += every) {
      Instant at = start.plusSeconds(i * bucketSeconds);
      if (window == Window.WEEK) {
        at = at.truncatedTo(ChronoUnit.DAYS);
      }
      xLabels.add(new Tick(LEFT + i * slot + slot / 2, labelFormat.format(at)));
    }
    return new AlertChart(window, bars, yTicks, xLabels, total, max);
  }

  public String viewBox() {
    return "0 0 " + WIDTH + " " + HEIGHT;
  }

  public String plotRight() {
    return fmt(WIDTH - RIGHT);
  }

  public String axisY() {
    return fmt(HEIGHT - BOTTOM);
  }

  public String labelY() {
    return fmt(HEIGHT - 8);
  }

  /** The smallest of 1, 2, 2.5 (from 10 up), 5 × 10^k at or above {@code value}. */
  static long niceStep(long value) {
    long magnitude = 1;
    while (magnitude * 10 <= value) {
      magnitude *= 10;
    }
    if (magnitude >= value) {
      return magnitude;
    }
    if (2 * magnitude >= value) {
      return 2 * magnitude;
    }
    if (magnitude >= 10 && 5 * magnitude / 2 >= value) {
      return 5 * magnitude / 2;
    }
    return 5 * magnitude >= value ? 5 * magnitude : 10 * magnitude;
  }

  static String compact(long value) {
    if (value >= 1_000_000) {
      return trim(value / 1_000_000.0) + "M";
    }
    if (value >= 10_000) {
      return trim(value / 1_000.0) + "k";
    }
    return Format.count(value);
  }

  private static String trim(double value) {
    return value == Math.rint(value) ? Long.toString((long) value)
        : String.format(Locale.ROOT, "%.1f", value);
  }

  private static String fmt(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }
}
