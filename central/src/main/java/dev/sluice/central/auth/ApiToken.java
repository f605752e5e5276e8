package dev.sluice.central.auth;

import java.time.Instant;

/** A credential: a login session or a named API token for automation. The secret is never stored. */
public record ApiToken(String id, String userId, String kind, String name, Role role, Instant createdAt, Instant expiresAt) {
  public static final String SESSION = "session";
  public static final String API = "api";
}
