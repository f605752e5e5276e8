package dev.sluice.appliance.health;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/**
 * Logs at most one line per key per interval and says how many were suppressed in between, so
 * a hot path (a hostile sender, a lake that is down) cannot flood the log. Lines are structured
 * as {@code event=<key> k=v ...}; callers never pass whole raw messages.
 */
public final class ThrottledLog {
  private final Logger log;
  private final Clock clock;
  private final long intervalMillis;
  private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

  private static final class Window {
    volatile long lastLogged = Long.MIN_VALUE;
    final AtomicLong suppressed = new AtomicLong();
  }

  public ThrottledLog(Logger log, Clock clock, long intervalMillis) {
    this.log = log;
    this.clock = clock;
    this.intervalMillis = intervalMillis;
  }

  /** Warns {@code event=key details} unless the key was logged within the interval. */
  public void warn(String key, String details) {
    Window w = windows.computeIfAbsent(key, k -> new Window());
    long now = clock.millis();
    synchronized (w) {
      if (w.lastLogged != Long.MIN_VALUE && now - w.lastLogged < intervalMillis) {
        w.suppressed.incrementAndGet();
        return;
      }
      w.lastLogged = now;
    }
    long suppressed = w.suppressed.getAndSet(0);
    if (suppressed > 0) {
      log.warn("event={} {} suppressed={}", key, details, suppressed);
    } else {
      log.warn("event={} {}", key, details);
    }
  }
}
