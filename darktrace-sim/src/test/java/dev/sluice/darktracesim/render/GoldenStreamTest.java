package dev.sluice.darktracesim.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sluice.darktracesim.AlertFilter;
import dev.sluice.darktracesim.Framing;
import dev.sluice.darktracesim.HeaderFormat;
import dev.sluice.darktracesim.MessageFormat;
import dev.sluice.darktracesim.SyslogCefSettings;
import dev.sluice.darktracesim.Transport;
import dev.sluice.darktracesim.alert.AlertGenerator;
import dev.sluice.darktracesim.alert.AlertMix;
import dev.sluice.darktracesim.alert.DarktraceAlert;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The first messages of seeded streams, pinned as golden files under
 * src/test/resources/golden/. Regenerate after an intended change with
 * {@code ./mvnw -pl darktrace-sim test -Dtest=GoldenStreamTest -Dgolden.update=true} and review
 * the diff.
 */
class GoldenStreamTest {

  private static final Path GOLDEN = Path.of("src/test/resources/golden");

  @ParameterizedTest
  @CsvSource({
    "seed-42-cef-rfc3164, CEF, RFC3164",
    "seed-42-cef-rfc5424, CEF, RFC5424",
    "seed-42-json-rfc5424, JSON, RFC5424",
  })
  void seededStreamMatchesGoldenFile(String name, MessageFormat format, HeaderFormat header)
      throws IOException {
    SyslogCefSettings settings = new SyslogCefSettings("127.0.0.1", 514, Transport.TCP, true, 0,
        0, true, 0, 0, true, 0, header, Framing.LF, format, "dt-master-01.corp.example.com",
        "6.2.4");
    AlertGenerator generator = new AlertGenerator(42, Instant.parse("2026-11-27T10:00:00Z"),
        new AlertMix(700, 200, 100));
    AlertFilter filter = new AlertFilter(settings);
    SyslogMessageWriter writer = new SyslogMessageWriter(settings);
    List<String> lines = new ArrayList<>();
    lines.add(writer.message(AlertGenerator.testAlert(Instant.parse("2026-11-27T09:59:00Z"))));
    while (lines.size() < 25) {
      DarktraceAlert alert = generator.next();
      if (filter.sends(alert)) {
        lines.add(writer.message(alert));
      }
    }
    Path file = GOLDEN.resolve(name + ".txt");
    String actual = String.join("\n", lines) + "\n";
    if (Boolean.getBoolean("golden.update")) {
      Files.createDirectories(GOLDEN);
      Files.writeString(file, actual, StandardCharsets.UTF_8);
    }
    List<String> expected = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int i = 0; i < Math.max(expected.size(), lines.size()); i++) {
      assertEquals(i < expected.size() ? expected.get(i) : "<missing>",
          i < lines.size() ? lines.get(i) : "<missing>", name + " line " + (i + 1));
    }
  }
}
