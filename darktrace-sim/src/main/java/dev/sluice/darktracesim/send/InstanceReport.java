package dev.sluice.darktracesim.send;

import dev.sluice.darktracesim.alert.AlertKind;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What one emulated instance did.
 *
 * @param hostname the instance's host name (the syslog HOSTNAME of its messages)
 * @param sent messages fully written to the socket
 * @param lost UDP datagrams refused by the receiver (TCP resends instead of losing)
 * @param bytes bytes of the sent messages, framing included
 * @param errors connection failures (refused connects, broken connections)
 * @param reconnects successful connects after the first
 * @param sentByKind sent messages by alert kind
 * @param failure why the instance stopped early, if it did
 */
public record InstanceReport(
    String hostname,
    long sent,
    long lost,
    long bytes,
    long errors,
    long reconnects,
    Map<AlertKind, Long> sentByKind,
    Optional<String> failure) {
  public InstanceReport {
    Objects.requireNonNull(hostname, "hostname");
    Objects.requireNonNull(failure, "failure");
    sentByKind = Map.copyOf(sentByKind);
  }
}
