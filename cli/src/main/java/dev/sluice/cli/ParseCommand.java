package dev.sluice.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.sluice.cef.CefParseResult;
import dev.sluice.darktrace.AcceptedFormats;
import dev.sluice.darktrace.DarktracePipeline;
import dev.sluice.darktrace.DarktraceResult;
import dev.sluice.darktrace.PipelineOptions;
import dev.sluice.darktrace.TenantContext;
import dev.sluice.ocsf.OcsfJsonWriter;
import dev.sluice.ocsf.OcsfVersion;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * {@code sluice parse}: one syslog message per stdin line in, one JSON object per line out, through
 * the Darktrace pipeline ({@code dev.sluice.darktrace.DarktracePipeline}):
 * {@code {"ok":true,"syslog":{...},"cef":{...},"darktrace":{...},"ocsf":{...}}} ({@code cef} absent
 * for Syslog JSON alerts) or {@code {"ok":false,"reason":"CODE","detail":"...","syslog":{...}}}
 * (with the {@code cef} part that was read). Empty lines are skipped. Exit code 0 unless stdin
 * or the tenant context cannot be read.
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

  @Option(names = "--tenant-context", paramLabel = "FILE",
      description = "JSON with internal_domains and internal_ip_ranges (CIDR) for internal/external"
          + " enrichment (default: the seven default private ranges only).")
  Path tenantContext;

  @Option(names = "--formats", paramLabel = "LIST",
      description = "Accepted Darktrace formats, comma-separated: cef, json (default: cef).")
  String formats = "cef";

  @Option(names = "--ocsf-version", paramLabel = "X.Y.Z",
      description = "OCSF version written to metadata.version (default: ${DEFAULT-VALUE}).")
  String ocsfVersion = OcsfVersion.DEFAULT.toString();

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
    PrintWriter err = spec == null ? new PrintWriter(System.err, true) : spec.commandLine().getErr();
    TenantContext tenant;
    AcceptedFormats accepted;
    DarktracePipeline pipeline;
    try {
      tenant = tenantContext == null ? TenantContext.defaults() : readTenant(tenantContext);
      accepted = AcceptedFormats.parse(formats);
      pipeline = new DarktracePipeline(new PipelineOptions(OcsfVersion.parse(ocsfVersion), zone));
    } catch (IOException | IllegalArgumentException e) {
      err.println("sluice parse: " + e.getMessage());
      return 2;
    }
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
            writeLine(json, pipeline.process(line, 0, line.length, received, tenant, accepted));
          }
          json.writeRaw('\n');
        }
      } catch (IOException e) {
        json.flush();
        err.println("sluice parse: cannot read stdin: " + e.getMessage());
        return 2;
      }
    } catch (IOException e) {
      // stdout closed (for example piped into head): nothing more to do.
    }
    return 0;
  }

  private static TenantContext readTenant(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return TenantContext.fromJson(in);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("tenant context " + file + ": " + e.getMessage(), e);
    }
  }

  private static void writeLine(JsonGenerator json, DarktraceResult result) throws IOException {
    json.writeStartObject();
    if (result instanceof DarktraceResult.Accepted a) {
      json.writeBooleanField("ok", true);
      ParseJson.writeSyslog(json, a.syslog());
      if (a.cef() != null) {
        ParseJson.writeCef(json, a.cef());
      }
      json.writeObjectFieldStart("darktrace");
      json.writeStringField("kind", a.kind().name());
      json.writeStringField("format", a.format().name());
      json.writeStringField("alertType", a.alertType());
      json.writeBooleanField("testAlert", a.testAlert());
      json.writeStringField("senderHostname", a.senderHostname());
      json.writeEndObject();
      json.writeFieldName("ocsf");
      OcsfJsonWriter.write(a.finding(), json);
    } else {
      DarktraceResult.Rejected r = (DarktraceResult.Rejected) result;
      json.writeBooleanField("ok", false);
      json.writeStringField("reason", r.code());
      json.writeStringField("detail", r.detail());
      if (r.cef() instanceof CefParseResult.Parsed parsed) {
        ParseJson.writeCef(json, parsed.event());
      } else if (r.cef() instanceof CefParseResult.Rejected cefRejected) {
        ParseJson.writeHeaderFields(json, cefRejected);
      }
      ParseJson.writeSyslog(json, r.syslog());
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
