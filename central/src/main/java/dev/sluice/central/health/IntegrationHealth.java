package dev.sluice.central.health;

import dev.sluice.wire.control.SenderHeartbeat;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An integration's health for its details page.
 *
 * @param status what it is doing
 * @param reason why it failed or is offline, absent otherwise
 * @param lastEventTime when the last event was received
 * @param eventsPerMinute accepted events per minute between the last two heartbeats
 * @param received frames received since the appliance started
 * @param accepted events accepted since the appliance started
 * @param rejected frames rejected since the appliance started
 * @param rejectedByReason rejections by stable code
 * @param testAlertsSeen test alerts accepted
 * @param senders per-sender details
 */
public record IntegrationHealth(
    IntegrationStatus status,
    String reason,
    Instant lastEventTime,
    double eventsPerMinute,
    long received,
    long accepted,
    long rejected,
    Map<String, Long> rejectedByReason,
    long testAlertsSeen,
    List<SenderHeartbeat> senders) {

  public static IntegrationHealth of(IntegrationStatus status, String reason) {
    return new IntegrationHealth(status, reason, null, 0, 0, 0, 0, Map.of(), 0, List.of());
  }
}
