package dev.sluice.syslog;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * Writes syslog headers and TCP frames that {@link SyslogParser} and {@link SyslogFramer} read
 * back: used by the Darktrace emulator and by tests. Invalid arguments (a PRI outside 0–191, a
 * header field with spaces or non-printable characters) throw {@link IllegalArgumentException}.
 */
public final class SyslogWriter {

  private static final DateTimeFormatter RFC3164_TIME =
      DateTimeFormatter.ofPattern("MMM ppd HH:mm:ss", Locale.ROOT);

  private SyslogWriter() {}

  /**
   * {@code <PRI>1 TIMESTAMP HOSTNAME APP-NAME PROCID MSGID STRUCTURED-DATA } (with the trailing
   * space before MSG). Null fields are written as the NILVALUE {@code -}; the timestamp is cut to
   * microseconds (RFC 5424 allows six fractional digits).
   *
   * @param structuredData raw STRUCTURED-DATA text ({@code [id k="v"]}), or null
   */
  public static String rfc5424Header(int pri, OffsetDateTime timestamp, String hostname,
      String appName, String procId, String msgId, String structuredData) {
    StringBuilder out = new StringBuilder(96);
    out.append('<').append(checkPri(pri)).append(">1 ");
    out.append(timestamp == null ? "-"
        : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(timestamp.truncatedTo(ChronoUnit.MICROS)));
    out.append(' ').append(field("hostname", hostname, 255));
    out.append(' ').append(field("appName", appName, 48));
    out.append(' ').append(field("procId", procId, 128));
    out.append(' ').append(field("msgId", msgId, 32));
    out.append(' ').append(structuredData == null ? "-" : structuredData).append(' ');
    return out.toString();
  }

  /**
   * {@code <PRI>Mmm dd hh:mm:ss HOSTNAME TAG: } with the day space-padded ({@code Jan  5}), the
   * way BSD syslog writes it. A null tag writes {@code <PRI>Mmm dd hh:mm:ss HOSTNAME }.
   */
  public static String rfc3164Header(int pri, LocalDateTime timestamp, String hostname,
      String tag) {
    StringBuilder out = new StringBuilder(64);
    out.append('<').append(checkPri(pri)).append('>');
    out.append(RFC3164_TIME.format(timestamp));
    out.append(' ').append(field("hostname", hostname, 255)).append(' ');
    if (tag != null) {
      out.append(field("tag", tag, 32)).append(": ");
    }
    return out.toString();
  }

  /** {@code header} followed by {@code body}, as UTF-8 bytes. */
  public static byte[] message(String header, byte[] body) {
    byte[] head = header.getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[head.length + body.length];
    System.arraycopy(head, 0, out, 0, head.length);
    System.arraycopy(body, 0, out, head.length, body.length);
    return out;
  }

  /** Writes one frame: {@code MSG-LEN SP MSG}, or MSG followed by its LF, CRLF or NUL trailer. */
  public static void writeFrame(OutputStream out, byte[] message, Framing framing)
      throws IOException {
    switch (framing) {
      case OCTET_COUNTING -> {
        out.write(Integer.toString(message.length).getBytes(StandardCharsets.US_ASCII));
        out.write(' ');
        out.write(message);
      }
      case LF -> {
        out.write(message);
        out.write('\n');
      }
      case CRLF -> {
        out.write(message);
        out.write('\r');
        out.write('\n');
      }
      case NUL -> {
        out.write(message);
        out.write(0);
      }
      case END_OF_STREAM -> out.write(message);
    }
  }

  /** One frame as bytes (see {@link #writeFrame}). */
  public static byte[] frame(byte[] message, Framing framing) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(message.length + 12);
    try {
      writeFrame(out, message, framing);
    } catch (IOException e) {
      throw new IllegalStateException("ByteArrayOutputStream does not throw", e);
    }
    return out.toByteArray();
  }

  private static int checkPri(int pri) {
    if (pri < 0 || pri > 191) {
      throw new IllegalArgumentException("PRI must be 0-191: " + pri);
    }
    return pri;
  }

  private static String field(String name, String value, int maxLength) {
    if (value == null) {
      return "-";
    }
    if (value.isEmpty() || value.length() > maxLength) {
      throw new IllegalArgumentException(name + " must be 1-" + maxLength + " characters");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c <= ' ' || c >= 127) {
        throw new IllegalArgumentException(name + " must be printable ASCII without spaces");
      }
    }
    return value;
  }
}
