package dev.sluice.wire.ingest;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One normalized alert in an {@link IngestBatch}.
 *
 * @param eventId the stable id, text form of {@link EventId} ({@code <applianceId>:<offset>})
 * @param receiveTime when the appliance received the message, milliseconds since the epoch
 * @param sender who sent the syslog message
 * @param alertKind the Darktrace alert kind (e.g. {@code model_breach}, {@code ai_analyst},
 *     {@code system_status}), as named by the normalizer
 * @param testAlert whether this is a test alert (marked, never dropped)
 * @param ocsf the OCSF record as JSON (an object; Detection Finding, class 2004)
 */
public record IngestEvent(
    String eventId, long receiveTime, Sender sender, String alertKind, boolean testAlert, JsonNode ocsf) {

  public IngestEvent {
    // Kept lenient on purpose: the lake validates every field and rejects one event, not the batch.
    sender = sender == null ? Sender.UNKNOWN : sender;
    alertKind = alertKind == null ? "" : alertKind;
  }

  /**
   * The syslog sender of one message.
   *
   * @param hostname the syslog header's hostname (may be null)
   * @param address the peer IP address of the TCP connection (may be null)
   */
  public record Sender(String hostname, String address) {
    public static final Sender UNKNOWN = new Sender(null, null);
  }
}
