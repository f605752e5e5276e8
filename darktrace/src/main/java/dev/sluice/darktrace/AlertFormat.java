package dev.sluice.darktrace;

/** The Darktrace syslog output format a message came in. */
public enum AlertFormat {
    /** "Syslog CEF" (the default and the only one accepted unless configured). */
    CEF,
    /** "Syslog JSON" (the format Elastic's integration uses); accepted only when turned on. */
    JSON
}
