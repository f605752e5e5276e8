package dev.sluice.darktracesim.render;

import dev.sluice.darktracesim.Framing;
import dev.sluice.darktracesim.HeaderFormat;
import dev.sluice.darktracesim.MessageFormat;
import dev.sluice.darktracesim.SyslogCefSettings;
import dev.sluice.darktracesim.Transport;
import dev.sluice.darktracesim.alert.DarktraceAlert;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import dev.sluice.syslog.SyslogWriter;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;

/**
 * Turns an alert into the bytes Darktrace puts on the wire: syslog header, body (CEF or JSON),
 * and the framing of the transport.
 *
 * <pre>
 * RFC 3164 (default):  &lt;165&gt;Aug  5 03:34:46 HOST darktrace BODY
 * RFC 5424 (Full Timestamps): &lt;165&gt;1 2022-02-12T19:10:23Z HOST darktrace - - - BODY
 * TCP, LF framing:     MESSAGE LF
 * TCP, octet counting: LEN SP MESSAGE        (LEN = UTF-8 byte count of MESSAGE)
 * UDP:                 MESSAGE               (one datagram each)
 * </pre>
 *
 * PRI 165 is facility local4, severity notice, as Darktrace sends. RFC 3164 timestamps are written
 * in UTC with a space-padded day. Headers, CEF and frames are written with the project's
 * {@code SyslogWriter} and {@code CefWriter}, whose output its parsers read back identically.
 */
public final class SyslogMessageWriter {

  static final int PRI = 165;
  static final String APP_NAME = "darktrace";

  private final HeaderFormat header;
  private final Framing framing;
  private final Transport transport;
  private final MessageFormat format;
  private final String hostname;
  private final CefRenderer cef;
  private final JsonRenderer json;

  public SyslogMessageWriter(SyslogCefSettings settings) {
    this.header = settings.header();
    this.framing = settings.framing();
    this.transport = settings.transport();
    this.format = settings.format();
    this.hostname = settings.hostname();
    this.cef = new CefRenderer(settings.hostname(), settings.softwareVersion());
    this.json = new JsonRenderer(settings.hostname());
  }

  /** The syslog message (header and body) without framing. */
  public String message(DarktraceAlert alert) {
    String body = format == MessageFormat.CEF ? cef.render(alert) : json.render(alert);
    return header(alert.time()) + body;
  }

  /** The message framed for the transport, ready to write to the socket. */
  public byte[] frame(DarktraceAlert alert) {
    byte[] message = message(alert).getBytes(StandardCharsets.UTF_8);
    if (transport == Transport.UDP) {
      return message;
    }
    return SyslogWriter.frame(message, framing == Framing.LF
        ? dev.sluice.syslog.Framing.LF : dev.sluice.syslog.Framing.OCTET_COUNTING);
  }

  private String header(Instant time) {
    if (header == HeaderFormat.RFC3164) {
      // Darktrace writes its app name without the colon BSD syslog puts after a tag.
      return SyslogWriter.rfc3164Header(PRI, LocalDateTime.ofInstant(time, ZoneOffset.UTC),
          hostname, null) + APP_NAME + ' ';
    }
    return SyslogWriter.rfc5424Header(PRI, OffsetDateTime.ofInstant(time, ZoneOffset.UTC),
        hostname, APP_NAME, null, null, null);
  }
}
