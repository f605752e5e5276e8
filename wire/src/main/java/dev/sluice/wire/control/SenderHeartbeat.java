package dev.sluice.wire.control;

import java.time.Instant;

/**
 * One sender (e.g. one Darktrace DETECT instance) seen by an integration's listener.
 *
 * @param hostname the syslog HOSTNAME it sends, or empty when its messages carry none
 * @param peerAddress the TCP peer address it connects from
 * @param received frames received from it
 * @param accepted events accepted from it
 * @param rejected frames rejected from it
 * @param lastEventTime when its last accepted event was received, absent if none
 * @param testAlertsSeen test alerts accepted from it
 */
public record SenderHeartbeat(
    String hostname,
    String peerAddress,
    long received,
    long accepted,
    long rejected,
    Instant lastEventTime,
    long testAlertsSeen) {

  public SenderHeartbeat {
    hostname = hostname == null ? "" : Validation.bounded(hostname, "hostname", 255);
    peerAddress = peerAddress == null ? "" : Validation.bounded(peerAddress, "peerAddress", 64);
    Validation.requireNonNegative(received, "received");
    Validation.requireNonNegative(accepted, "accepted");
    Validation.requireNonNegative(rejected, "rejected");
    Validation.requireNonNegative(testAlertsSeen, "testAlertsSeen");
  }
}
