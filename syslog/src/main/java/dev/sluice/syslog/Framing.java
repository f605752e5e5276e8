package dev.sluice.syslog;

/**
 * How one syslog frame was delimited on the wire (RFC 6587). Decided per frame, not per
 * connection, because senders and relays mix them.
 */
public enum Framing {
  /** RFC 6587 §3.4.1: {@code MSG-LEN SP SYSLOG-MSG}. */
  OCTET_COUNTING,
  /** RFC 6587 §3.4.2 non-transparent framing with an LF trailer. */
  LF,
  /** Non-transparent framing with a CR LF trailer (the CR is not part of the frame). */
  CRLF,
  /** Non-transparent framing with a NUL trailer (NetScreen style). */
  NUL,
  /** A non-transparent frame that the stream ended before its trailer arrived. */
  END_OF_STREAM
}
