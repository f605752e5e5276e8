package dev.sluice.syslog;

/** Which syslog header a message carried. */
public enum SyslogFormat {
  /** {@code <PRI>VERSION SP TIMESTAMP SP HOSTNAME SP APP-NAME SP PROCID SP MSGID SP SD [SP MSG]}. */
  RFC5424("rfc5424"),
  /** BSD syslog: {@code <PRI>Mmm dd hh:mm:ss HOSTNAME TAG: MSG} and its common variants. */
  RFC3164("rfc3164"),
  /** No recognizable header (for example a bare {@code CEF:0|...} line). */
  NONE("none");

  private final String wireName;

  SyslogFormat(String wireName) {
    this.wireName = wireName;
  }

  /** The lower-case name used in JSON output ({@code rfc5424}, {@code rfc3164}, {@code none}). */
  public String wireName() {
    return wireName;
  }
}
