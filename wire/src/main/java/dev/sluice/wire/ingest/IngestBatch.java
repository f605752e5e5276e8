package dev.sluice.wire.ingest;

import java.util.List;
import java.util.Objects;

/**
 * What an appliance sends to {@code POST /api/v1/lake/ingest}: gzip-compressed JSON
 * ({@code Content-Type: application/json}, {@code Content-Encoding: gzip}), see
 * {@link IngestCodec}.
 *
 * <pre>{@code
 * {"batchId":"appl-7f3a-000042","integrationId":"int-1",
 *  "events":[{"eventId":"appl-7f3a:1042","receiveTime":1764238201234,
 *             "sender":{"hostname":"dt-master-1","address":"10.0.0.5"},
 *             "alertKind":"model_breach","testAlert":false,"ocsf":{...}}]}
 * }</pre>
 *
 * @param batchId the appliance's id for this batch (the same on every retry)
 * @param integrationId the integration the events came in through; the appliance must own it
 * @param events 1 to {@link IngestCodec#MAX_EVENTS} events
 */
public record IngestBatch(String batchId, String integrationId, List<IngestEvent> events) {

  public IngestBatch {
    Objects.requireNonNull(batchId, "batchId");
    Objects.requireNonNull(integrationId, "integrationId");
    events = List.copyOf(events);
  }
}
