package dev.sluice.darktracesim.send;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sluice.darktracesim.AlertFilter;
import dev.sluice.darktracesim.SyslogCefSettings;
import dev.sluice.darktracesim.alert.AlertGenerator;
import dev.sluice.darktracesim.alert.AlertKind;
import dev.sluice.darktracesim.alert.AlertMix;
import dev.sluice.darktracesim.alert.DarktraceAlert;
import dev.sluice.darktracesim.render.SyslogMessageWriter;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MessagePoolTest {

  private static final Instant START = Instant.parse("2026-11-27T10:00:00Z");
  private static final SyslogCefSettings SETTINGS = SyslogCefSettings.recommended("127.0.0.1", 1);

  private static MessagePool pool(int size) {
    return MessagePool.render(new AlertGenerator(3, START, AlertMix.TYPICAL),
        new AlertFilter(SETTINGS), new SyslogMessageWriter(SETTINGS), size);
  }

  @Test
  void holdsTheGeneratorsFirstMessagesInOrder() {
    MessagePool pool = pool(100);
    AlertGenerator generator = new AlertGenerator(3, START, AlertMix.TYPICAL);
    SyslogMessageWriter writer = new SyslogMessageWriter(SETTINGS);
    for (int i = 0; i < 100; i++) {
      assertEquals(Arrays.toString(writer.frame(generator.next())),
          Arrays.toString(pool.message(i)), "message " + i);
    }
  }

  @Test
  void countsKindsAndBytesOfAStreamThatCyclesThroughThePool() {
    MessagePool pool = pool(50);
    AlertGenerator generator = new AlertGenerator(3, START, AlertMix.TYPICAL);
    Map<AlertKind, Long> once = new EnumMap<>(AlertKind.class);
    long bytes = 0;
    for (AlertKind k : AlertKind.values()) {
      once.put(k, 0L);
    }
    DarktraceAlert[] first = new DarktraceAlert[50];
    for (int i = 0; i < 50; i++) {
      first[i] = generator.next();
      bytes += pool.message(i).length;
    }
    Map<AlertKind, Long> expected = new EnumMap<>(once);
    for (int i = 0; i < 130; i++) {
      expected.merge(first[i % 50].kind(), 1L, Long::sum);
    }
    assertEquals(expected, pool.kindsOfFirst(130));
    assertEquals(2 * bytes + pool.bytesOfFirst(30), pool.bytesOfFirst(130));
  }

  @Test
  void countsWholeMessagesInAPartialWrite() {
    MessagePool pool = pool(10);
    int first = pool.message(2).length;
    int second = pool.message(3).length;
    assertEquals(0, pool.completeMessages(2, first - 1));
    assertEquals(1, pool.completeMessages(2, first));
    assertEquals(1, pool.completeMessages(2, first + second - 1));
    assertEquals(2, pool.completeMessages(2, first + second));
  }
}
