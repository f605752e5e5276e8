package dev.sluice.darktracesim;

/** The body of each syslog message: the Syslog CEF or the Syslog JSON integration. */
public enum MessageFormat {
  CEF,
  JSON
}
