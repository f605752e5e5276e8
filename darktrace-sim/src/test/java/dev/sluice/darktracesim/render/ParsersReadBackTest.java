package dev.sluice.darktracesim.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.cef.CefParseResult;
import dev.sluice.cef.CefParser;
import dev.sluice.cef.CefRecord;
import dev.sluice.darktracesim.Framing;
import dev.sluice.darktracesim.HeaderFormat;
import dev.sluice.darktracesim.MessageFormat;
import dev.sluice.darktracesim.SyslogCefSettings;
import dev.sluice.darktracesim.Transport;
import dev.sluice.darktracesim.alert.AlertGenerator;
import dev.sluice.darktracesim.alert.AlertMix;
import dev.sluice.darktracesim.alert.DarktraceAlert;
import dev.sluice.syslog.SyslogFormat;
import dev.sluice.syslog.SyslogMessage;
import dev.sluice.syslog.SyslogParser;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every message the emulator writes is read back by the project's parsers as it was meant. */
class ParsersReadBackTest {

  @ParameterizedTest
  @EnumSource(HeaderFormat.class)
  void everyGeneratedMessageParsesBackToItsFields(HeaderFormat header) {
    SyslogCefSettings settings = new SyslogCefSettings("127.0.0.1", 514, Transport.TCP, true, 0,
        0, true, 0, 0, true, 0, header, Framing.LF, MessageFormat.CEF,
        "dt-master-01.corp.example.com", "6.2.4");
    SyslogMessageWriter writer = new SyslogMessageWriter(settings);
    CefRenderer cef = new CefRenderer(settings.hostname(), settings.softwareVersion());
    SyslogParser syslog = new SyslogParser(ZoneOffset.UTC);
    CefParser parser = new CefParser();
    Instant start = Instant.parse("2026-11-27T10:00:00Z");
    AlertGenerator generator = new AlertGenerator(99, start, new AlertMix(6, 3, 1));
    for (int i = 0; i < 3_000; i++) {
      DarktraceAlert alert = i == 0 ? AlertGenerator.testAlert(start) : generator.next();
      byte[] bytes = writer.message(alert).getBytes(StandardCharsets.UTF_8);
      SyslogMessage message = syslog.parse(bytes, 0, bytes.length, start.toEpochMilli());
      assertEquals(header == HeaderFormat.RFC3164 ? SyslogFormat.RFC3164 : SyslogFormat.RFC5424,
          message.format());
      assertEquals("dt-master-01.corp.example.com", message.hostname());
      assertEquals(alert.time().getEpochSecond(), message.timestamp().toEpochSecond());
      CefParseResult result = parser.parse(bytes, message.messageOffset(),
          message.messageEnd() - message.messageOffset());
      assertTrue(result instanceof CefParseResult.Parsed, result.toString());
      var event = ((CefParseResult.Parsed) result).event();
      CefRecord expected = cef.toCef(alert);
      assertEquals(expected.deviceProduct(), event.deviceProduct());
      assertEquals(expected.signatureId(), event.signatureId());
      assertEquals(expected.name(), event.name());
      assertEquals(expected.severity(), event.severity());
      assertEquals(expected.extensions(), event.extensions(), "message " + i);
      assertTrue(event.repairs().isEmpty(), "no repairs needed: " + event.repairs());
    }
  }
}
