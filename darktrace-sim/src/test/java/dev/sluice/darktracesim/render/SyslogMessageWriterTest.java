package dev.sluice.darktracesim.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.darktracesim.Framing;
import dev.sluice.darktracesim.HeaderFormat;
import dev.sluice.darktracesim.MessageFormat;
import dev.sluice.darktracesim.SyslogCefSettings;
import dev.sluice.darktracesim.Transport;
import dev.sluice.darktracesim.alert.AiAnalystIncidentEvent;
import dev.sluice.darktracesim.alert.AlertGenerator;
import dev.sluice.darktracesim.alert.AlertMix;
import dev.sluice.darktracesim.alert.Device;
import dev.sluice.darktracesim.alert.ModelCategory;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SyslogMessageWriterTest {

  private static final Instant AUG_5 = Instant.parse("2022-08-05T03:34:46Z");

  private static SyslogCefSettings settings(Transport transport, HeaderFormat header,
      Framing framing, MessageFormat format) {
    return new SyslogCefSettings("127.0.0.1", 514, transport, true, 0, 0, true, 0, 0, true, 0,
        header, framing, format, "example.cloud.darktrace.com", "6.2.4");
  }

  @Test
  void defaultHeaderIsRfc3164WithSpacePaddedDay() {
    String message = new SyslogMessageWriter(
        settings(Transport.TCP, HeaderFormat.RFC3164, Framing.LF, MessageFormat.CEF))
        .message(AlertGenerator.testAlert(AUG_5));
    assertTrue(message.startsWith(
        "<165>Aug  5 03:34:46 example.cloud.darktrace.com darktrace CEF:0|Darktrace|DCIP|6.2.4|0"
            + "|Unrestricted Test Model|10|externalId=123 darktraceUrl= "), message);
  }

  @Test
  void fullTimestampsGiveAnRfc5424HeaderWithNilFields() {
    String message = new SyslogMessageWriter(
        settings(Transport.TCP, HeaderFormat.RFC5424, Framing.LF, MessageFormat.JSON))
        .message(AlertGenerator.testAlert(AUG_5));
    assertTrue(message.startsWith("<165>1 2022-08-05T03:34:46Z example.cloud.darktrace.com"
        + " darktrace - - - {\"model\":{\"name\":\"Unrestricted Test Model\""), message);
  }

  @Test
  void lfFramingEndsEachMessageWithOneLf() {
    byte[] frame = new SyslogMessageWriter(
        settings(Transport.TCP, HeaderFormat.RFC3164, Framing.LF, MessageFormat.CEF))
        .frame(AlertGenerator.testAlert(AUG_5));
    assertEquals('\n', frame[frame.length - 1]);
    for (int i = 0; i < frame.length - 1; i++) {
      assertTrue(frame[i] != '\n', "no LF inside the message");
    }
  }

  @Test
  void octetCountingPrefixCountsUtf8BytesNotChars() {
    AiAnalystIncidentEvent event = new AiAnalystIncidentEvent("e1", "Überprüfung", "line one\nzwei",
        ModelCategory.CRITICAL, 90, "g1", ModelCategory.CRITICAL, 80, "a1", List.of("x"), false,
        new Device(1, "10.0.0.1", "ws.corp.example.com", "", "Desktop", ""), List.of(),
        List.of(), AUG_5);
    SyslogMessageWriter writer = new SyslogMessageWriter(
        settings(Transport.TCP, HeaderFormat.RFC3164, Framing.OCTET_COUNTING, MessageFormat.CEF));
    byte[] frame = writer.frame(event);
    String text = new String(frame, StandardCharsets.UTF_8);
    int space = text.indexOf(' ');
    int length = Integer.parseInt(text.substring(0, space));
    assertEquals(frame.length - space - 1, length);
    assertTrue(length > writer.message(event).length(), "umlauts take two bytes each");
    assertTrue(text.contains("message=line one\\nzwei"), "newlines are escaped in CEF: " + text);
  }

  @Test
  void udpSendsTheBareMessage() {
    SyslogMessageWriter writer = new SyslogMessageWriter(
        settings(Transport.UDP, HeaderFormat.RFC3164, Framing.OCTET_COUNTING, MessageFormat.CEF));
    var alert = new AlertGenerator(1, AUG_5, AlertMix.TYPICAL).next();
    assertEquals(writer.message(alert), new String(writer.frame(alert), StandardCharsets.UTF_8));
  }
}
