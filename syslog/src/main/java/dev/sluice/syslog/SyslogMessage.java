package dev.sluice.syslog;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A parsed syslog message: header fields plus where the MSG part and the {@code CEF:} marker are
 * in the original bytes. Produced by {@link SyslogParser}; never null, never partial in the sense
 * of throwing: missing fields are {@code null} (or {@code -1} for numbers).
 *
 * <p>The message refers to the byte array it was parsed from and decodes fields lazily, so the
 * caller must not modify that array afterwards. Strings are decoded as UTF-8, leniently
 * (invalid sequences become U+FFFD).
 */
public final class SyslogMessage {

  final byte[] bytes;
  final int offset;
  final int end;
  SyslogFormat format = SyslogFormat.NONE;
  int pri = -1;
  int version = -1;
  boolean hasTimestamp;
  long epochSecond;
  int nano;
  int offsetSeconds;
  int timestampStart = -1;
  int timestampEnd = -1;
  int hostnameStart = -1;
  int hostnameEnd = -1;
  int appNameStart = -1;
  int appNameEnd = -1;
  int procIdStart = -1;
  int procIdEnd = -1;
  int msgIdStart = -1;
  int msgIdEnd = -1;
  int structuredDataStart = -1;
  int structuredDataEnd = -1;
  int messageStart;
  int cefOffset = -1;
  boolean bom;
  int anomalies;

  SyslogMessage(byte[] bytes, int offset, int length) {
    this.bytes = bytes;
    this.offset = offset;
    this.end = offset + length;
    this.messageStart = offset;
  }

  public SyslogFormat format() {
    return format;
  }

  /** PRI (0–191), or -1 when the message had none. */
  public int pri() {
    return pri;
  }

  /** Facility (PRI / 8), or -1. */
  public int facility() {
    return pri < 0 ? -1 : pri >> 3;
  }

  /** Severity (PRI % 8), or -1. */
  public int severity() {
    return pri < 0 ? -1 : pri & 7;
  }

  /** RFC 5424 VERSION, or -1 for other formats. */
  public int version() {
    return version;
  }

  /** Whether {@link #timestamp()} is available. */
  public boolean hasTimestamp() {
    return hasTimestamp;
  }

  /**
   * The header timestamp with the offset it was sent with (RFC 3164: the configured zone's
   * offset, the year inferred), or null when absent or unreadable.
   */
  public OffsetDateTime timestamp() {
    if (!hasTimestamp) {
      return null;
    }
    return OffsetDateTime.ofInstant(Instant.ofEpochSecond(epochSecond, nano),
        ZoneOffset.ofTotalSeconds(offsetSeconds));
  }

  /** The timestamp as seconds since the epoch (valid when {@link #hasTimestamp()}). */
  public long timestampEpochSecond() {
    return epochSecond;
  }

  /** Nanoseconds within {@link #timestampEpochSecond()}. */
  public int timestampNano() {
    return nano;
  }

  /** The UTC offset of {@link #timestamp()} in seconds (valid when {@link #hasTimestamp()}), without building it. */
  public int timestampOffsetSeconds() {
    return offsetSeconds;
  }

  /** The timestamp exactly as sent, or null when the header had none ({@code -} included). */
  public String timestampText() {
    return text(timestampStart, timestampEnd);
  }

  public String hostname() {
    return text(hostnameStart, hostnameEnd);
  }

  /** RFC 5424 APP-NAME, or the RFC 3164 TAG. */
  public String appName() {
    return text(appNameStart, appNameEnd);
  }

  /** RFC 5424 PROCID, or the RFC 3164 {@code [pid]}. */
  public String procId() {
    return text(procIdStart, procIdEnd);
  }

  public String msgId() {
    return text(msgIdStart, msgIdEnd);
  }

  /** RFC 5424 STRUCTURED-DATA as sent, or null for NILVALUE or other formats. */
  public String structuredData() {
    return text(structuredDataStart, structuredDataEnd);
  }

  /** The STRUCTURED-DATA elements with unescaped values (empty when there are none). */
  public List<StructuredDataElement> structuredDataElements() {
    if (structuredDataStart < 0) {
      return List.of();
    }
    List<StructuredDataElement> elements = new ArrayList<>();
    StructuredDataScanner.scan(bytes, structuredDataStart, structuredDataEnd, elements);
    return Collections.unmodifiableList(elements);
  }

  /** The MSG part (BOM stripped), decoded leniently as UTF-8; empty when there is none. */
  public String message() {
    return new String(bytes, messageStart, end - messageStart, StandardCharsets.UTF_8);
  }

  /** Index in {@link #bytes()} where MSG starts (after a BOM, if any). */
  public int messageOffset() {
    return messageStart;
  }

  /** Index in {@link #bytes()} just past the message (the end of the frame). */
  public int messageEnd() {
    return end;
  }

  /** Whether MSG started with a UTF-8 BOM (which was skipped). */
  public boolean hasBom() {
    return bom;
  }

  /**
   * Index in {@link #bytes()} of the first {@code CEF:<digits>|} in MSG, or -1. This is a hint:
   * the CEF parser decides whether a complete CEF header follows.
   */
  public int cefOffset() {
    return cefOffset;
  }

  public Set<SyslogAnomaly> anomalies() {
    EnumSet<SyslogAnomaly> set = EnumSet.noneOf(SyslogAnomaly.class);
    for (SyslogAnomaly anomaly : SyslogAnomaly.values()) {
      if (hasAnomaly(anomaly)) {
        set.add(anomaly);
      }
    }
    return Collections.unmodifiableSet(set);
  }

  public boolean hasAnomaly(SyslogAnomaly anomaly) {
    return (anomalies & (1 << anomaly.ordinal())) != 0;
  }

  void flag(SyslogAnomaly anomaly) {
    anomalies |= 1 << anomaly.ordinal();
  }

  /** The array this message was parsed from (not a copy; do not modify). */
  public byte[] bytes() {
    return bytes;
  }

  /** Index in {@link #bytes()} where the frame starts. */
  public int offset() {
    return offset;
  }

  /** Length of the whole frame. */
  public int length() {
    return end - offset;
  }

  /** The whole frame as text, decoded leniently. */
  public String raw() {
    return new String(bytes, offset, end - offset, StandardCharsets.UTF_8);
  }

  private String text(int start, int stop) {
    return start < 0 ? null : new String(bytes, start, stop - start, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "SyslogMessage[" + format.wireName() + ", pri=" + pri + ", host=" + hostname()
        + ", app=" + appName() + ", cefOffset=" + cefOffset + "]";
  }
}
