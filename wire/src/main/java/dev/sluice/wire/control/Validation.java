package dev.sluice.wire.control;

/** Constructor checks shared by the control messages. */
final class Validation {
  private Validation() {}

  static String requireText(String value, String field, int maxLength) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " is required");
    }
    return bounded(value, field, maxLength);
  }

  static String bounded(String value, String field, int maxLength) {
    if (value.length() > maxLength) {
      throw new IllegalArgumentException(field + " is longer than " + maxLength + " characters");
    }
    return value;
  }

  static void requireNonNegative(long value, String field) {
    if (value < 0) {
      throw new IllegalArgumentException(field + " must not be negative, was " + value);
    }
  }
}
