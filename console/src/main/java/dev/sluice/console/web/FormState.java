package dev.sluice.console.web;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a form shows: the values the user typed (kept after a failed submit) and the error next
 * to each field.
 */
public record FormState(Map<String, String> values, Map<String, String> errors) {

  public FormState {
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    errors = Collections.unmodifiableMap(new LinkedHashMap<>(errors));
  }

  public static FormState empty() {
    return new FormState(Map.of(), Map.of());
  }

  public static FormState of(Map<String, String> values) {
    return new FormState(values, Map.of());
  }

  public FormState withErrors(Map<String, String> newErrors) {
    return new FormState(values, newErrors);
  }

  public String value(String field) {
    return values.getOrDefault(field, "");
  }

  public String value(String field, String fallback) {
    String value = values.get(field);
    return value == null || value.isEmpty() ? fallback : value;
  }

  public boolean is(String field, String expected) {
    return expected.equals(values.get(field));
  }

  public String error(String field) {
    return errors.get(field);
  }

  public boolean hasError(String field) {
    return errors.containsKey(field);
  }

  public boolean hasErrors() {
    return !errors.isEmpty();
  }

  /** {@code aria-invalid} value for a field: "true" or null (attribute omitted). */
  public String invalid(String field) {
    return hasError(field) ? "true" : null;
  }

  /** {@code aria-describedby} target for a field's error, or null. */
  public String describedBy(String field) {
    return hasError(field) ? field + "-error" : null;
  }
}
