package dev.sluice.central.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Limits failed logins: after {@code maxFailures} failures within {@code window} for one account
 * or one client address, further attempts are refused until the oldest failure leaves the window.
 * Bounded: at most {@value #MAX_KEYS} keys are tracked (oldest dropped).
 */
public final class LoginRateLimiter {
  private static final int MAX_KEYS = 100_000;

  private final int maxFailures;
  private final Duration window;
  private final Clock clock;
  private final Map<String, Deque<Instant>> failures = new LinkedHashMap<>(16, 0.75f, true) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Deque<Instant>> eldest) {
      return size() > MAX_KEYS;
    }
  };

  public LoginRateLimiter(int maxFailures, Duration window, Clock clock) {
    this.maxFailures = maxFailures;
    this.window = window;
    this.clock = clock;
  }

  /** How long the caller must wait, if either key is locked out now. */
  public synchronized Optional<Duration> retryAfter(String account, String address) {
    Instant now = clock.instant();
    Duration wait = Duration.ZERO;
    for (String key : new String[] {"account:" + account, "address:" + address}) {
      Deque<Instant> recent = prune(key, now);
      if (recent != null && recent.size() >= maxFailures) {
        Duration remaining = Duration.between(now, recent.peekFirst().plus(window));
        wait = remaining.compareTo(wait) > 0 ? remaining : wait;
      }
    }
    return wait.isZero() || wait.isNegative() ? Optional.empty() : Optional.of(wait);
  }

  public synchronized void recordFailure(String account, String address) {
    Instant now = clock.instant();
    failures.computeIfAbsent("account:" + account, k -> new ArrayDeque<>()).addLast(now);
    failures.computeIfAbsent("address:" + address, k -> new ArrayDeque<>()).addLast(now);
  }

  public synchronized void recordSuccess(String account) {
    failures.remove("account:" + account);
  }

  private Deque<Instant> prune(String key, Instant now) {
    Deque<Instant> recent = failures.get(key);
    if (recent == null) {
      return null;
    }
    while (!recent.isEmpty() && !recent.peekFirst().plus(window).isAfter(now)) {
      recent.removeFirst();
    }
    if (recent.isEmpty()) {
      failures.remove(key);
      return null;
    }
    return recent;
  }
}
