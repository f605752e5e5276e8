package dev.sluice.appliance.receive;

import dev.sluice.appliance.health.ThrottledLog;
import dev.sluice.spool.Spool;
import dev.sluice.wire.control.IntegrationConfig;
import dev.sluice.wire.control.TenantSettings;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * What happens to the frames of one integration: each is processed into an alert whose spool
 * record is encoded ({@link #process}, on a pipeline worker), then the batch's records are
 * appended to the spool and every frame is counted per sender, accepted or quarantined with its
 * reason ({@link #deliver}, in arrival order per connection). Shared by all connections of the
 * integration's listener; thread-safe.
 */
public final class Receiver {
  private static final byte[] NO_BYTES = new byte[0];
  private final FrameProcessor processor;
  private final Spool spool;
  private final ReceiveCounters counters;
  private final Quarantine quarantine;
  private final ThrottledLog log;
  private final Clock clock;
  private volatile Settings settings;

  private record Settings(IntegrationConfig integration, TenantSettings tenant) {}

  public Receiver(IntegrationConfig integration, TenantSettings tenant, FrameProcessor processor,
      Spool spool, ReceiveCounters counters, Quarantine quarantine, ThrottledLog log,
      Clock clock) {
    this.settings = new Settings(integration, tenant);
    this.processor = processor;
    this.spool = spool;
    this.counters = counters;
    this.quarantine = quarantine;
    this.log = log;
    this.clock = clock;
  }

  public IntegrationConfig integration() {
    return settings.integration();
  }

  long now() {
    return clock.millis();
  }

  /** Takes a new configuration of the same listener (name, vendor, tenant context). */
  public void update(IntegrationConfig newIntegration, TenantSettings newTenant) {
    this.settings = new Settings(newIntegration, newTenant);
  }

  /**
   * Processes every frame of {@code b}: accepted ones become spool records in {@code b.records},
   * the others get their rejection code. Never throws for a bad frame.
   */
  void process(FrameBatch b, String peer) {
    Settings s = settings;
    String integrationId = s.integration().id();
    int maxRecord = spool.config().maxRecordBytes();
    b.recordCount = 0;
    for (int i = 0; i < b.count; i++) {
      b.accepted[i] = false;
      if (b.lengths[i] < 0) {
        b.hostnames[i] = null;
        b.rejectCodes[i] = b.discardCodes[i];
        b.rejectDetails[i] = "frame of " + b.discardSizes[i] + " bytes dropped";
        continue;
      }
      FrameProcessor.Outcome outcome;
      try {
        outcome = processor.process(b.data, b.starts[i], b.lengths[i], b.times[i],
            s.integration(), s.tenant());
      } catch (RuntimeException e) {
        // Processors promise not to throw; if one does, this frame is lost, not the batch.
        outcome = new FrameProcessor.Outcome.Rejected(null, "PIPELINE_ERROR", e.toString());
      }
      if (outcome instanceof FrameProcessor.Outcome.Accepted a) {
        b.hostnames[i] = a.hostname();
        b.testAlerts[i] = a.testAlert();
        encode(b, i, integrationId, peer, a, maxRecord);
      } else {
        FrameProcessor.Outcome.Rejected r = (FrameProcessor.Outcome.Rejected) outcome;
        b.hostnames[i] = r.hostname();
        b.rejectCodes[i] = r.code();
        b.rejectDetails[i] = r.detail();
      }
    }
  }

  /** Appends frame {@code i}'s spool record to the batch, or marks it rejected. */
  private void encode(FrameBatch b, int i, String integrationId, String peer,
      FrameProcessor.Outcome.Accepted a, int maxRecord) {
    int start = b.records.size();
    int length;
    try {
      b.records.begin(integrationId, b.times[i], a.hostname(), peer, a.alertKind(),
          a.testAlert());
      a.ocsf().writeTo(b.json);
      length = b.records.end(start);
    } catch (Exception e) {
      b.records.rollBack(start);
      b.json.discardGenerator();
      b.rejectCodes[i] = "PIPELINE_ERROR";
      b.rejectDetails[i] = "could not write the OCSF record: " + e;
      return;
    }
    if (length > maxRecord) {
      b.records.rollBack(start);
      b.rejectCodes[i] = "EVENT_TOO_LARGE";
      b.rejectDetails[i] = "normalized event of " + length
          + " bytes exceeds the spool's record limit";
      return;
    }
    b.accepted[i] = true;
    b.recordStarts[b.recordCount] = start;
    b.recordLengths[b.recordCount] = length;
    b.recordCount++;
  }

  /**
   * Appends the batch's records to the spool, then counts every frame (accepted only once its
   * record is in the spool) and quarantines the rejected ones. Called in arrival order per
   * connection.
   *
   * @throws IllegalStateException if the spool is closed or failed (nothing is counted then)
   */
  void deliver(FrameBatch b, String peer, SenderCache cache) {
    if (b.recordCount > 0) {
      spool.appendAll(b.records.array(), b.recordStarts, b.recordLengths, b.recordCount);
    }
    String integrationId = settings.integration().id();
    for (int i = 0; i < b.count; i++) {
      ReceiveCounters.Sender sender = cache.sender(counters, integrationId, b.hostnames[i], peer);
      if (b.accepted[i]) {
        sender.accepted(b.testAlerts[i]);
        sender.received(b.times[i]);
      } else {
        sender.received(b.times[i]);
        boolean discard = b.lengths[i] < 0;
        reject(sender, discard ? NO_BYTES : b.data, discard ? 0 : b.starts[i],
            discard ? 0 : b.lengths[i], peer, b.hostnames[i], b.rejectCodes[i],
            b.rejectDetails[i]);
      }
    }
  }

  /** A batch could not be appended (spool closed or failed); logged, throttled. */
  void deliveryFailed(String peer, RuntimeException e) {
    log.warn("spool_append_failed", "integration=" + settings.integration().id() + " peer="
        + peer + " error=" + e);
  }

  private void reject(ReceiveCounters.Sender sender, byte[] bytes, int offset, int length,
      String peerAddress, String hostname, String code, String detail) {
    String integrationId = settings.integration().id();
    sender.rejected(code);
    quarantine.add(Instant.ofEpochMilli(clock.millis()), integrationId, peerAddress, hostname,
        code, detail, bytes, offset, length);
    log.warn("frame_rejected." + code, "integration=" + integrationId + " peer="
        + peerAddress + " code=" + code);
  }

  /** The last sender looked up on one connection (usually the only one), to skip the map. */
  static final class SenderCache {
    private String integrationId;
    private String hostname;
    private ReceiveCounters.Sender sender;

    ReceiveCounters.Sender sender(ReceiveCounters counters, String integrationId,
        String hostname, String peer) {
      if (sender != null && integrationId.equals(this.integrationId)
          && Objects.equals(hostname, this.hostname)) {
        return sender;
      }
      this.integrationId = integrationId;
      this.hostname = hostname;
      this.sender = counters.sender(integrationId, hostname, peer);
      return sender;
    }
  }
}
