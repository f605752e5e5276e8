package dev.sluice.wire.control;

import java.util.Objects;

/**
 * The body of every error answer of Sluice's REST APIs: a stable machine-readable {@code code}
 * (e.g. {@code ENROLLMENT_SECRET_USED}) and a message for people.
 */
public record ApiError(String code, String message) {
  public ApiError {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
  }
}
