package dev.sluice.console.web;

import dev.sluice.console.backend.Principal;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Console sessions kept in memory: a random session id in an HttpOnly cookie maps to the
 * backend principal and a per-session CSRF token. Sessions end after {@code maxAge} or on sign-out;
 * at most {@code maxSessions} are kept (the oldest go first).
 */
public final class SessionStore {

  private final Map<String, ConsoleSession> sessions = new ConcurrentHashMap<>();
  private final SecureRandom random;
  private final Clock clock;
  private final Duration maxAge;
  private final int maxSessions;

  public SessionStore(SecureRandom random, Clock clock, Duration maxAge, int maxSessions) {
    this.random = random;
    this.clock = clock;
    this.maxAge = maxAge;
    this.maxSessions = maxSessions;
  }

  public ConsoleSession open(Principal principal) {
    evictExpired();
    while (sessions.size() >= maxSessions) {
      sessions.values().stream()
          .min(java.util.Comparator.comparing(ConsoleSession::createdAt))
          .ifPresent(oldest -> sessions.remove(oldest.id()));
    }
    ConsoleSession session =
        new ConsoleSession(randomToken(), principal, randomToken(), clock.instant());
    sessions.put(session.id(), session);
    return session;
  }

  public Optional<ConsoleSession> find(String id) {
    if (id == null || id.isEmpty()) {
      return Optional.empty();
    }
    ConsoleSession session = sessions.get(id);
    if (session == null) {
      return Optional.empty();
    }
    if (expired(session, clock.instant())) {
      sessions.remove(id);
      return Optional.empty();
    }
    return Optional.of(session);
  }

  public void close(String id) {
    if (id != null) {
      sessions.remove(id);
    }
  }

  /** Constant-time comparison of a submitted CSRF token with the session's. */
  public static boolean csrfMatches(ConsoleSession session, String submitted) {
    if (submitted == null) {
      return false;
    }
    return MessageDigest.isEqual(
        session.csrfToken().getBytes(java.nio.charset.StandardCharsets.US_ASCII),
        submitted.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
  }

  private void evictExpired() {
    Instant now = clock.instant();
    sessions.values().removeIf(s -> expired(s, now));
  }

  private boolean expired(ConsoleSession session, Instant now) {
    return session.createdAt().plus(maxAge).isBefore(now);
  }

  private String randomToken() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
