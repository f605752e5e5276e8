package dev.sluice.lake;

import java.util.Objects;

/** An error with its catalogue code and a message for people. */
public record LakeError(LakeErrorCode code, String message) {
  public LakeError {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
  }
}
