package dev.sluice.cef;

/**
 * Normalized CEF severity: 0–3 Low, 4–6 Medium, 7–8 High, 9–10 Very-High, or the words
 * {@code Unknown}, {@code Low}, {@code Medium}, {@code High}, {@code Very-High}.
 */
public enum CefSeverity {
  UNKNOWN, LOW, MEDIUM, HIGH, VERY_HIGH;

  /** The level of a numeric severity 0–10 ({@code UNKNOWN} outside that range). */
  public static CefSeverity ofNumber(int severity) {
    if (severity < 0 || severity > 10) {
      return UNKNOWN;
    }
    if (severity <= 3) {
      return LOW;
    }
    if (severity <= 6) {
      return MEDIUM;
    }
    return severity <= 8 ? HIGH : VERY_HIGH;
  }
}
