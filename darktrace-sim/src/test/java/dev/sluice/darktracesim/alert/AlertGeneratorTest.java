package dev.sluice.darktracesim.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AlertGeneratorTest {

  private static final Instant START = Instant.parse("2026-11-27T10:00:00Z");

  private static List<DarktraceAlert> take(long seed, int n) {
    AlertGenerator generator = new AlertGenerator(seed, START, AlertMix.TYPICAL);
    List<DarktraceAlert> alerts = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      alerts.add(generator.next());
    }
    return alerts;
  }

  @Test
  void sameSeedAndStartGiveTheSameStream() {
    assertEquals(take(42, 2_000), take(42, 2_000));
  }

  @Test
  void differentSeedsGiveDifferentStreams() {
    assertNotEquals(take(1, 50), take(2, 50));
  }

  @Test
  void typicalMixContainsEveryKindMostlyBreaches() {
    Map<AlertKind, Integer> kinds = new EnumMap<>(AlertKind.class);
    for (DarktraceAlert a : take(7, 10_000)) {
      kinds.merge(a.kind(), 1, Integer::sum);
    }
    assertTrue(kinds.get(AlertKind.MODEL_BREACH) > 8_000, kinds.toString());
    assertTrue(kinds.get(AlertKind.AI_ANALYST) > 700, kinds.toString());
    assertTrue(kinds.get(AlertKind.SYSTEM_STATUS) > 300, kinds.toString());
    assertEquals(null, kinds.get(AlertKind.TEST), "the test alert only comes from --verify");
  }

  @Test
  void breachIdsAreUniqueAndIncreasing() {
    long last = 0;
    Set<Long> seen = new HashSet<>();
    for (DarktraceAlert a : take(3, 5_000)) {
      if (a instanceof ModelBreach b) {
        assertTrue(b.pbid() > last);
        assertTrue(seen.add(b.pbid()));
        last = b.pbid();
      }
    }
  }

  @Test
  void alertTimesNeverGoBackwardsAndStartAtTheStartTime() {
    Instant last = START;
    for (DarktraceAlert a : take(5, 2_000)) {
      assertTrue(!a.time().isBefore(last));
      last = a.time();
    }
  }

  @Test
  void systemBreachesReportTheSystemDeviceAndNoPeer() {
    boolean found = false;
    for (DarktraceAlert a : take(11, 50_000)) {
      if (a instanceof ModelBreach b && b.model().path().equals("System::System")) {
        found = true;
        assertEquals(Device.SYSTEM, b.device());
        assertTrue(b.peer().isEmpty());
      }
    }
    assertTrue(found, "System::System breaches are rare but present");
  }

  @Test
  void mixParsesKindsAndRefusesUnknownOnes() {
    assertEquals(new AlertMix(80, 15, 5), AlertMix.parse("breach=80, ai-analyst=15,system-status=5"));
    assertEquals(new AlertMix(0, 1, 0), AlertMix.parse("ai-analyst=1"));
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class, () -> AlertMix.parse("email=3"));
    assertTrue(e.getMessage().contains("email"));
  }

  @Test
  void testAlertIsTheUnrestrictedTestModel() {
    ModelBreach test = AlertGenerator.testAlert(START);
    assertEquals(AlertKind.TEST, test.kind());
    assertEquals("Unrestricted Test Model", test.model().path());
    assertEquals(123, test.pbid());
  }
}
