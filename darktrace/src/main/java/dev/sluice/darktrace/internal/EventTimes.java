package dev.sluice.darktrace.internal;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Event-time text to epoch milliseconds, for CEF {@code rt}/{@code start}/{@code end}, syslog
 * header stamps and Darktrace JSON times.
 *
 * <p>Accepted: epoch milliseconds (12+ digits) or seconds (9–11 digits, optionally with a
 * fraction); RFC 3339 / ISO 8601 with {@code T} or a space; and the CEF date forms
 * {@code MMM dd[ yyyy] HH:mm:ss[.SSS][ zone]} (English month names, one or two spaces before
 * a day). Zone-less stamps are read in the configured zone; the offset used is reported.
 * Year-less stamps take the year that puts them closest before the receive time, allowing
 * at most two days of clock skew into the future (so "Dec 31" received on Jan 1 is last
 * year, "Jan 1" received on Dec 31 is next year).
 */
public final class EventTimes {
    /** The result: epoch ms, the UTC offset in minutes that applied, and whether zone or year were assumed. */
    public record EventTime(long epochMillis, int offsetMinutes, boolean zoneAssumed, boolean yearInferred) {
    }

    private static final long TWO_DAYS_MS = 2L * 24 * 3600 * 1000;
    private static final Pattern CEF_DATE = Pattern.compile(
            "([A-Za-z]{3}) {1,2}(\\d{1,2})(?: (\\d{4}))? (\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d{1,9}))?(?: +(\\S.*))?");
    private static final String MONTHS = "jan feb mar apr may jun jul aug sep oct nov dec ";
    private static final int MAX_CACHED_ZONES = 256;
    /** Zone text → its {@link ZoneId}, or {@link #UNKNOWN_ZONE}. */
    private static final ConcurrentHashMap<String, Object> ZONES = new ConcurrentHashMap<>();
    private static final Object UNKNOWN_ZONE = new Object();

    private EventTimes() {
    }

    /** Parses {@code text}, or returns null when it is not a time this class knows. */
    public static EventTime parse(String text, ZoneId defaultZone, long receivedAtMillis) {
        if (text == null) {
            return null;
        }
        String s = text.trim();
        if (s.isEmpty() || s.length() > 64) {
            return null;
        }
        char first = s.charAt(0);
        if (first >= '0' && first <= '9') {
            EventTime epoch = epoch(s);
            if (epoch != null) {
                return epoch;
            }
            return iso(s, defaultZone);
        }
        return cefDate(s, defaultZone, receivedAtMillis);
    }

    /** Epoch seconds (Darktrace system status {@code last_updated}, possibly fractional). */
    public static EventTime fromEpochSeconds(double seconds) {
        return new EventTime(Math.round(seconds * 1000), 0, false, false);
    }

    private static EventTime epoch(String s) {
        int dot = s.indexOf('.');
        String whole = dot < 0 ? s : s.substring(0, dot);
        for (int i = 0; i < whole.length(); i++) {
            if (!Character.isDigit(whole.charAt(i))) {
                return null;
            }
        }
        if (dot >= 0) {
            String fraction = s.substring(dot + 1);
            if (fraction.isEmpty() || !fraction.chars().allMatch(Character::isDigit) || whole.length() > 11) {
                return null;
            }
            return fromEpochSeconds(Double.parseDouble(s));
        }
        if (whole.length() >= 12 && whole.length() <= 15) {
            return new EventTime(Long.parseLong(whole), 0, false, false);
        }
        if (whole.length() >= 9 && whole.length() <= 11) {
            return new EventTime(Long.parseLong(whole) * 1000, 0, false, false);
        }
        return null;
    }

    private static EventTime iso(String s, ZoneId zone) {
        String t = s.length() > 10 && s.charAt(10) == ' ' ? s.substring(0, 10) + 'T' + s.substring(11) : s;
        try {
            OffsetDateTime odt = OffsetDateTime.parse(t);
            return new EventTime(odt.toInstant().toEpochMilli(), odt.getOffset().getTotalSeconds() / 60, false, false);
        } catch (DateTimeParseException e) {
            try {
                ZonedDateTime zdt = LocalDateTime.parse(t).atZone(zone);
                return new EventTime(zdt.toInstant().toEpochMilli(), zdt.getOffset().getTotalSeconds() / 60, true, false);
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    private static EventTime cefDate(String s, ZoneId defaultZone, long receivedAtMillis) {
        Matcher m = CEF_DATE.matcher(s);
        if (!m.matches()) {
            return null;
        }
        int month = MONTHS.indexOf(m.group(1).toLowerCase(Locale.ROOT) + " ");
        if (month < 0 || month % 4 != 0) {
            return null;
        }
        month = month / 4 + 1;
        ZoneId zone = defaultZone;
        boolean zoneAssumed = true;
        if (m.group(8) != null) {
            zone = zone(m.group(8));
            if (zone == null) {
                return null;
            }
            zoneAssumed = false;
        }
        int day = Integer.parseInt(m.group(2));
        int hour = Integer.parseInt(m.group(4));
        int minute = Integer.parseInt(m.group(5));
        int second = Integer.parseInt(m.group(6));
        int nanos = 0;
        if (m.group(7) != null) {
            String f = (m.group(7) + "000000000").substring(0, 9);
            nanos = Integer.parseInt(f);
        }
        try {
            if (m.group(3) != null) {
                ZonedDateTime zdt = ZonedDateTime.of(Integer.parseInt(m.group(3)), month, day, hour, minute, second, nanos, zone);
                return new EventTime(zdt.toInstant().toEpochMilli(), zdt.getOffset().getTotalSeconds() / 60, zoneAssumed, false);
            }
            int receivedYear = Instant.ofEpochMilli(receivedAtMillis).atZone(zone).getYear();
            ZonedDateTime best = null;
            for (int year = receivedYear + 1; year >= receivedYear - 1 && best == null; year--) {
                ZonedDateTime candidate = candidate(year, month, day, hour, minute, second, nanos, zone);
                if (candidate != null && candidate.toInstant().toEpochMilli() <= receivedAtMillis + TWO_DAYS_MS) {
                    best = candidate;
                }
            }
            if (best == null) {
                return null;
            }
            return new EventTime(best.toInstant().toEpochMilli(), best.getOffset().getTotalSeconds() / 60, zoneAssumed, true);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static ZonedDateTime candidate(int year, int month, int day, int hour, int minute, int second, int nanos, ZoneId zone) {
        try {
            return ZonedDateTime.of(year, month, day, hour, minute, second, nanos, zone);
        } catch (DateTimeException e) {
            return null; // Feb 29 in a non-leap year
        }
    }

    /**
     * Zone text: Z, UTC, GMT, ±hh:mm, ±hhmm, GMT±hh:mm, region ids and the JDK short ids. Null when
     * unknown. Answers are cached per text (a sender repeats its {@code dtz} in every message, and
     * an unknown id costs the JDK an exception), up to {@value #MAX_CACHED_ZONES} texts.
     */
    static ZoneId zone(String text) {
        Object cached = ZONES.get(text);
        if (cached == null) {
            ZoneId z = lookUpZone(text);
            cached = z == null ? UNKNOWN_ZONE : z;
            if (ZONES.size() < MAX_CACHED_ZONES) {
                ZONES.putIfAbsent(text, cached);
            }
        }
        return cached == UNKNOWN_ZONE ? null : (ZoneId) cached;
    }

    private static ZoneId lookUpZone(String text) {
        String z = text.trim();
        String upper = z.toUpperCase(Locale.ROOT);
        if (upper.equals("Z") || upper.equals("UTC") || upper.equals("GMT") || upper.equals("UT")) {
            return ZoneOffset.UTC;
        }
        if (upper.startsWith("GMT") || upper.startsWith("UTC")) {
            z = z.substring(3);
        }
        try {
            if (z.startsWith("+") || z.startsWith("-")) {
                return ZoneOffset.of(z.length() == 5 && z.indexOf(':') < 0 ? z.substring(0, 3) + ":" + z.substring(3) : z);
            }
            return ZoneId.of(z, ZoneId.SHORT_IDS);
        } catch (DateTimeException e) {
            return null;
        }
    }
}
