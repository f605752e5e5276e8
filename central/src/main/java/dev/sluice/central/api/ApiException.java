package dev.sluice.central.api;

import java.util.Objects;

/** A refusal with a catalogued code; services throw it, the HTTP layer answers it. */
public final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final ErrorCode code;

  public ApiException(ErrorCode code, String message) {
    super(message, null, false, false);
    this.code = Objects.requireNonNull(code, "code");
  }

  public ErrorCode code() {
    return code;
  }

  public static ApiException notFound(ErrorCode code, String what, String id) {
    return new ApiException(code, what + " " + id + " does not exist");
  }
}
