package dev.sluice.cef;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads CEF timestamp values ({@code rt}, {@code start}, {@code end}, {@code art},
 * {@code deviceCustomDate1}, ...). Accepted, as in the CEF standard:
 * <ul>
 *   <li>milliseconds since the epoch ({@code 1536856054000});</li>
 *   <li>{@code MMM dd[ yyyy] HH:mm:ss[.SSS][ zzz]} with English month names; {@code zzz} may be
 *       {@code UTC}, {@code GMT}, {@code Z}, a short name such as {@code CET}, a region id, or an
 *       offset ({@code +01:00}, {@code GMT+01:00}).</li>
 * </ul>
 * Tolerated violations seen in the wild: {@code yyyy-MM-dd HH:mm:ss} with dashes and ISO 8601
 * with {@code T}. Without a zone the device zone applies ({@link #deviceZone}); without a year it
 * is inferred from the receive time (more than two days ahead means the previous year; a January
 * date received in December means the next year). Anything else yields empty: keep the raw value.
 */
public final class CefTimestamps {

  private static final String MONTHS = "jan feb mar apr may jun jul aug sep oct nov dec";

  private CefTimestamps() {}

  /**
   * The zone named by the event's {@code dtz} extension when it is a valid zone id, otherwise
   * {@code fallback}.
   */
  public static ZoneId deviceZone(CefEvent event, ZoneId fallback) {
    String dtz = event.get("dtz");
    return dtz == null ? fallback : zone(dtz.trim()).orElse(fallback);
  }

  public static Optional<Instant> parse(String value, ZoneId deviceZone, Instant receivedAt) {
    String text = value.trim();
    if (text.isEmpty()) {
      return Optional.empty();
    }
    if (text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return text.length() <= 15 ? Optional.of(Instant.ofEpochMilli(Long.parseLong(text)))
          : Optional.empty();
    }
    try {
      return Character.isDigit(text.charAt(0))
          ? parseIsoLike(text, deviceZone) : parseMonthFirst(text, deviceZone, receivedAt);
    } catch (DateTimeException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static Optional<Instant> parseIsoLike(String text, ZoneId deviceZone) {
    String iso = text.length() > 10 && text.charAt(10) == ' '
        ? text.substring(0, 10) + 'T' + text.substring(11) : text;
    try {
      return Optional.of(OffsetDateTime.parse(iso).toInstant());
    } catch (DateTimeException withoutOffset) {
      return Optional.of(LocalDateTime.parse(iso).atZone(deviceZone).toInstant());
    }
  }

  private static Optional<Instant> parseMonthFirst(String text, ZoneId deviceZone,
      Instant receivedAt) {
    String[] parts = text.split(" +");
    if (parts.length < 3 || parts.length > 5) {
      return Optional.empty();
    }
    int month = month(parts[0]);
    if (month < 0) {
      return Optional.empty();
    }
    int day = Integer.parseInt(parts[1]);
    int next = 2;
    Integer year = null;
    if (parts[next].length() == 4 && parts[next].chars().allMatch(Character::isDigit)) {
      year = Integer.parseInt(parts[next]);
      next++;
    }
    if (next >= parts.length || parts[next].length() < 8) {
      return Optional.empty();
    }
    LocalTime time = LocalTime.parse(parts[next]);
    next++;
    ZoneId zone = deviceZone;
    if (next < parts.length) {
      Optional<ZoneId> explicit = zone(parts[next]);
      if (explicit.isEmpty()) {
        return Optional.empty();
      }
      zone = explicit.get();
      next++;
    }
    if (next != parts.length) {
      return Optional.empty();
    }
    int resolvedYear = year != null ? year : inferYear(month, day, time, zone, receivedAt);
    return Optional.of(
        ZonedDateTime.of(LocalDate.of(resolvedYear, month, day), time, zone).toInstant());
  }

  private static int inferYear(int month, int day, LocalTime time, ZoneId zone,
      Instant receivedAt) {
    LocalDate received = receivedAt.atZone(zone).toLocalDate();
    if (received.getMonthValue() == 12 && month == 1) {
      return received.getYear() + 1;
    }
    int year = received.getYear();
    if (month == 2 && day == 29 && !LocalDate.of(year, 1, 1).isLeapYear()) {
      return year;
    }
    Instant candidate = ZonedDateTime.of(LocalDate.of(year, month, day), time, zone).toInstant();
    return candidate.isAfter(receivedAt.plusSeconds(2 * 86_400)) ? year - 1 : year;
  }

  private static int month(String name) {
    if (name.length() < 3) {
      return -1;
    }
    int index = MONTHS.indexOf(name.substring(0, 3).toLowerCase(Locale.ROOT));
    return index < 0 || index % 4 != 0 ? -1 : index / 4 + 1;
  }

  private static Optional<ZoneId> zone(String token) {
    String upper = token.toUpperCase(Locale.ROOT);
    if (upper.equals("Z") || upper.equals("UTC") || upper.equals("GMT")) {
      return Optional.of(ZoneOffset.UTC);
    }
    try {
      if (upper.startsWith("GMT") || upper.startsWith("UTC")) {
        return Optional.of(ZoneOffset.of(token.substring(3)));
      }
      if (token.startsWith("+") || token.startsWith("-")) {
        return Optional.of(ZoneOffset.of(token));
      }
      return Optional.of(ZoneId.of(token, ZoneId.SHORT_IDS));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }
}
