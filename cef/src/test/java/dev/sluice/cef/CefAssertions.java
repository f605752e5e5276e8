package dev.sluice.cef;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.LinkedHashMap;
import java.util.Map;

/** Small helpers shared by the CEF tests. */
final class CefAssertions {

  private static final CefParser PARSER = new CefParser();

  private CefAssertions() {}

  static CefEvent parsed(String text) {
    return assertInstanceOf(CefParseResult.Parsed.class, PARSER.parse(text), text).event();
  }

  static CefParseResult.Rejected rejected(String text) {
    return assertInstanceOf(CefParseResult.Rejected.class, PARSER.parse(text), text);
  }

  /** An ordered map of alternating keys and values. */
  static Map<String, String> map(String... keyValues) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      map.put(keyValues[i], keyValues[i + 1]);
    }
    return map;
  }

  /** A CEF:0 header with the given extension. */
  static String cef(String extension) {
    return "CEF:0|Vendor|Product|1.0|100|Name|5|" + extension;
  }
}
