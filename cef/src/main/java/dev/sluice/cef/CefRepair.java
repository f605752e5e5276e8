package dev.sluice.cef;

/**
 * A common sender fault the parser tolerated. Recorded on the parsed event, never done silently.
 * Stable codes.
 */
public enum CefRepair {
  /**
   * An unescaped {@code =} inside a value (URLs, base64 padding) was kept as data, because it
   * was not preceded by {@code SP key}.
   */
  UNESCAPED_EQUALS_IN_VALUE,
  /** A backslash sequence CEF does not define ({@code \/}, {@code \t}, a trailing {@code \}) was kept as sent. */
  UNDEFINED_ESCAPE_KEPT,
  /** Text before the first {@code key=} of the extension; kept as {@link CefEvent#unkeyedText()}. */
  TEXT_WITHOUT_KEY,
  /** {@code key =value}: a space between a key and its {@code =} was tolerated. */
  SPACE_BEFORE_EQUALS,
  /** Whitespace (space, tab, CR, LF) after the last value was trimmed. */
  TRAILING_WHITESPACE_TRIMMED,
  /** The severity was neither 0–10 nor a known word; kept as sent, level {@code UNKNOWN}. */
  SEVERITY_UNRECOGNIZED,
  /** A key appeared more than once; {@link CefEvent#get} and the map keep the last value. */
  DUPLICATE_KEY,
  /** Invalid UTF-8 bytes were decoded as U+FFFD. */
  INVALID_UTF8
}
