package dev.sluice.lake;

import dev.sluice.lake.sample.SampleAlerts;
import dev.sluice.wire.ingest.IngestBatch;
import dev.sluice.wire.ingest.IngestEvent;
import java.util.ArrayList;
import java.util.List;

/** Test batches of realistic alerts. */
final class Alerts {
  /** 2026-11-27T10:10:00Z */
  static final long T0 = 1_795_774_200_000L;

  private Alerts() {}

  static List<IngestEvent> events(String appliance, long firstOffset, int count) {
    SampleAlerts sample = new SampleAlerts(firstOffset * 31 + appliance.hashCode(), appliance, firstOffset);
    List<IngestEvent> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      out.add(sample.next(T0 + (firstOffset + i) * 60_000L));
    }
    return out;
  }

  static IngestBatch batch(String batchId, String integration, List<IngestEvent> events) {
    return new IngestBatch(batchId, integration, events);
  }
}
