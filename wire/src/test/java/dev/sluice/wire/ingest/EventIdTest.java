package dev.sluice.wire.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class EventIdTest {

  @Test
  void readsApplianceAndOffset() {
    assertEquals(Optional.of(new EventId("appl-7f3a", 1042)), EventId.parse("appl-7f3a:1042"));
    assertEquals(Optional.of(new EventId("a.b_c", Long.MAX_VALUE)), EventId.parse("a.b_c:" + Long.MAX_VALUE));
  }

  @Test
  void textFormRoundTrips() {
    EventId id = new EventId("appl-1", 7);
    assertEquals(Optional.of(id), EventId.parse(id.toString()));
  }

  @Test
  void refusesMalformedIdsWithoutThrowing() {
    for (String text : new String[] {null, "", ":1", "a:", "a", "a:-1", "a:1x", "a b:1", "a:9223372036854775808",
        "a:99999999999999999999", "x".repeat(65) + ":1", "a/../b:1"}) {
      assertTrue(EventId.parse(text).isEmpty(), String.valueOf(text));
    }
  }
}
