package dev.sluice.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import dev.sluice.cef.CefParseResult;
import dev.sluice.cef.CefParser;
import dev.sluice.syslog.SyslogMessage;
import dev.sluice.syslog.SyslogParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden files for the {@code syslog} and {@code cef} parts of {@code ./sluice parse} (the
 * syslog parser, the CEF parser and {@link ParseJson}, without the Darktrace pipeline): each input
 * under {@code src/test/resources/golden/}
 * ({@code <source>.txt}, one message per line) against {@code <source>.expected.json} (the output
 * objects pretty-printed, so a diff shows which field changed). The Darktrace corpus is read from
 * its canonical copy in the cef module. Regenerate after an intended change with
 * {@code ./mvnw -o -pl cli -am test -Dtest=ParseGoldenTest -Dsurefire.failIfNoSpecifiedTests=false -Dsluice.golden.update=true}
 * and review the diff.
 */
class ParseGoldenTest {

  private static final Path GOLDEN = Path.of("src/test/resources/golden");
  private static final Path DARKTRACE_CORPUS =
      Path.of("../cef/src/test/resources/corpus/darktrace-public-samples.txt");
  private static final Instant RECEIVED = Instant.parse("2026-12-31T23:58:00Z");

  static Stream<Path> inputs() throws IOException {
    try (Stream<Path> files = Files.list(GOLDEN)) {
      return Stream.concat(files.filter(p -> p.toString().endsWith(".txt")).sorted().toList().stream(),
          Stream.of(DARKTRACE_CORPUS));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("inputs")
  void parseOutputMatchesGoldenFile(Path input) throws IOException {
    String name = input.getFileName().toString().replaceFirst("\\.txt$", "");
    Path expectedFile = GOLDEN.resolve(name + ".expected.json");
    String actual = prettyPrint(run(Files.readAllBytes(input)));
    if (Boolean.getBoolean("sluice.golden.update")) {
      Files.writeString(expectedFile, actual);
    }
    assertEquals(Files.readString(expectedFile), actual, "golden file " + expectedFile);
  }

  /** Syslog then CEF per line, written as the parse command writes those parts. */
  private static String run(byte[] input) throws IOException {
    SyslogParser syslogParser = new SyslogParser();
    CefParser cefParser = new CefParser();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
      json.setRootValueSeparator(null);
      for (String line : new String(input, StandardCharsets.UTF_8).split("\n")) {
        if (line.isEmpty()) {
          continue;
        }
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        SyslogMessage message = syslogParser.parse(bytes, 0, bytes.length,
            RECEIVED.toEpochMilli());
        CefParseResult result = cefParser.parse(bytes, message.messageOffset(),
            message.messageEnd() - message.messageOffset());
        json.writeStartObject();
        json.writeBooleanField("ok", result instanceof CefParseResult.Parsed);
        if (result instanceof CefParseResult.Rejected rejected) {
          ParseJson.writeRejection(json, rejected);
        }
        ParseJson.writeSyslog(json, message);
        if (result instanceof CefParseResult.Parsed parsed) {
          ParseJson.writeCef(json, parsed.event());
        }
        json.writeEndObject();
        json.writeRaw('\n');
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /** One pretty-printed object per input line, objects separated by a blank line. */
  private static String prettyPrint(String jsonLines) throws IOException {
    JsonFactory factory = new JsonFactory();
    StringWriter out = new StringWriter();
    for (String line : jsonLines.split("\n")) {
      try (JsonParser parser = factory.createParser(line);
           JsonGenerator generator = factory.createGenerator(out).useDefaultPrettyPrinter()) {
        parser.nextToken();
        generator.copyCurrentStructure(parser);
      }
      out.write("\n\n");
    }
    return out.toString();
  }
}
