package dev.sluice.cef;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** CEF timestamp formats (syslog-cef-rules.md B.5, "Timestamps"). */
class CefTimestampsTest {

  private static final Instant RECEIVED = Instant.parse("2026-06-15T12:00:00Z");
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', value = {
      "1536856054000;                      2018-09-13T16:27:34Z",
      "Jun 14 2026 10:11:12.345 UTC;       2026-06-14T10:11:12.345Z",
      "Jun 14 2026 10:11:12.345;           2026-06-14T08:11:12.345Z",
      "Jun 14 2026 10:11:12 GMT;           2026-06-14T10:11:12Z",
      "Jun 14 2026 10:11:12;               2026-06-14T08:11:12Z",
      "Jun 14 10:11:12.345 UTC;            2026-06-14T10:11:12.345Z",
      "Jun 14 10:11:12.345;                2026-06-14T08:11:12.345Z",
      "Jun 14 10:11:12 CET;                2026-06-14T08:11:12Z",
      "Jun 14 10:11:12;                    2026-06-14T08:11:12Z",
      "jun  4 10:11:12 GMT+01:00;          2026-06-04T09:11:12Z",
      "Dec 31 23:00:00 UTC;                2025-12-31T23:00:00Z",
      "2022-02-20 10:00:00;                2022-02-20T09:00:00Z",
      "2022-02-20T10:00:00.5+02:00;        2022-02-20T08:00:00.500Z"})
  void readsEpochMillisTheEightLayoutsAndCommonViolations(String value, String expected) {
    assertEquals(Optional.of(Instant.parse(expected)),
        CefTimestamps.parse(value, BERLIN, RECEIVED));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', value = {"yesterday", "Foo 14 10:11:12", "Jun 14 10:11 UTC",
      "Jun 14 10:11:12 Nowhere/City", "2022-13-01 00:00:00", "Feb 30 2026 00:00:00",
      "Jun 14 10:11:12 UTC extra"})
  void yieldsEmptyForUnreadableValues(String value) {
    assertEquals(Optional.empty(), CefTimestamps.parse(value, BERLIN, RECEIVED));
  }

  @Property(tries = 300)
  void neverThrowsOnArbitraryText(@ForAll @StringLength(max = 40)
      @Chars({'0', '1', '2', '9', ' ', ':', '.', '-', '+', 'T', 'Z', 'J', 'a', 'n', 'U', 'C', 'G', 'M'})
      String value) {
    CefTimestamps.parse(value, BERLIN, RECEIVED);
  }

  @Test
  void januaryReceivedInDecemberIsNextYear() {
    assertEquals(Optional.of(Instant.parse("2027-01-01T00:00:05Z")), CefTimestamps.parse(
        "Jan  1 00:00:05", ZoneOffset.UTC, Instant.parse("2026-12-31T23:59:00Z")));
  }

  @Test
  void deviceZoneComesFromDtzWhenValid() {
    CefEvent valid = CefAssertions.parsed(CefAssertions.cef("dtz=Europe/Berlin"));
    CefEvent sanitised = CefAssertions.parsed(CefAssertions.cef("dtz=CountryA"));
    assertEquals(BERLIN, CefTimestamps.deviceZone(valid, ZoneOffset.UTC));
    assertEquals(ZoneOffset.UTC, CefTimestamps.deviceZone(sanitised, ZoneOffset.UTC));
  }
}
