package dev.sluice.cef;

/** Why a message could not be read as CEF. Stable codes: they appear in metrics and JSON. */
public enum CefRejectionCode {
  /** No {@code CEF:<version>|} marker anywhere in the message. */
  NOT_CEF,
  /** {@code CEF:} is followed by a version that is not an integer. */
  CEF_INVALID_VERSION,
  /** Fewer than 7 unescaped pipes after {@code CEF:} (the header is incomplete). */
  CEF_TRUNCATED_HEADER
}
