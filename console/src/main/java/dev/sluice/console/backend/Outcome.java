package dev.sluice.console.backend;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a backend call that can be refused returns: the value, per-field validation errors
 * (field name → plain-words message naming the wrong value), or a refusal with a stable code.
 */
public sealed interface Outcome<T> {

  record Ok<T>(T value) implements Outcome<T> {
    public Ok {
      Objects.requireNonNull(value, "value");
    }
  }

  record Invalid<T>(Map<String, String> fieldErrors) implements Outcome<T> {
    public Invalid {
      if (fieldErrors.isEmpty()) {
        throw new IllegalArgumentException("an Invalid outcome needs at least one field error");
      }
      fieldErrors = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fieldErrors));
    }
  }

  record Refused<T>(String code, String message) implements Outcome<T> {
    public Refused {
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(message, "message");
    }
  }

  static <T> Outcome<T> ok(T value) {
    return new Ok<>(value);
  }

  static <T> Outcome<T> invalid(String field, String message) {
    return new Invalid<>(Map.of(field, message));
  }

  static <T> Outcome<T> refused(String code, String message) {
    return new Refused<>(code, message);
  }
}
