package dev.sluice.central.health;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Re-evaluates health periodically, so silence (an appliance gone offline) is noticed too. */
public final class HealthMonitor implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(HealthMonitor.class);

  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
    Thread thread = new Thread(runnable, "health-monitor");
    thread.setDaemon(true);
    return thread;
  });

  public HealthMonitor(HealthService health, Duration interval) {
    long millis = Math.max(100, interval.toMillis());
    scheduler.scheduleWithFixedDelay(() -> {
      try {
        health.evaluateAll();
      } catch (RuntimeException e) {
        LOG.warn("health evaluation failed: {}", e.toString());
      }
    }, millis, millis, TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
