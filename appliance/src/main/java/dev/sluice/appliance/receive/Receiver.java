package dev.sluice.appliance.receive;

import dev.sluice.appliance.event.SpooledEvent;
import dev.sluice.appliance.health.ThrottledLog;
import dev.sluice.spool.Spool;
import dev.sluice.wire.control.IntegrationConfig;
import dev.sluice.wire.control.TenantSettings;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.LongAdder;

/**
 * What happens to each frame of one integration: processed into an alert and appended to the
 * spool (accepted), or quarantined with its reason (rejected); counted per sender either way.
 * Shared by all connections of the integration's listener; thread-safe.
 */
public final class Receiver {
  private final FrameProcessor processor;
  private final Spool spool;
  private final ReceiveCounters counters;
  private final Quarantine quarantine;
  private final ThrottledLog log;
  private final Clock clock;
  private volatile IntegrationConfig integration;
  private volatile TenantSettings tenant;
  final LongAdder spoolRefusals = new LongAdder();

  public Receiver(IntegrationConfig integration, TenantSettings tenant, FrameProcessor processor,
      Spool spool, ReceiveCounters counters, Quarantine quarantine, ThrottledLog log,
      Clock clock) {
    this.integration = integration;
    this.tenant = tenant;
    this.processor = processor;
    this.spool = spool;
    this.counters = counters;
    this.quarantine = quarantine;
    this.log = log;
    this.clock = clock;
  }

  public IntegrationConfig integration() {
    return integration;
  }

  /** Takes a new configuration of the same listener (name, vendor, tenant context). */
  public void update(IntegrationConfig newIntegration, TenantSettings newTenant) {
    this.integration = newIntegration;
    this.tenant = newTenant;
  }

  /** One complete frame from {@code peerAddress}. */
  public void onFrame(byte[] bytes, int offset, int length, String peerAddress) {
    long now = clock.millis();
    IntegrationConfig current = integration;
    FrameProcessor.Outcome outcome = processor.process(bytes, offset, length, now, current,
        tenant);
    if (outcome instanceof FrameProcessor.Outcome.Accepted a) {
      ReceiveCounters.Sender sender = counters.sender(current.id(), a.hostname(), peerAddress);
      sender.received(now);
      byte[] record = new SpooledEvent(current.id(), now, a.hostname(), peerAddress,
          a.alertKind(), a.testAlert(), a.ocsfJson()).encode();
      if (record.length > spool.config().maxRecordBytes()) {
        reject(sender, bytes, offset, length, peerAddress, a.hostname(), "EVENT_TOO_LARGE",
            "normalized event of " + record.length + " bytes exceeds the spool's record limit");
        return;
      }
      spool.append(record);
      sender.accepted(a.testAlert());
    } else {
      FrameProcessor.Outcome.Rejected r = (FrameProcessor.Outcome.Rejected) outcome;
      ReceiveCounters.Sender sender = counters.sender(current.id(), r.hostname(), peerAddress);
      sender.received(now);
      reject(sender, bytes, offset, length, peerAddress, r.hostname(), r.code(), r.detail());
    }
  }

  /** A frame the framer dropped (too large, cut off at end of stream). */
  public void onFrameDiscarded(String code, long length, String peerAddress) {
    long now = clock.millis();
    ReceiveCounters.Sender sender = counters.sender(integration.id(), null, peerAddress);
    sender.received(now);
    reject(sender, new byte[0], 0, 0, peerAddress, null, code,
        "frame of " + length + " bytes dropped");
  }

  private void reject(ReceiveCounters.Sender sender, byte[] bytes, int offset, int length,
      String peerAddress, String hostname, String code, String detail) {
    sender.rejected(code);
    quarantine.add(Instant.ofEpochMilli(clock.millis()), integration.id(), peerAddress, hostname,
        code, detail, bytes, offset, length);
    log.warn("frame_rejected." + code, "integration=" + integration.id() + " peer="
        + peerAddress + " code=" + code);
  }
}
