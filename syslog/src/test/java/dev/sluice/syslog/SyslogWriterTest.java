package dev.sluice.syslog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class SyslogWriterTest {

  private final SyslogParser parser = new SyslogParser();

  @Test
  void writesRfc5424HeaderTheParserReadsBack() {
    String header = SyslogWriter.rfc5424Header(165,
        OffsetDateTime.parse("2026-03-01T10:11:12.123456789+02:00"), "dt.example.com",
        "darktrace", null, null, "[x@1 a=\"1\"]");
    assertEquals("<165>1 2026-03-01T10:11:12.123456+02:00 dt.example.com darktrace - - "
        + "[x@1 a=\"1\"] ", header);
    SyslogMessage m = parser.parse(header + "CEF:0|a", Instant.EPOCH);
    assertEquals(OffsetDateTime.parse("2026-03-01T10:11:12.123456+02:00"), m.timestamp());
    assertEquals("dt.example.com", m.hostname());
    assertEquals("darktrace", m.appName());
    assertEquals("[x@1 a=\"1\"]", m.structuredData());
    assertEquals("CEF:0|a", m.message());
  }

  @Test
  void writesRfc3164HeaderWithSpacePaddedDay() {
    String header = SyslogWriter.rfc3164Header(134, LocalDateTime.parse("2026-01-05T01:02:03"),
        "dt", "darktrace");
    assertEquals("<134>Jan  5 01:02:03 dt darktrace: ", header);
    SyslogMessage m = parser.parse(header + "x", Instant.parse("2026-01-06T00:00:00Z"));
    assertEquals(OffsetDateTime.parse("2026-01-05T01:02:03Z"), m.timestamp());
    assertEquals("darktrace", m.appName());
    assertEquals("x", m.message());
    assertEquals("<134>Jan  5 01:02:03 dt ",
        SyslogWriter.rfc3164Header(134, LocalDateTime.parse("2026-01-05T01:02:03"), "dt", null));
  }

  @Test
  void writesEachFraming() {
    byte[] message = "<13>é".getBytes(StandardCharsets.UTF_8);
    assertArrayEquals("6 <13>é".getBytes(StandardCharsets.UTF_8),
        SyslogWriter.frame(message, Framing.OCTET_COUNTING));
    assertArrayEquals("<13>é\n".getBytes(StandardCharsets.UTF_8),
        SyslogWriter.frame(message, Framing.LF));
    assertArrayEquals("<13>é\r\n".getBytes(StandardCharsets.UTF_8),
        SyslogWriter.frame(message, Framing.CRLF));
    assertArrayEquals("<13>é\0".getBytes(StandardCharsets.UTF_8),
        SyslogWriter.frame(message, Framing.NUL));
  }

  @Test
  void refusesInvalidHeaderFields() {
    assertThrows(IllegalArgumentException.class,
        () -> SyslogWriter.rfc5424Header(192, null, null, null, null, null, null));
    assertThrows(IllegalArgumentException.class,
        () -> SyslogWriter.rfc5424Header(1, null, "two words", null, null, null, null));
  }
}
