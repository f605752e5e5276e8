package dev.sluice.console.web;

import dev.sluice.console.backend.Principal;
import java.time.Instant;
import java.util.Objects;

/** One signed-in browser: the backend principal and the CSRF token its forms must carry. */
public record ConsoleSession(String id, Principal principal, String csrfToken, Instant createdAt) {
  public ConsoleSession {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(principal, "principal");
    Objects.requireNonNull(csrfToken, "csrfToken");
    Objects.requireNonNull(createdAt, "createdAt");
  }
}
