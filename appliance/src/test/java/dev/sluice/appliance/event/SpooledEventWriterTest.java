package dev.sluice.appliance.event;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SpooledEventWriterTest {
  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static SpooledEvent read(SpooledEventWriter w, int start, int length) {
    return SpooledEvent.decode(w.copy(start, length)).orElseThrow();
  }

  @Test
  void recordsWrittenBackToBackEachDecodeToWhatWasWritten() {
    SpooledEventWriter w = new SpooledEventWriter(16); // grows as needed
    int a = w.begin("int-1", 1_700_000_000_123L, "dt-1.corp", "10.0.0.5", "model_breach", true);
    w.write(utf8("{\"message\":\"one\"}"), 0, 17);
    int aLength = w.end(a);
    int b = w.begin("int-2", 5L, null, "::1", "ai_analyst", false);
    w.write(utf8("{\"x\":\"zwei — ü\"}"), 0, utf8("{\"x\":\"zwei — ü\"}").length);
    int bLength = w.end(b);

    SpooledEvent first = read(w, a, aLength);
    assertEquals("int-1", first.integrationId());
    assertEquals(1_700_000_000_123L, first.receiveTimeMillis());
    assertEquals("10.0.0.5", first.senderAddress());
    assertEquals("model_breach", first.alertKind());
    assertEquals("dt-1.corp", first.senderHostname());
    assertTrue(first.testAlert());
    assertArrayEquals(utf8("{\"message\":\"one\"}"), first.ocsfJson());
    SpooledEvent second = read(w, b, bLength);
    assertNull(second.senderHostname());
    assertEquals("::1", second.senderAddress());
    assertEquals(5L, second.receiveTimeMillis());
    assertArrayEquals(utf8("{\"x\":\"zwei — ü\"}"), second.ocsfJson());
    assertEquals(aLength + bLength, w.size());
  }

  @Test
  void encodeMatchesTheWriterAndNonAsciiStringsSurvive() {
    SpooledEvent e = new SpooledEvent("int-ä", 42L, "höst", "127.0.0.1", "model_breach", false,
        utf8("{}"));
    SpooledEvent back = SpooledEvent.decode(e.encode()).orElseThrow();
    assertEquals("int-ä", back.integrationId());
    assertEquals("höst", back.senderHostname());
    assertArrayEquals(utf8("{}"), back.ocsfJson());
  }

  @Test
  void rolledBackRecordLeavesNoTrace() {
    SpooledEventWriter w = new SpooledEventWriter(64);
    int a = w.begin("int-1", 1L, "h", "a", "k", false);
    w.write(utf8("{}"), 0, 2);
    int aLength = w.end(a);
    int b = w.begin("int-1", 2L, "h", "a", "k", false);
    w.write(utf8("{\"half"), 0, 6);
    w.rollBack(b);
    assertEquals(aLength, w.size());
    assertThrows(IllegalStateException.class, () -> w.end(b));
  }

  @Test
  void tooLongStringIsRefusedWithoutWritingAnything() {
    SpooledEventWriter w = new SpooledEventWriter(64);
    String huge = "x".repeat(70_000);
    assertThrows(IllegalArgumentException.class,
        () -> w.begin("int-1", 1L, huge, "a", "k", false));
    assertEquals(0, w.size());
  }
}
