package dev.sluice.console.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FormatTest {

  private static final Instant NOW = Instant.parse("2026-11-27T18:00:00Z");

  @Test
  void relativeTimesReadLikeSpeech() {
    assertEquals("just now", Format.relative(NOW.minusSeconds(10), NOW));
    assertEquals("3 min ago", Format.relative(NOW.minus(Duration.ofMinutes(3)), NOW));
    assertEquals("5 h ago", Format.relative(NOW.minus(Duration.ofHours(5)), NOW));
    assertEquals("1 day ago", Format.relative(NOW.minus(Duration.ofHours(26)), NOW));
    assertEquals("12 days ago", Format.relative(NOW.minus(Duration.ofDays(12)), NOW));
    assertEquals("in 4 min", Format.relative(NOW.plus(Duration.ofMinutes(4)), NOW));
    assertEquals("—", Format.relative(null, NOW));
    assertEquals("2026-11-27 18:00:00 UTC", Format.absolute(NOW));
  }

  @Test
  void countsAndSizesHaveSeparatorsAndUnits() {
    assertEquals("1,234,567", Format.count(1_234_567));
    assertEquals("0", Format.count(0));
    assertEquals("512 B", Format.bytes(512));
    assertEquals("46.0 MiB", Format.bytes(48_234_496));
    assertEquals("166 MiB", Format.bytes(174_063_616));
  }

  @Test
  void csrfTokensCompareOnlyWhenEqual() {
    ConsoleSession session = new ConsoleSession("id", new dev.sluice.console.backend.Principal(
        "t", "tenant", "Tenant", "a@b.c", null, dev.sluice.console.backend.Principal.Role.ADMIN),
        "token-123", NOW);
    assertEquals(true, SessionStore.csrfMatches(session, "token-123"));
    assertEquals(false, SessionStore.csrfMatches(session, "token-124"));
    assertEquals(false, SessionStore.csrfMatches(session, null));
  }
}
