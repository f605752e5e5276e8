package dev.sluice.darktracesim.send;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.LongSupplier;

/**
 * A one-line progress display redrawn with {@code \r} four times a second: a bar (when the run
 * has a count or a duration), messages sent, the current rate over the last interval and the
 * errors so far.
 *
 * <pre>[##########··········]  50%  1,234,567 sent  612,345 msg/s  errors 0</pre>
 */
public final class ProgressBar implements AutoCloseable {

  private static final int WIDTH = 20;
  private static final long INTERVAL_MILLIS = 250;

  private final PrintStream out;
  private final LongSupplier sent;
  private final LongSupplier errors;
  private final OptionalLong total;
  private final Optional<Duration> duration;
  private final Thread thread;
  private volatile boolean running = true;

  public ProgressBar(PrintStream out, LongSupplier sent, LongSupplier errors, OptionalLong total,
      Optional<Duration> duration) {
    this.out = out;
    this.sent = sent;
    this.errors = errors;
    this.total = total;
    this.duration = duration;
    this.thread = new Thread(this::loop, "darktrace-sim-progress");
    this.thread.setDaemon(true);
  }

  public ProgressBar start() {
    thread.start();
    return this;
  }

  private void loop() {
    long start = System.nanoTime();
    long lastNanos = start;
    long lastSent = 0;
    while (running) {
      try {
        Thread.sleep(INTERVAL_MILLIS);
      } catch (InterruptedException e) {
        return;
      }
      long now = System.nanoTime();
      long current = sent.getAsLong();
      double rate = (current - lastSent) / ((now - lastNanos) / 1e9);
      lastNanos = now;
      lastSent = current;
      out.print('\r' + line(current, rate, errors.getAsLong(), now - start) + "   ");
      out.flush();
    }
  }

  /** The text of one redraw. */
  String line(long current, double rate, long errorCount, long elapsedNanos) {
    double fraction = -1;
    if (total.isPresent() && total.getAsLong() > 0) {
      fraction = (double) current / total.getAsLong();
    } else if (duration.isPresent()) {
      fraction = (double) elapsedNanos / duration.get().toNanos();
    }
    StringBuilder sb = new StringBuilder();
    if (fraction >= 0) {
      fraction = Math.min(1, fraction);
      int filled = (int) Math.round(fraction * WIDTH);
      sb.append('[').append("#".repeat(filled)).append("·".repeat(WIDTH - filled)).append("] ")
          .append(String.format(Locale.ROOT, "%3d%%  ", Math.round(fraction * 100)));
    }
    sb.append(String.format(Locale.ROOT, "%,d sent  %,.0f msg/s  errors %,d", current, rate,
        errorCount));
    return sb.toString();
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
    try {
      thread.join(1_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    out.print('\r' + " ".repeat(80) + '\r');
    out.flush();
  }
}
