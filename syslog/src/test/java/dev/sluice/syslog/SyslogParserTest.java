package dev.sluice.syslog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** RFC 5424 and RFC 3164 header rules (syslog-cef-rules.md B.3, B.4). */
class SyslogParserTest {

  private static final Instant RECEIVED = Instant.parse("2026-06-15T12:00:00Z");
  private final SyslogParser parser = new SyslogParser();

  private SyslogMessage parse(String line) {
    return parser.parse(line, RECEIVED);
  }

  @Nested
  class Rfc5424 {

    @Test
    void readsAllHeaderFields() {
      SyslogMessage m = parse("<165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog"
          + " 1234 ID47 [exampleSDID@32473 iut=\"3\" eventSource=\"Application\"] An application event");
      assertEquals(SyslogFormat.RFC5424, m.format());
      assertEquals(165, m.pri());
      assertEquals(20, m.facility());
      assertEquals(5, m.severity());
      assertEquals(1, m.version());
      assertEquals(OffsetDateTime.parse("2003-10-11T22:14:15.003Z"), m.timestamp());
      assertEquals("mymachine.example.com", m.hostname());
      assertEquals("evntslog", m.appName());
      assertEquals("1234", m.procId());
      assertEquals("ID47", m.msgId());
      assertEquals("[exampleSDID@32473 iut=\"3\" eventSource=\"Application\"]", m.structuredData());
      assertEquals("An application event", m.message());
      assertTrue(m.anomalies().isEmpty());
    }

    @Test
    void readsNilValuesAsNull() {
      SyslogMessage m = parse("<165>1 - - - - - - msg");
      assertNull(m.timestamp());
      assertNull(m.timestampText());
      assertNull(m.hostname());
      assertNull(m.appName());
      assertNull(m.procId());
      assertNull(m.msgId());
      assertNull(m.structuredData());
      assertEquals("msg", m.message());
    }

    @Test
    void acceptsMessageWithoutMsgPart() {
      SyslogMessage m = parse("<165>1 2003-10-11T22:14:15Z host app - - -");
      assertEquals("", m.message());
      assertTrue(m.anomalies().isEmpty());
    }

    @Test
    void rejectsPriAbove191AsNoPri() {
      SyslogMessage m = parse("<192>1 2003-10-11T22:14:15Z h a - - - x");
      assertEquals(-1, m.pri());
      assertTrue(m.hasAnomaly(SyslogAnomaly.PRI_INVALID));
      assertEquals(SyslogFormat.NONE, m.format());
    }

    @Test
    void readsFractionalSecondsOfAnyCommonPrecisionAndOffsets() {
      assertEquals(OffsetDateTime.parse("2026-01-02T03:04:05.965154+00:00"),
          parse("<13>1 2026-01-02T03:04:05.965154+00:00 h a - - - x").timestamp());
      assertEquals(OffsetDateTime.parse("2026-01-02T03:04:05.123-07:30"),
          parse("<13>1 2026-01-02T03:04:05.123-07:30 h a - - - x").timestamp());
      assertEquals(Instant.parse("2026-01-02T03:04:05Z"),
          parse("<13>1 2026-01-02T03:04:05+00:00 h a - - - x").timestamp().toInstant());
    }

    @Test
    void flagsOffsetBeyondEighteenHoursAsInvalid() {
      // Found by fuzzing: +18:59 passed the digit checks but no OffsetDateTime can hold it.
      SyslogMessage m = parse("<13>1 2026-01-02T03:04:05+18:59 h a - - - x");
      assertTrue(m.hasAnomaly(SyslogAnomaly.TIMESTAMP_INVALID));
      assertNull(m.timestamp());
      assertEquals(OffsetDateTime.parse("2026-01-02T03:04:05+18:00"),
          parse("<13>1 2026-01-02T03:04:05+18:00 h a - - - x").timestamp());
    }

    @Test
    void flagsLeapSecondAndMissingOffsetButKeepsTheMessage() {
      SyslogMessage leap = parse("<13>1 2026-12-31T23:59:60Z h a - - - x");
      assertTrue(leap.hasAnomaly(SyslogAnomaly.TIMESTAMP_INVALID));
      assertNull(leap.timestamp());
      assertEquals("2026-12-31T23:59:60Z", leap.timestampText());
      assertEquals("x", leap.message());
      assertTrue(parse("<13>1 2026-12-31T23:59:59 h a - - - x")
          .hasAnomaly(SyslogAnomaly.TIMESTAMP_INVALID));
    }

    @Test
    void parsesStructuredDataWithEscapesAndAdjacentElements() {
      SyslogMessage m = parse("<13>1 - h a - - [x@1 a=\"b\\\"c\" d=\"e\\]f\"][y@2 z=\"1\"] msg");
      assertEquals("[x@1 a=\"b\\\"c\" d=\"e\\]f\"][y@2 z=\"1\"]", m.structuredData());
      assertEquals(List.of(
          new StructuredDataElement("x@1", List.of(new StructuredDataElement.Param("a", "b\"c"),
              new StructuredDataElement.Param("d", "e]f"))),
          new StructuredDataElement("y@2", List.of(new StructuredDataElement.Param("z", "1")))),
          m.structuredDataElements());
      assertEquals("msg", m.message());
    }

    @Test
    void keepsUnescapedOpeningBracketAndUnknownEscapesInParamValue() {
      SyslogMessage m = parse("<13>1 - h a - - [origin@32473 v=\"a[b \\n \\\\\"] m");
      assertEquals("a[b \\n \\", m.structuredDataElements().get(0).params().get(0).value());
      assertEquals("m", m.message());
    }

    @Test
    void flagsMalformedStructuredDataAndKeepsTheRestAsMessage() {
      SyslogMessage m = parse("<13>1 - h a - - [broken msg");
      assertTrue(m.hasAnomaly(SyslogAnomaly.STRUCTURED_DATA_INVALID));
      assertEquals("[broken msg", m.message());
    }

    @Test
    void stripsUtf8BomBeforeMessage() {
      byte[] prefix = "<13>1 - h a - - - ".getBytes(StandardCharsets.UTF_8);
      byte[] body = "CEF:0|V|P|1|2|N|5|".getBytes(StandardCharsets.UTF_8);
      byte[] frame = new byte[prefix.length + 3 + body.length];
      System.arraycopy(prefix, 0, frame, 0, prefix.length);
      frame[prefix.length] = (byte) 0xEF;
      frame[prefix.length + 1] = (byte) 0xBB;
      frame[prefix.length + 2] = (byte) 0xBF;
      System.arraycopy(body, 0, frame, prefix.length + 3, body.length);
      SyslogMessage m = parser.parse(frame, 0, frame.length, RECEIVED.toEpochMilli());
      assertTrue(m.hasBom());
      assertEquals("CEF:0|V|P|1|2|N|5|", m.message());
      assertEquals(prefix.length + 3, m.cefOffset());
    }

    @Test
    void decodesInvalidUtf8LenientlyWithoutRejecting() {
      byte[] frame = {'<', '1', '3', '>', '1', ' ', '-', ' ', '-', ' ', '-', ' ', '-', ' ', '-',
          ' ', '-', ' ', 'a', (byte) 0xC3, 'b'};
      SyslogMessage m = parser.parse(frame, 0, frame.length, 0);
      assertEquals("a\uFFFDb", m.message());
    }

    @Test
    void flagsOverlongFieldsButKeepsThem() {
      String app = "a".repeat(49);
      SyslogMessage m = parse("<13>1 - h " + app + " - - - x");
      assertTrue(m.hasAnomaly(SyslogAnomaly.FIELD_TOO_LONG));
      assertEquals(app, m.appName());
    }

    @Test
    void flagsTruncatedHeader() {
      SyslogMessage m = parse("<13>1 2026-01-02T03:04:05Z host");
      assertTrue(m.hasAnomaly(SyslogAnomaly.HEADER_TRUNCATED));
      assertEquals("host", m.hostname());
    }

    @Test
    void acceptsLongMessages() {
      String body = "x".repeat(8000);
      assertEquals(body, parse("<13>1 - h a - - - " + body).message());
    }
  }

  @Nested
  class Rfc3164 {

    @Test
    void readsSpacePaddedDay() {
      // graylog-plugin-cef #23: "Could not parse timestamp 'Nov  6'".
      SyslogMessage m = parse("<134>Nov  6 10:00:00 h CEF:0|V|P|1|2|N|5|a=b");
      assertEquals(SyslogFormat.RFC3164, m.format());
      assertEquals(OffsetDateTime.parse("2025-11-06T10:00:00Z"), m.timestamp());
      assertEquals("h", m.hostname());
      assertEquals("CEF:0|V|P|1|2|N|5|a=b", m.message());
    }

    @Test
    void readsZeroPaddedAndSingleSpaceDay() {
      assertEquals(OffsetDateTime.parse("2026-01-05T01:02:03Z"),
          parse("<13>Jan 05 01:02:03 h x").timestamp());
      assertEquals(OffsetDateTime.parse("2026-01-05T01:02:03Z"),
          parse("<13>Jan 5 01:02:03 h x").timestamp());
    }

    @Test
    void infersYearFromReceiveTime() {
      SyslogMessage m = parse("<13>Jun 14 23:00:00 h x");
      assertEquals(2026, m.timestamp().getYear());
      assertTrue(m.hasAnomaly(SyslogAnomaly.YEAR_INFERRED));
    }

    @Test
    void dateMoreThanTwoDaysAheadBelongsToThePreviousYear() {
      SyslogParser utc = new SyslogParser();
      Instant january = Instant.parse("2027-01-01T00:10:00Z");
      assertEquals(2026, utc.parse("<13>Dec 31 23:59:00 h x", january).timestamp().getYear());
      assertEquals(2026, utc.parse("<13>Jun 17 12:00:00 h x", RECEIVED).timestamp().getYear());
      assertEquals(2025, utc.parse("<13>Jun 17 12:00:01 h x", RECEIVED).timestamp().getYear());
    }

    @Test
    void januaryDateReceivedInDecemberBelongsToTheNextYear() {
      Instant december = Instant.parse("2026-12-31T23:58:00Z");
      assertEquals(2027, parser.parse("<13>Jan  1 00:00:05 h x", december).timestamp().getYear());
    }

    @Test
    void usesConfiguredZoneWhenNoneIsSent() {
      SyslogParser berlin = new SyslogParser(ZoneId.of("Europe/Berlin"));
      SyslogMessage m = berlin.parse("<13>Jun 15 12:00:00 h x", RECEIVED);
      assertEquals(Instant.parse("2026-06-15T10:00:00Z"), m.timestamp().toInstant());
      assertTrue(m.hasAnomaly(SyslogAnomaly.ZONE_ASSUMED));
    }

    @Test
    void readsTagAndPid() {
      SyslogMessage m = parse("<13>Feb  5 17:32:18 10.0.0.99 sshd[1234]: Accepted publickey");
      assertEquals("10.0.0.99", m.hostname());
      assertEquals("sshd", m.appName());
      assertEquals("1234", m.procId());
      assertEquals("Accepted publickey", m.message());
    }

    @Test
    void doesNotTakeCefMarkerAsTag() {
      // rsyslog, syslog-ng and fluentd #2835 all read TAG "CEF" here.
      SyslogMessage m = parse("<134>Jan 18 11:07:53 host CEF:0|V|P|1|2|N|5|a=b");
      assertEquals("host", m.hostname());
      assertNull(m.appName());
      assertEquals("CEF:0|V|P|1|2|N|5|a=b", m.message());
      assertEquals(m.messageOffset(), m.cefOffset());
    }

    @Test
    void findsCefAfterAnOrdinaryTag() {
      // fluent/fluentd #2835.
      SyslogMessage m = parse("<43>Feb 24 11:05:17 1.2.3.4 PowerShell CEF:0|V|P|1|2|N|5|a=b");
      assertEquals("1.2.3.4", m.hostname());
      assertEquals("PowerShell", m.appName());
      assertEquals("CEF:0|V|P|1|2|N|5|a=b", m.message());
    }

    @Test
    void acceptsMissingHostname() {
      // graylog-plugin-cef #11 (OSSEC).
      SyslogMessage m = parse("<132>Aug 14 14:26:55 CEF:0|V|P|1|2|N|5|a=b");
      assertNull(m.hostname());
      assertEquals("CEF:0|V|P|1|2|N|5|a=b", m.message());
    }

    @Test
    void readsIsoTimestampInBsdLine() {
      // loggen's default, and graylog2-server PR #27336 (a hostname containing "CEF:1").
      SyslogMessage m = parse("2026-09-03T16:35:24Z host-CEF:1-box CEF:0|V|P|1.0|1|N|5|msg=x");
      assertEquals(SyslogFormat.RFC3164, m.format());
      assertEquals(OffsetDateTime.parse("2026-09-03T16:35:24Z"), m.timestamp());
      assertEquals("host-CEF:1-box", m.hostname());
      assertEquals("CEF:0|V|P|1.0|1|N|5|msg=x", m.message());
      assertEquals(m.messageOffset(), m.cefOffset());
    }

    @Test
    void readsZoneTokenAfterTime() {
      // OPSWAT sample.
      SyslogMessage m = parse("Jan 23 12:10:16 UTC egs-001 CEF:0|OPSWAT|x|1|2|N|5|");
      assertEquals(Instant.parse("2026-01-23T12:10:16Z"), m.timestamp().toInstant());
      assertEquals("egs-001", m.hostname());
      assertFalse(m.hasAnomaly(SyslogAnomaly.ZONE_ASSUMED));
    }

    @Test
    void readsYearAndGmtOffset() {
      // Trend Micro.
      SyslogMessage m = parse("<13>Mar 09 2015 17:05:21 GMT+01:00 host CEF:0|T|M|1|2|N|5|");
      assertEquals(OffsetDateTime.parse("2015-03-09T17:05:21+01:00"), m.timestamp());
      assertFalse(m.hasAnomaly(SyslogAnomaly.YEAR_INFERRED));
      assertEquals("host", m.hostname());
    }

    @Test
    void keepsRawBytesOfTheWholeFrame() {
      String line = "<13>Jan  5 01:02:03 h t: x";
      SyslogMessage m = parse(line);
      assertEquals(line, m.raw());
      assertEquals(0, m.offset());
      assertEquals(line.length(), m.length());
    }
  }

  @Nested
  class WithoutHeader {

    @Test
    void bareCefLineHasNoHeader() {
      // graylog-plugin-cef #19 and NiFi ParseCEF input.
      SyslogMessage m = parse("CEF:0|V|P|1|2|N|5|a=b");
      assertEquals(SyslogFormat.NONE, m.format());
      assertEquals(-1, m.pri());
      assertEquals(0, m.cefOffset());
      assertEquals("CEF:0|V|P|1|2|N|5|a=b", m.message());
    }

    @Test
    void priWithoutTimestampStartsMessageAfterPri() {
      SyslogMessage m = parse("<134>CEF:0|V|P|1|2|N|5|a=b");
      assertEquals(134, m.pri());
      assertEquals("CEF:0|V|P|1|2|N|5|a=b", m.message());
    }

    @Test
    void cefOffsetIsMinusOneWithoutMarker() {
      assertEquals(-1, parse("<13>1 - h a - - - {\"json\":true}").cefOffset());
    }
  }
}
