package dev.sluice.wire.control;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One integration's state on the appliance.
 *
 * @param integrationId the integration
 * @param listener whether its TCP listener is up
 * @param listenerError why the listener failed (e.g. {@code address already in use}), absent when listening
 * @param received frames received
 * @param accepted events accepted (validated, spooled and fsync'd)
 * @param rejectedByReason rejected frames by stable rejection code (e.g. {@code NOT_CEF})
 * @param lastEventTime when the last accepted event was received, absent if none yet
 * @param testAlertsSeen test alerts accepted (e.g. Darktrace's "Verify alert sending")
 * @param senders per-sender details, at most 1000 (the busiest)
 */
public record IntegrationHeartbeat(
    String integrationId,
    ListenerState listener,
    String listenerError,
    long received,
    long accepted,
    Map<String, Long> rejectedByReason,
    Instant lastEventTime,
    long testAlertsSeen,
    List<SenderHeartbeat> senders) {

  public IntegrationHeartbeat {
    Validation.requireText(integrationId, "integrationId", 64);
    listener = listener == null ? ListenerState.LISTENING : listener;
    Validation.requireNonNegative(received, "received");
    Validation.requireNonNegative(accepted, "accepted");
    Validation.requireNonNegative(testAlertsSeen, "testAlertsSeen");
    rejectedByReason = rejectedByReason == null ? Map.of() : Map.copyOf(new TreeMap<>(rejectedByReason));
    senders = senders == null ? List.of() : List.copyOf(senders);
    if (senders.size() > 1_000) {
      throw new IllegalArgumentException("at most 1000 senders per integration");
    }
  }

  /** Frames rejected for any reason. */
  public long rejected() {
    return rejectedByReason.values().stream().mapToLong(Long::longValue).sum();
  }
}
