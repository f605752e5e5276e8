package dev.sluice.cef;

import java.util.Objects;

/**
 * A custom field pair ({@code cs1} with {@code cs1Label}, {@code cn2} with {@code cn2Label}, ...),
 * joined regardless of which came first. A value without a label, or a label without a value, is
 * kept with the missing half null.
 */
public record CefCustomField(String key, String label, String value) {
  public CefCustomField {
    Objects.requireNonNull(key, "key");
    if (label == null && value == null) {
      throw new IllegalArgumentException("a custom field needs a label or a value: " + key);
    }
  }
}
