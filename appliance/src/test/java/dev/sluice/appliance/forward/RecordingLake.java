package dev.sluice.appliance.forward;

import dev.sluice.wire.ingest.IngestBatch;
import dev.sluice.wire.ingest.IngestCodec;
import dev.sluice.wire.ingest.IngestEvent;
import dev.sluice.wire.ingest.IngestResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A hand-written lake for forwarder tests: decodes each body with the lake's codec, keeps events
 * by id (duplicates counted, as the real lake does) and can be told to fail the next n calls.
 */
final class RecordingLake implements LakeClient {
  final Map<String, IngestEvent> events = new LinkedHashMap<>();
  final List<IngestBatch> batches = new ArrayList<>();
  final AtomicInteger failNext = new AtomicInteger();
  final AtomicInteger loseAnswerNext = new AtomicInteger();
  int calls;

  @Override
  public synchronized Outcome send(String batchId, byte[] body) {
    calls++;
    if (failNext.get() > 0) {
      failNext.decrementAndGet();
      return new Outcome.Failed(0, "LAKE_UNREACHABLE", "connection refused");
    }
    IngestCodec.Decoded decoded = IngestCodec.decodeBatch(body);
    if (!(decoded instanceof IngestCodec.Decoded.Batch b)) {
      throw new AssertionError("forwarder sent a malformed batch: " + decoded);
    }
    batches.add(b.batch());
    int accepted = 0;
    int duplicates = 0;
    for (IngestEvent e : b.batch().events()) {
      if (events.putIfAbsent(e.eventId(), e) == null) {
        accepted++;
      } else {
        duplicates++;
      }
    }
    if (loseAnswerNext.get() > 0) {
      // Stored, but the answer never reaches the appliance.
      loseAnswerNext.decrementAndGet();
      return new Outcome.Failed(0, "LAKE_UNREACHABLE", "connection reset");
    }
    return new Outcome.Stored(new IngestResponse(batchId, accepted, duplicates, List.of()));
  }

  synchronized int size() {
    return events.size();
  }
}
