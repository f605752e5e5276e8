package dev.sluice.darktrace.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class EventTimesTest {
    private static final long RECEIVED = Instant.parse("2026-11-27T10:00:00Z").toEpochMilli();

    private static long at(String iso) {
        return Instant.parse(iso).toEpochMilli();
    }

    @Test
    void zoneAnswersStayTheSameWhenRepeated() {
        for (int i = 0; i < 3; i++) {
            assertNull(EventTimes.zone("CountryA"));
            assertEquals(ZoneId.of("Europe/London"), EventTimes.zone("Europe/London"));
            // The JDK's short id: -05:00 up to JDK 24, America/Panama (always -05:00) from JDK 25.
            assertEquals(ZoneId.of("EST", ZoneId.SHORT_IDS), EventTimes.zone("EST"));
            assertEquals(ZoneOffset.ofHours(-5), EventTimes.zone("EST").getRules().getOffset(Instant.ofEpochMilli(RECEIVED)));
            assertEquals(ZoneOffset.ofHoursMinutes(5, 30), EventTimes.zone(" GMT+0530 "));
            assertEquals(ZoneOffset.UTC, EventTimes.zone("utc"));
        }
    }

    @Test
    void readsEpochMillisAndSeconds() {
        assertEquals(1536856054000L, EventTimes.parse("1536856054000", ZoneOffset.UTC, RECEIVED).epochMillis());
        assertEquals(1618760651000L, EventTimes.parse("1618760651", ZoneOffset.UTC, RECEIVED).epochMillis());
        assertEquals(1618760651500L, EventTimes.parse("1618760651.5", ZoneOffset.UTC, RECEIVED).epochMillis());
    }

    @Test
    void readsRfc3339WithItsOffset() {
        EventTimes.EventTime t = EventTimes.parse("2022-02-12T19:10:23+01:00", ZoneOffset.UTC, RECEIVED);
        assertEquals(at("2022-02-12T18:10:23Z"), t.epochMillis());
        assertEquals(60, t.offsetMinutes());
        assertFalse(t.zoneAssumed());
    }

    @Test
    void readsZonelessStampsInTheConfiguredZone() {
        EventTimes.EventTime t = EventTimes.parse("2026-11-27 09:00:00", ZoneId.of("Europe/Berlin"), RECEIVED);
        assertEquals(at("2026-11-27T08:00:00Z"), t.epochMillis());
        assertEquals(60, t.offsetMinutes());
        assertTrue(t.zoneAssumed());
        EventTimes.EventTime cef = EventTimes.parse("Nov 27 2026 09:00:00.250", ZoneId.of("Europe/Berlin"), RECEIVED);
        assertEquals(at("2026-11-27T08:00:00.250Z"), cef.epochMillis());
        assertTrue(cef.zoneAssumed());
    }

    @Test
    void readsCefDatesWithAZone() {
        assertEquals(at("2026-11-27T09:00:00Z"), EventTimes.parse("Nov 27 2026 09:00:00 UTC", ZoneId.of("Asia/Tokyo"), RECEIVED).epochMillis());
        assertEquals(at("2026-11-27T08:00:00Z"), EventTimes.parse("Nov 27 2026 09:00:00 GMT+01:00", ZoneOffset.UTC, RECEIVED).epochMillis());
        assertEquals(at("2026-11-27T08:00:00Z"), EventTimes.parse("Nov 27 2026 09:00:00 CET", ZoneOffset.UTC, RECEIVED).epochMillis());
        assertNull(EventTimes.parse("Nov 27 2026 09:00:00 Mars/Olympus", ZoneOffset.UTC, RECEIVED));
    }

    @Test
    void infersTheYearOfYearlessStampsFromTheReceiveTime() {
        EventTimes.EventTime t = EventTimes.parse("Nov 27 09:59:00", ZoneOffset.UTC, RECEIVED);
        assertEquals(at("2026-11-27T09:59:00Z"), t.epochMillis());
        assertTrue(t.yearInferred());
        assertEquals(at("2026-08-05T03:34:46Z"), EventTimes.parse("Aug  5 03:34:46", ZoneOffset.UTC, RECEIVED).epochMillis());
    }

    @Test
    void rollsYearlessStampsOverNewYear() {
        long newYearsDay = at("2027-01-01T00:05:00Z");
        assertEquals(at("2026-12-31T23:59:00Z"), EventTimes.parse("Dec 31 23:59:00", ZoneOffset.UTC, newYearsDay).epochMillis());
        long newYearsEve = at("2026-12-31T23:55:00Z");
        assertEquals(at("2027-01-01T00:01:00Z"), EventTimes.parse("Jan  1 00:01:00", ZoneOffset.UTC, newYearsEve).epochMillis());
        assertEquals(at("2025-12-01T00:00:00Z"), EventTimes.parse("Dec  1 00:00:00", ZoneOffset.UTC, RECEIVED).epochMillis());
    }

    @Test
    void returnsNullForTextItDoesNotKnow() {
        assertNull(EventTimes.parse("yesterday", ZoneOffset.UTC, RECEIVED));
        assertNull(EventTimes.parse("Foo 27 09:00:00", ZoneOffset.UTC, RECEIVED));
        assertNull(EventTimes.parse("Feb 30 2026 09:00:00", ZoneOffset.UTC, RECEIVED));
        assertNull(EventTimes.parse("12345", ZoneOffset.UTC, RECEIVED));
        assertNull(EventTimes.parse("", ZoneOffset.UTC, RECEIVED));
        assertNull(EventTimes.parse(null, ZoneOffset.UTC, RECEIVED));
    }
}
