package dev.sluice.darktracesim;

/** The syslog header Darktrace puts in front of each alert. */
public enum HeaderFormat {
  /** Default: {@code <165>Aug  5 03:34:46 host darktrace MSG} (RFC 3164, no year, no zone). */
  RFC3164,
  /**
   * With <em>Full Timestamps</em> on: {@code <165>1 2022-02-12T19:10:23+00:00 host darktrace - -
   * - MSG} (RFC 5424).
   */
  RFC5424
}
