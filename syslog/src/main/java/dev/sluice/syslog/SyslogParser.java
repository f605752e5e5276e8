package dev.sluice.syslog;

import dev.sluice.syslog.internal.CivilTime;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * Parses the syslog header of one frame. Never throws on input: whatever is malformed is flagged
 * as a {@link SyslogAnomaly} and the rest is kept as MSG. Thread-safe and allocation-light (one
 * {@link SyslogMessage} per call; strings are decoded only when asked for).
 *
 * <h2>Formats</h2>
 * <ul>
 *   <li><b>RFC 5424</b> when {@code <PRI>} is followed by a 1–3 digit VERSION and a space:
 *       {@code <PRI>VERSION SP TIMESTAMP SP HOSTNAME SP APP-NAME SP PROCID SP MSGID SP SD [SP MSG]},
 *       {@code -} as NILVALUE, TIMESTAMP in RFC 3339 ({@code Z} or {@code ±hh:mm}, up to 9
 *       fractional digits accepted), STRUCTURED-DATA with escapes, and a UTF-8 BOM before MSG
 *       skipped.</li>
 *   <li><b>RFC 3164</b> when a timestamp follows the PRI (or starts the line):
 *       {@code Mmm dd hh:mm:ss} with the day space-padded or zero-padded, optionally with a year
 *       ({@code Mar 09 2015 17:05:21}), fractional seconds and a zone token ({@code UTC},
 *       {@code GMT}, {@code GMT+00:00}, {@code Z}, {@code +01:00}); or an ISO 8601 timestamp
 *       (loggen). No year: inferred from the receive time (a date more than two days ahead of it
 *       belongs to the previous year; a January date received in December to the next). No zone:
 *       the configured zone. Then an optional HOSTNAME and an optional TAG
 *       ({@code [A-Za-z0-9_./-]+}, then {@code [pid]}, {@code :}, one space).</li>
 *   <li><b>None</b> otherwise: the whole frame is MSG (a bare {@code CEF:0|...} line).</li>
 * </ul>
 * The {@code CEF:} marker is located in MSG, never trusted to the TAG split: relays rewrite the
 * tag, and {@code host CEF:0|...} would otherwise be read as TAG {@code CEF}.
 */
public final class SyslogParser {

  private static final long TWO_DAYS_SECONDS = 2 * 86_400;
  private static final int MAX_HOSTNAME = 255;
  private static final int MAX_APP_NAME = 48;
  private static final int MAX_PROCID = 128;
  private static final int MAX_MSGID = 32;
  private static final int MAX_TAG = 48;
  /** RFC 5424 limits of HOSTNAME, APP-NAME, PROCID and MSGID, in header order. */
  private static final int[] FIELD_LIMITS = {MAX_HOSTNAME, MAX_APP_NAME, MAX_PROCID, MAX_MSGID};
  private static final String MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";

  private final ZoneId zone;
  private final ZoneOffset fixedOffset;

  /** A parser that assumes UTC for RFC 3164 timestamps without a zone. */
  public SyslogParser() {
    this(ZoneOffset.UTC);
  }

  /** @param rfc3164Zone the zone assumed for RFC 3164 timestamps that carry none */
  public SyslogParser(ZoneId rfc3164Zone) {
    this.zone = Objects.requireNonNull(rfc3164Zone, "rfc3164Zone");
    this.fixedOffset = rfc3164Zone.getRules().isFixedOffset()
        ? rfc3164Zone.getRules().getOffset(Instant.EPOCH) : null;
  }

  public ZoneId rfc3164Zone() {
    return zone;
  }

  /**
   * Parses {@code bytes[offset, offset + length)}, one frame without its trailer.
   *
   * @param receivedAtEpochMillis when the frame arrived; RFC 3164 years are inferred from it
   */
  public SyslogMessage parse(byte[] bytes, int offset, int length, long receivedAtEpochMillis) {
    Objects.checkFromIndexSize(offset, length, bytes.length);
    SyslogMessage m = new SyslogMessage(bytes, offset, length);
    int end = offset + length;
    int i = readPri(m, bytes, offset, end);
    if (m.pri >= 0 && isVersionAt(bytes, i, end)) {
      i = parseRfc5424(m, bytes, i, end);
    } else {
      i = parseRfc3164(m, bytes, i, end, receivedAtEpochMillis);
    }
    startMessage(m, bytes, i, end);
    return m;
  }

  public SyslogMessage parse(byte[] bytes, long receivedAtEpochMillis) {
    return parse(bytes, 0, bytes.length, receivedAtEpochMillis);
  }

  /** Parses a message given as text (encoded as UTF-8 first). */
  public SyslogMessage parse(String message, Instant receivedAt) {
    byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
    return parse(bytes, 0, bytes.length, receivedAt.toEpochMilli());
  }

  private static int readPri(SyslogMessage m, byte[] b, int i, int end) {
    if (i >= end || b[i] != '<') {
      return i;
    }
    int j = i + 1;
    int value = 0;
    while (j < end && j - i <= 3 && isDigit(b[j])) {
      value = value * 10 + (b[j] - '0');
      j++;
    }
    if (j == i + 1 || j - i > 4 || j >= end || b[j] != '>' || value > 191) {
      m.flag(SyslogAnomaly.PRI_INVALID);
      return i;
    }
    m.pri = value;
    return j + 1;
  }

  private static boolean isVersionAt(byte[] b, int i, int end) {
    int digits = 0;
    while (i < end && isDigit(b[i])) {
      if (digits == 0 && b[i] == '0') {
        return false;
      }
      i++;
      digits++;
    }
    return digits >= 1 && digits <= 3 && i < end && b[i] == ' ';
  }

  private int parseRfc5424(SyslogMessage m, byte[] b, int i, int end) {
    m.format = SyslogFormat.RFC5424;
    int version = 0;
    while (b[i] != ' ') {
      version = version * 10 + (b[i++] - '0');
    }
    m.version = version;
    i++;
    // TIMESTAMP
    int tsEnd = tokenEnd(b, i, end);
    if (!isNil(b, i, tsEnd)) {
      m.timestampStart = i;
      m.timestampEnd = tsEnd;
      if (parseIso(m, b, i, tsEnd, true) != tsEnd) {
        m.hasTimestamp = false;
        m.flag(SyslogAnomaly.TIMESTAMP_INVALID);
      }
    }
    i = tsEnd;
    for (int field = 0; field < 4; field++) {
      if (i >= end) {
        m.flag(SyslogAnomaly.HEADER_TRUNCATED);
        return end;
      }
      i++;
      int stop = tokenEnd(b, i, end);
      if (!isNil(b, i, stop)) {
        if (stop - i > FIELD_LIMITS[field]) {
          m.flag(SyslogAnomaly.FIELD_TOO_LONG);
        }
        setField(m, field, i, stop);
      }
      i = stop;
    }
    if (i >= end) {
      m.flag(SyslogAnomaly.HEADER_TRUNCATED);
      return end;
    }
    i++;
    if (i >= end) {
      m.flag(SyslogAnomaly.HEADER_TRUNCATED);
      return end;
    }
    if (b[i] == '-' && (i + 1 == end || b[i + 1] == ' ')) {
      i++;
    } else {
      int sdEnd = StructuredDataScanner.scan(b, i, end, null);
      if (sdEnd < 0 || (sdEnd < end && b[sdEnd] != ' ')) {
        m.flag(SyslogAnomaly.STRUCTURED_DATA_INVALID);
        return i;
      }
      m.structuredDataStart = i;
      m.structuredDataEnd = sdEnd;
      i = sdEnd;
    }
    return i < end ? i + 1 : end;
  }

  private static void setField(SyslogMessage m, int field, int start, int stop) {
    switch (field) {
      case 0 -> { m.hostnameStart = start; m.hostnameEnd = stop; }
      case 1 -> { m.appNameStart = start; m.appNameEnd = stop; }
      case 2 -> { m.procIdStart = start; m.procIdEnd = stop; }
      default -> { m.msgIdStart = start; m.msgIdEnd = stop; }
    }
  }

  private int parseRfc3164(SyslogMessage m, byte[] b, int i, int end, long receivedAtMillis) {
    int afterTimestamp;
    if (i < end && isDigit(b[i])) {
      afterTimestamp = parseIso(m, b, i, tokenEnd(b, i, end), false);
    } else {
      afterTimestamp = parseBsdTimestamp(m, b, i, end, receivedAtMillis);
    }
    if (afterTimestamp < 0) {
      m.hasTimestamp = false;
      if (m.pri >= 0) {
        m.format = SyslogFormat.RFC3164;
      }
      return i;
    }
    m.format = SyslogFormat.RFC3164;
    m.timestampStart = i;
    m.timestampEnd = afterTimestamp;
    i = afterTimestamp;
    if (i >= end || b[i] != ' ') {
      return i;
    }
    i++;
    // HOSTNAME, unless the token is already the CEF payload or looks like a TAG.
    int stop = tokenEnd(b, i, end);
    if (stop == i || isCefMarker(b, i, end) || looksLikeTag(b, i, stop)) {
      return readTag(m, b, i, end);
    }
    m.hostnameStart = i;
    m.hostnameEnd = stop;
    if (stop >= end) {
      return end;
    }
    return readTag(m, b, stop + 1, end);
  }

  private static boolean looksLikeTag(byte[] b, int start, int stop) {
    if (b[stop - 1] == ':') {
      return true;
    }
    for (int i = start; i < stop; i++) {
      if (b[i] == '[') {
        return true;
      }
    }
    return false;
  }

  /** Reads an optional TAG ({@code name[pid]: }) and returns where MSG starts. */
  private static int readTag(SyslogMessage m, byte[] b, int i, int end) {
    if (isCefMarker(b, i, end)) {
      return i;
    }
    int j = i;
    while (j < end && j - i < MAX_TAG && isTagChar(b[j])) {
      j++;
    }
    if (j == i) {
      return i;
    }
    int tagEnd = j;
    int pidStart = -1;
    int pidEnd = -1;
    if (j < end && b[j] == '[') {
      int close = j + 1;
      while (close < end && close - j <= MAX_PROCID && b[close] != ']' && b[close] != ' ') {
        close++;
      }
      if (close >= end || b[close] != ']') {
        return i;
      }
      pidStart = j + 1;
      pidEnd = close;
      j = close + 1;
    }
    if (j < end && b[j] == ':') {
      j++;
    }
    if (j < end && b[j] != ' ') {
      return i;
    }
    m.appNameStart = i;
    m.appNameEnd = tagEnd;
    m.procIdStart = pidStart;
    m.procIdEnd = pidEnd;
    return j < end ? j + 1 : end;
  }

  private static boolean isTagChar(byte c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
        || c == '_' || c == '-' || c == '.' || c == '/';
  }

  /**
   * {@code Mmm dd[ yyyy] hh:mm:ss[.fff][ zone]}; returns the index after it, or -1. Sets the
   * timestamp on success.
   */
  private int parseBsdTimestamp(SyslogMessage m, byte[] b, int i, int end, long receivedAtMillis) {
    if (end - i < 14) {
      return -1;
    }
    int month = monthAt(b, i);
    if (month < 0 || b[i + 3] != ' ') {
      return -1;
    }
    int j = i + 4;
    if (b[j] == ' ') {
      j++;
    }
    int day = 0;
    int dayStart = j;
    while (j < end && isDigit(b[j]) && j - dayStart < 2) {
      day = day * 10 + (b[j++] - '0');
    }
    if (j == dayStart || j >= end || b[j] != ' ') {
      return -1;
    }
    j++;
    int year = -1;
    if (j + 5 <= end && isDigits(b, j, 4) && b[j + 4] == ' ') {
      year = digits(b, j, 4);
      j += 5;
    }
    if (j + 8 > end || !isDigits(b, j, 2) || b[j + 2] != ':' || !isDigits(b, j + 3, 2)
        || b[j + 5] != ':' || !isDigits(b, j + 6, 2)) {
      return -1;
    }
    int hour = digits(b, j, 2);
    int minute = digits(b, j + 3, 2);
    int second = digits(b, j + 6, 2);
    j += 8;
    int fractionEnd = fractionEnd(b, j, end);
    if (fractionEnd < 0) {
      return -1;
    }
    int nano = fractionEnd == j ? 0 : fraction(b, j + 1, fractionEnd);
    j = fractionEnd;
    if (hour > 23 || minute > 59 || second > 59 || day < 1) {
      return -1;
    }
    // An explicit zone token overrides the configured zone.
    int zoneSeconds = Integer.MIN_VALUE;
    if (j + 1 < end && b[j] == ' ') {
      int tokenStop = tokenEnd(b, j + 1, end);
      int parsed = zoneToken(b, j + 1, tokenStop);
      if (parsed != Integer.MIN_VALUE) {
        zoneSeconds = parsed;
        j = tokenStop;
      }
    }
    if (year < 0) {
      m.flag(SyslogAnomaly.YEAR_INFERRED);
      year = inferYear(month, day, hour, minute, second, zoneSeconds, receivedAtMillis);
    }
    if (day > CivilTime.daysInMonth(year, month)) {
      m.flag(SyslogAnomaly.TIMESTAMP_INVALID);
      return -1;
    }
    if (zoneSeconds == Integer.MIN_VALUE) {
      m.flag(SyslogAnomaly.ZONE_ASSUMED);
    }
    setLocalTimestamp(m, year, month, day, hour, minute, second, nano, zoneSeconds);
    return j;
  }

  private int inferYear(int month, int day, int hour, int minute, int second, int zoneSeconds,
      long receivedAtMillis) {
    long receivedSecond = Math.floorDiv(receivedAtMillis, 1000);
    int offset = zoneSeconds != Integer.MIN_VALUE ? zoneSeconds : offsetAt(receivedSecond);
    long receivedDay = Math.floorDiv(receivedSecond + offset, 86_400);
    int receivedYear = CivilTime.yearOfEpochDay(receivedDay);
    int receivedMonth = CivilTime.monthOfEpochDay(receivedDay);
    if (receivedMonth == 12 && month == 1) {
      return receivedYear + 1;
    }
    int year = receivedYear;
    if (month == 2 && day == 29 && !CivilTime.isLeap(year)) {
      return year;
    }
    long local = CivilTime.epochDay(year, month, Math.min(day, CivilTime.daysInMonth(year, month)))
        * 86_400 + hour * 3600L + minute * 60L + second;
    if (local - offset > receivedSecond + TWO_DAYS_SECONDS) {
      return year - 1;
    }
    return year;
  }

  private void setLocalTimestamp(SyslogMessage m, int year, int month, int day, int hour,
      int minute, int second, int nano, int zoneSeconds) {
    long local = CivilTime.epochDay(year, month, day) * 86_400 + hour * 3600L + minute * 60L
        + second;
    int offset;
    if (zoneSeconds != Integer.MIN_VALUE) {
      offset = zoneSeconds;
    } else if (fixedOffset != null) {
      offset = fixedOffset.getTotalSeconds();
    } else {
      offset = zone.getRules()
          .getOffset(LocalDateTime.of(year, month, day, hour, minute, second)).getTotalSeconds();
    }
    m.hasTimestamp = true;
    m.epochSecond = local - offset;
    m.nano = nano;
    m.offsetSeconds = offset;
  }

  private int offsetAt(long epochSecond) {
    if (fixedOffset != null) {
      return fixedOffset.getTotalSeconds();
    }
    return zone.getRules().getOffset(Instant.ofEpochSecond(epochSecond)).getTotalSeconds();
  }

  /**
   * Seconds east of UTC for {@code UTC}, {@code GMT}, {@code Z}, {@code GMT±hh:mm},
   * {@code ±hh:mm} or {@code ±hhmm}; {@link Integer#MIN_VALUE} if the token is not a zone.
   */
  private static int zoneToken(byte[] b, int i, int stop) {
    int length = stop - i;
    if (length == 1 && b[i] == 'Z') {
      return 0;
    }
    if (length >= 3 && (matches(b, i, "UTC") || matches(b, i, "GMT"))) {
      if (length == 3) {
        return 0;
      }
      i += 3;
    }
    return numericOffset(b, i, stop);
  }

  private static int numericOffset(byte[] b, int i, int stop) {
    int length = stop - i;
    if ((length != 6 && length != 5) || (b[i] != '+' && b[i] != '-')
        || !isDigits(b, i + 1, 2)) {
      return Integer.MIN_VALUE;
    }
    int minuteAt = length == 6 ? i + 4 : i + 3;
    if (length == 6 && b[i + 3] != ':' || !isDigits(b, minuteAt, 2)) {
      return Integer.MIN_VALUE;
    }
    int hours = digits(b, i + 1, 2);
    int minutes = digits(b, minuteAt, 2);
    int seconds = hours * 3600 + minutes * 60;
    // java.time (and reality) stops at ±18:00.
    if (minutes > 59 || seconds > 18 * 3600) {
      return Integer.MIN_VALUE;
    }
    return b[i] == '-' ? -seconds : seconds;
  }

  /**
   * RFC 3339 {@code yyyy-mm-ddThh:mm:ss[.f{1,9}](Z|±hh:mm)} in {@code b[i, stop)}. Without an
   * offset (allowed only when {@code requireOffset} is false) the configured zone is assumed.
   * Returns the index after the timestamp, or -1.
   */
  private int parseIso(SyslogMessage m, byte[] b, int i, int stop, boolean requireOffset) {
    if (stop - i < 19 || !isDigits(b, i, 4) || b[i + 4] != '-' || !isDigits(b, i + 5, 2)
        || b[i + 7] != '-' || !isDigits(b, i + 8, 2) || (b[i + 10] != 'T' && b[i + 10] != 't')
        || !isDigits(b, i + 11, 2) || b[i + 13] != ':' || !isDigits(b, i + 14, 2)
        || b[i + 16] != ':' || !isDigits(b, i + 17, 2)) {
      return -1;
    }
    int year = digits(b, i, 4);
    int month = digits(b, i + 5, 2);
    int day = digits(b, i + 8, 2);
    int hour = digits(b, i + 11, 2);
    int minute = digits(b, i + 14, 2);
    int second = digits(b, i + 17, 2);
    if (month < 1 || month > 12 || day < 1 || day > CivilTime.daysInMonth(year, month)
        || hour > 23 || minute > 59 || second > 59) {
      return -1;
    }
    int j = i + 19;
    int fractionEnd = fractionEnd(b, j, stop);
    if (fractionEnd < 0) {
      return -1;
    }
    int nano = fractionEnd == j ? 0 : fraction(b, j + 1, fractionEnd);
    j = fractionEnd;
    int zoneSeconds;
    if (j < stop && (b[j] == 'Z' || b[j] == 'z')) {
      zoneSeconds = 0;
      j++;
    } else if (j < stop && (b[j] == '+' || b[j] == '-')) {
      zoneSeconds = numericOffset(b, j, Math.min(stop, j + 6));
      if (zoneSeconds == Integer.MIN_VALUE) {
        return -1;
      }
      j += 6;
    } else if (requireOffset) {
      return -1;
    } else {
      zoneSeconds = Integer.MIN_VALUE;
      m.flag(SyslogAnomaly.ZONE_ASSUMED);
    }
    if (j != stop) {
      return -1;
    }
    setLocalTimestamp(m, year, month, day, hour, minute, second, nano, zoneSeconds);
    return j;
  }

  private static void startMessage(SyslogMessage m, byte[] b, int i, int end) {
    if (i + 3 <= end && b[i] == (byte) 0xEF && b[i + 1] == (byte) 0xBB && b[i + 2] == (byte) 0xBF) {
      m.bom = true;
      i += 3;
    }
    m.messageStart = i;
    m.cefOffset = findCefMarker(b, i, end);
  }

  /** First {@code CEF:<digits>|} in {@code b[from, to)}, or -1. */
  static int findCefMarker(byte[] b, int from, int to) {
    for (int i = from; i + 5 < to; i++) {
      if (b[i] == 'C' && isCefMarker(b, i, to)) {
        return i;
      }
    }
    return -1;
  }

  static boolean isCefMarker(byte[] b, int i, int to) {
    if (i + 5 >= to || b[i] != 'C' || b[i + 1] != 'E' || b[i + 2] != 'F' || b[i + 3] != ':') {
      return false;
    }
    int j = i + 4;
    while (j < to && isDigit(b[j])) {
      j++;
    }
    return j > i + 4 && j < to && b[j] == '|';
  }

  private static int monthAt(byte[] b, int i) {
    for (int month = 0; month < 12; month++) {
      int k = month * 3;
      if (b[i] == MONTHS.charAt(k) && b[i + 1] == MONTHS.charAt(k + 1)
          && b[i + 2] == MONTHS.charAt(k + 2)) {
        return month + 1;
      }
    }
    return -1;
  }

  private static int tokenEnd(byte[] b, int i, int end) {
    while (i < end && b[i] != ' ') {
      i++;
    }
    return i;
  }

  private static boolean isNil(byte[] b, int start, int stop) {
    return stop - start == 1 && b[start] == '-';
  }

  private static boolean matches(byte[] b, int i, String ascii) {
    for (int k = 0; k < ascii.length(); k++) {
      if (b[i + k] != ascii.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isDigit(byte b) {
    return b >= '0' && b <= '9';
  }

  private static boolean isDigits(byte[] b, int i, int count) {
    for (int k = 0; k < count; k++) {
      if (!isDigit(b[i + k])) {
        return false;
      }
    }
    return true;
  }

  private static int digits(byte[] b, int i, int count) {
    int value = 0;
    for (int k = 0; k < count; k++) {
      value = value * 10 + (b[i + k] - '0');
    }
    return value;
  }

  /** Index after an optional {@code .f{1,9}} at {@code j}; -1 for a dot without digits. */
  private static int fractionEnd(byte[] b, int j, int end) {
    if (j >= end || b[j] != '.') {
      return j;
    }
    int k = j + 1;
    while (k < end && k - j <= 9 && isDigit(b[k])) {
      k++;
    }
    return k == j + 1 ? -1 : k;
  }

  private static int fraction(byte[] b, int from, int to) {
    int nano = digits(b, from, to - from);
    for (int k = to - from; k < 9; k++) {
      nano *= 10;
    }
    return nano;
  }
}
