package dev.sluice.cef;

import static dev.sluice.cef.CefAssertions.parsed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CefWriterTest {

  @Test
  void escapesHeaderAndExtensionAsTheStandardSays() {
    Map<String, String> ext = new LinkedHashMap<>();
    ext.put("msg", "a=b | c\\d\nline2\r");
    ext.put("dst", "");
    ext.put("ad.darktraceUrl", "https://h/#modelbreach/1");
    CefRecord record = CefRecord.of("Dark|trace", "DC\\IP", "6.1", "537", "A/B=C", "7", ext);
    String text = CefWriter.write(record);
    assertEquals("CEF:0|Dark\\|trace|DC\\\\IP|6.1|537|A/B=C|7|msg=a\\=b | c\\\\d\\nline2\\r dst="
        + " ad.darktraceUrl=https://h/#modelbreach/1", text);
    CefEvent e = parsed(text);
    assertEquals("Dark|trace", e.deviceVendor());
    assertEquals("DC\\IP", e.deviceProduct());
    assertEquals("A/B=C", e.name());
    assertEquals(ext, e.extensions());
  }

  @Test
  void refusesWhatCannotBeReadBackIdentically() {
    assertThrows(IllegalArgumentException.class,
        () -> CefRecord.of("V", "P", "1", "2", "line\nbreak", "5", Map.of()));
    assertThrows(IllegalArgumentException.class,
        () -> CefRecord.of("V", "P", "1", "2", "N", "5", Map.of("bad key", "x")));
    assertThrows(IllegalArgumentException.class,
        () -> CefRecord.of("V", "P", "1", "2", "N", "5", Map.of("ad.", "x")));
    assertThrows(IllegalArgumentException.class,
        () -> CefRecord.of("V", "P", "1", "2", "N", "5", Map.of("k", "trailing ")));
  }

  @Test
  void copiesTheExtensionMap() {
    Map<String, String> ext = new LinkedHashMap<>(Map.of("a", "1"));
    CefRecord record = CefRecord.of("V", "P", "1", "2", "N", "5", ext);
    ext.put("b", "2");
    assertEquals(Map.of("a", "1"), record.extensions());
  }
}
