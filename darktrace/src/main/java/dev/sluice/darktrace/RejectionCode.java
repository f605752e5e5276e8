package dev.sluice.darktrace;

/**
 * Why a frame from a Darktrace integration was not accepted. Codes are stable (metrics and the
 * console count by them). Parser codes from the {@code cef} module are passed through as
 * {@link DarktraceResult.Rejected#code()} strings; these are the Darktrace-level ones.
 */
public enum RejectionCode {
    /** Nothing but whitespace in the frame. */
    EMPTY_FRAME,
    /** Neither CEF nor (when accepted) Darktrace JSON was found in the message. */
    NOT_CEF,
    /** CEF from a vendor other than Darktrace. */
    WRONG_VENDOR,
    /** Darktrace CEF from a product Sluice does not know (not DCIP, Enterprise Immune System, AI Analyst). */
    UNKNOWN_PRODUCT,
    /** A Syslog JSON message on an integration that accepts CEF only. */
    FORMAT_NOT_ACCEPTED,
    /** The JSON part does not parse as a JSON object. */
    INVALID_JSON,
    /** Valid JSON that is none of the alert kinds (e.g. the audit log). */
    UNKNOWN_JSON_ALERT
}
