package dev.sluice.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.sluice.cef.CefParseResult;
import dev.sluice.cef.CefParser;
import dev.sluice.syslog.SyslogMessage;
import dev.sluice.syslog.SyslogParser;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code sluice parse}: one syslog message per stdin line in, one JSON object per line out
 * ({@code {"ok":true,"syslog":{...},"cef":{...}}} or
 * {@code {"ok":false,"reason":"CODE","detail":"...","syslog":{...}}}). Empty lines are skipped.
 * Exit code 0 unless stdin cannot be read.
 */
@Command(name = "parse", mixinStandardHelpOptions = true,
    description = "Parse syslog/CEF messages from stdin (one per line) into JSON lines.")
public final class ParseCommand implements Callable<Integer> {

  /** Lines longer than this are reported as MESSAGE_TOO_LARGE instead of being buffered. */
  static final int MAX_LINE = 1024 * 1024;

  @Spec
  CommandSpec spec;

  @Option(names = "--zone", paramLabel = "ZONE",
      description = "Zone assumed for RFC 3164 timestamps without one (default: UTC).")
  ZoneId zone = ZoneOffset.UTC;

  @Option(names = "--received-at", paramLabel = "INSTANT",
      description = "Receive time (ISO-8601) used to infer RFC 3164 years (default: now).")
  Instant receivedAt;

  private final InputStream in;
  private final OutputStream out;
  private final Clock clock;

  public ParseCommand() {
    this(System.in, System.out, Clock.systemUTC());
  }

  ParseCommand(InputStream in, OutputStream out, Clock clock) {
    this.in = in;
    this.out = out;
    this.clock = clock;
  }

  @Override
  public Integer call() {
    SyslogParser syslogParser = new SyslogParser(zone);
    CefParser cefParser = new CefParser();
    try (JsonGenerator json = new JsonFactory().createGenerator(new BufferedOutputStream(out))) {
      json.setRootValueSeparator(null);
      LineReader lines = new LineReader(new BufferedInputStream(in));
      try {
        while (lines.next()) {
          if (lines.length == 0) {
            continue;
          }
          long received = receivedAt != null ? receivedAt.toEpochMilli() : clock.millis();
          if (lines.tooLong) {
            writeTooLarge(json);
          } else {
            byte[] line = Arrays.copyOf(lines.buffer, lines.length);
            writeLine(json, syslogParser.parse(line, 0, line.length, received), cefParser);
          }
          json.writeRaw('\n');
        }
      } catch (IOException e) {
        json.flush();
        PrintWriter err = spec == null ? new PrintWriter(System.err, true) : spec.commandLine().getErr();
        err.println("sluice parse: cannot read stdin: " + e.getMessage());
        return 2;
      }
    } catch (IOException e) {
      // stdout closed (for example piped into head): nothing more to do.
    }
    return 0;
  }

  private static void writeLine(JsonGenerator json, SyslogMessage message, CefParser cefParser)
      throws IOException {
    CefParseResult result = cefParser.parse(message.bytes(), message.messageOffset(),
        message.messageEnd() - message.messageOffset());
    json.writeStartObject();
    if (result instanceof CefParseResult.Parsed parsed) {
      json.writeBooleanField("ok", true);
      ParseJson.writeSyslog(json, message);
      ParseJson.writeCef(json, parsed.event());
    } else {
      CefParseResult.Rejected rejected = (CefParseResult.Rejected) result;
      json.writeBooleanField("ok", false);
      ParseJson.writeRejection(json, rejected);
      ParseJson.writeSyslog(json, message);
    }
    json.writeEndObject();
  }

  private static void writeTooLarge(JsonGenerator json) throws IOException {
    json.writeStartObject();
    json.writeBooleanField("ok", false);
    json.writeStringField("reason", "MESSAGE_TOO_LARGE");
    json.writeStringField("detail", "line longer than " + MAX_LINE + " bytes");
    json.writeEndObject();
  }

  /** Reads LF-terminated lines (CR before LF dropped) into a reusable, bounded buffer. */
  static final class LineReader {
    private final InputStream in;
    byte[] buffer = new byte[4096];
    int length;
    boolean tooLong;

    LineReader(InputStream in) {
      this.in = in;
    }

    boolean next() throws IOException {
      length = 0;
      tooLong = false;
      int b = in.read();
      if (b < 0) {
        return false;
      }
      while (b >= 0 && b != '\n') {
        if (length == MAX_LINE) {
          tooLong = true;
        } else {
          if (length == buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.min(MAX_LINE, buffer.length * 2));
          }
          buffer[length++] = (byte) b;
        }
        b = in.read();
      }
      if (length > 0 && buffer[length - 1] == '\r') {
        length--;
      }
      return true;
    }
  }
}
