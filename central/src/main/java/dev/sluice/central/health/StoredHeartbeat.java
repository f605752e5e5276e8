package dev.sluice.central.health;

import dev.sluice.wire.control.Heartbeat;
import java.time.Instant;
import java.util.Map;

/**
 * The last heartbeat of an appliance as central keeps it: the message, when central received it,
 * and each integration's accepted-event rate since the heartbeat before.
 */
public record StoredHeartbeat(Heartbeat heartbeat, Instant receivedAt, Map<String, Double> eventsPerMinute) {
  public StoredHeartbeat {
    eventsPerMinute = eventsPerMinute == null ? Map.of() : Map.copyOf(eventsPerMinute);
  }
}
