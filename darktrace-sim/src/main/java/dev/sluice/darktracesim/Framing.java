package dev.sluice.darktracesim;

/** How messages are delimited on a TCP stream (RFC 6587). UDP sends one message per datagram. */
public enum Framing {
  /** Non-transparent framing: each message ends with LF (what Darktrace does). */
  LF,
  /** Octet counting: {@code MSG-LEN SP SYSLOG-MSG}. */
  OCTET_COUNTING
}
