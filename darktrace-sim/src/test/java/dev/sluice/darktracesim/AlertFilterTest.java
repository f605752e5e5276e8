package dev.sluice.darktracesim;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.darktracesim.alert.AiAnalystIncidentEvent;
import dev.sluice.darktracesim.alert.AlertGenerator;
import dev.sluice.darktracesim.alert.AlertMix;
import dev.sluice.darktracesim.alert.DarktraceAlert;
import dev.sluice.darktracesim.alert.ModelBreach;
import dev.sluice.darktracesim.alert.SystemStatusAlert;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertFilterTest {

  private static final List<DarktraceAlert> ALERTS = new ArrayList<>();

  static {
    AlertGenerator generator =
        new AlertGenerator(9, Instant.parse("2026-11-27T10:00:00Z"), AlertMix.TYPICAL);
    for (int i = 0; i < 5_000; i++) {
      ALERTS.add(generator.next());
    }
  }

  private static SyslogCefSettings settings(
      boolean ai, int minEvent, int minIncident, boolean breaches, int minScore, int minPriority,
      boolean status, int minStatusPriority) {
    return new SyslogCefSettings("127.0.0.1", 514, Transport.TCP, ai, minEvent, minIncident,
        breaches, minScore, minPriority, status, minStatusPriority, HeaderFormat.RFC3164,
        Framing.LF, MessageFormat.CEF, "dt.example.com", "6.2.4");
  }

  @Test
  void recommendedSettingsSendEverything() {
    AlertFilter filter = new AlertFilter(SyslogCefSettings.recommended("127.0.0.1", 514));
    assertTrue(ALERTS.stream().allMatch(filter::sends));
  }

  @Test
  void breachesBelowTheMinimumScoreOrPriorityAreNotSent() {
    AlertFilter filter = new AlertFilter(settings(true, 0, 0, true, 60, 3, true, 0));
    for (DarktraceAlert a : ALERTS) {
      if (a instanceof ModelBreach b) {
        boolean expected = b.percentScore() >= 60 && b.model().priority() >= 3;
        assertTrue(filter.sends(a) == expected, b.toString());
      }
    }
  }

  @Test
  void aiAnalystEventsNeedBothTheEventAndTheIncidentScore() {
    AlertFilter filter = new AlertFilter(settings(true, 50, 40, true, 0, 0, true, 0));
    int sent = 0;
    int held = 0;
    for (DarktraceAlert a : ALERTS) {
      if (a instanceof AiAnalystIncidentEvent e) {
        boolean expected = e.aiaScore() >= 50 && e.groupScore() >= 40;
        assertTrue(filter.sends(a) == expected, e.toString());
        if (expected) {
          sent++;
        } else {
          held++;
        }
      }
    }
    assertTrue(sent > 0 && held > 0, "the sample must exercise both sides");
  }

  @Test
  void kindsTurnedOffAreNeverSent() {
    AlertFilter filter = new AlertFilter(settings(false, 0, 0, false, 0, 0, false, 0));
    assertTrue(ALERTS.stream().noneMatch(filter::sends));
  }

  @Test
  void systemStatusBelowTheMinimumPriorityIsNotSent() {
    AlertFilter filter = new AlertFilter(settings(true, 0, 0, true, 0, 0, true, 70));
    for (DarktraceAlert a : ALERTS) {
      if (a instanceof SystemStatusAlert s) {
        assertTrue(filter.sends(a) == (s.priority() >= 70));
      }
    }
  }

  @Test
  void theTestAlertIsSentWhateverTheFilters() {
    AlertFilter filter = new AlertFilter(settings(false, 100, 100, false, 100, 5, false, 100));
    assertTrue(filter.sends(AlertGenerator.testAlert(Instant.EPOCH)));
    assertFalse(new AlertFilter(settings(false, 100, 100, false, 100, 5, false, 100))
        .sends(ALERTS.get(0)));
  }
}
