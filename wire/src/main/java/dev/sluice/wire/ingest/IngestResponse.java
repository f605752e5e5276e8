package dev.sluice.wire.ingest;

import java.util.List;
import java.util.Objects;

/**
 * The lake's answer to an {@link IngestBatch}, sent only once the accepted events are durable.
 * Every event of the batch is counted exactly once: accepted (stored now), duplicate (already
 * held, from an earlier try) or rejected (with a reason; retrying will not help).
 *
 * @param batchId the batch this answers
 * @param accepted events stored by this request
 * @param duplicates events the lake already held
 * @param rejections events refused, each with a stable code and a message
 */
public record IngestResponse(String batchId, int accepted, int duplicates, List<EventRejection> rejections) {

  public IngestResponse {
    Objects.requireNonNull(batchId, "batchId");
    rejections = List.copyOf(rejections);
    if (accepted < 0 || duplicates < 0) {
      throw new IllegalArgumentException("counts must be >= 0");
    }
  }

  /**
   * One refused event.
   *
   * @param eventId the event's id as sent (may be null if it had none)
   * @param code a stable code such as {@code OCSF_REQUIRED_MISSING}
   * @param message what was wrong, for people
   */
  public record EventRejection(String eventId, String code, String message) {
    public EventRejection {
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(message, "message");
    }
  }
}
