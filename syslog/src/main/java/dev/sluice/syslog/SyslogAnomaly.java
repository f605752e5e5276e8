package dev.sluice.syslog;

/**
 * Something about a syslog header that was wrong or guessed. The parser never rejects a message
 * for these; it records them and keeps going, so a bad header guess can be fixed later from the
 * raw bytes. Stable codes.
 */
public enum SyslogAnomaly {
  /** {@code <...>} was present but not 1–3 digits with a value of 0–191; read as no PRI. */
  PRI_INVALID,
  /** A timestamp was present but could not be read; {@code timestampText()} keeps it. */
  TIMESTAMP_INVALID,
  /** An RFC 5424 header ended before all its fields. */
  HEADER_TRUNCATED,
  /** An RFC 5424 field was longer than the RFC allows (kept as sent). */
  FIELD_TOO_LONG,
  /** RFC 5424 STRUCTURED-DATA was malformed; the message is taken to start where it began. */
  STRUCTURED_DATA_INVALID,
  /** RFC 3164 year was not sent and was inferred from the receive time. */
  YEAR_INFERRED,
  /** RFC 3164 had no zone and the configured zone was assumed. */
  ZONE_ASSUMED
}
