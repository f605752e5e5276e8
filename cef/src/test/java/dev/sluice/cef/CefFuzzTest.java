package dev.sluice.cef;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Jazzer target. In a normal test run it replays the committed inputs under
 * {@code src/test/resources/dev/sluice/cef/CefFuzzTestInputs/<method>/}; with {@code JAZZER_FUZZ=1}
 * it fuzzes (see CONTRIBUTING.md).
 */
class CefFuzzTest {

  private final CefParser parser = new CefParser();

  /**
   * The parser never throws; every field of a parsed event can be read; and what the writer
   * makes of a parsed event parses back to the same header and extensions.
   */
  @FuzzTest(maxDuration = "10m")
  void cefParserNeverThrowsAndRewritesIdentically(byte[] input) {
    CefParseResult result = parser.parse(input);
    if (!(result instanceof CefParseResult.Parsed parsed)) {
      return;
    }
    CefEvent event = parsed.event();
    event.customFields();
    event.unkeyedText();
    event.prefix();
    event.text();
    event.repairs();
    for (int i = 0; i < event.extensionCount(); i++) {
      event.key(i);
      event.value(i);
    }
    CefRecord record;
    try {
      record = new CefRecord(event.version(), event.deviceVendor(), event.deviceProduct(),
          event.deviceVersion(), event.signatureId(), event.name(), event.severity(),
          event.extensions());
    } catch (IllegalArgumentException notWritable) {
      return;
    }
    CefParseResult again = parser.parse(CefWriter.toBytes(record));
    CefEvent reread = ((CefParseResult.Parsed) again).event();
    assertEquals(event.extensions(), reread.extensions());
    assertEquals(event.name(), reread.name());
    assertEquals(event.severity(), reread.severity());
    assertEquals(event.deviceVendor(), reread.deviceVendor());
  }
}
