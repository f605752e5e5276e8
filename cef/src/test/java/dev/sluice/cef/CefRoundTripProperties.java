package dev.sluice.cef;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * What {@link CefWriter} writes, {@link CefParser} reads back identically. Values are drawn from
 * an alphabet rich in the characters that matter (space, {@code =}, {@code \}, {@code |}, line
 * breaks, quotes, non-ASCII); jqwik prints the seed of any failure.
 */
class CefRoundTripProperties {

  private final CefParser parser = new CefParser();

  @Property(tries = 500)
  void anyWrittenRecordParsesBackEqual(@ForAll("records") CefRecord record) {
    String written = CefWriter.write(record);
    CefEvent event = ((CefParseResult.Parsed) parser.parse(written)).event();
    assertEquals(record.extensions(), event.extensions(), () -> visible(written));
    assertEquals(record.extensions().size(), event.extensionCount());
    assertEquals(record.version(), event.version());
    assertEquals(record.deviceVendor(), event.deviceVendor());
    assertEquals(record.deviceProduct(), event.deviceProduct());
    assertEquals(record.deviceVersion(), event.deviceVersion());
    assertEquals(record.signatureId(), event.signatureId());
    assertEquals(record.name(), event.name());
    assertEquals(record.severity(), event.severity());
  }

  @Provide
  Arbitrary<CefRecord> records() {
    Arbitrary<String> text = Arbitraries.strings()
        .withChars("aZ09 =\\|\n\r\t\"'#/:.-_é€~[]")
        .ofMaxLength(24)
        .map(s -> s.replace("~", "\uD83D\uDE00"));
    Arbitrary<String> headerText = text.map(s -> s.replace('\n', ' ').replace('\r', ' '));
    Arbitrary<String> key = Arbitraries.strings().withChars("abcXYZ019_").ofMinLength(1)
        .ofMaxLength(6)
        .flatMap(stem -> Arbitraries.of("", ".x", "-y", "[0]", "Label").map(tail -> stem + tail));
    Arbitrary<Map<String, String>> extensions = Arbitraries.maps(key, text).ofMaxSize(10)
        .map(LinkedHashMap::new)
        .map(CefRoundTripProperties::withoutTrailingWhitespaceOnLastValue);
    Arbitrary<String> severity = Arbitraries.of("0", "5", "10", "Low", "Very-High", "odd|sev");
    return Combinators.combine(Arbitraries.integers().between(0, 1), headerText, headerText,
            headerText, headerText, severity, extensions)
        .as((version, vendor, product, name, signature, sev, ext) ->
            new CefRecord(version, vendor, product, "1.0", signature, name, sev, ext));
  }

  /** Line breaks made visible, so a failure report stays on one line. */
  private static String visible(String text) {
    return text.replace("\n", "<LF>").replace("\r", "<CR>").replace("\t", "<TAB>");
  }

  private static Map<String, String> withoutTrailingWhitespaceOnLastValue(
      Map<String, String> map) {
    String last = null;
    for (String k : map.keySet()) {
      last = k;
    }
    if (last != null) {
      map.put(last, map.get(last).stripTrailing() + "!");
    }
    return map;
  }
}
