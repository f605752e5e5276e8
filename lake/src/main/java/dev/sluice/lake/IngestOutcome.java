package dev.sluice.lake;

import dev.sluice.wire.ingest.IngestResponse;

/** What became of an ingest request. */
public sealed interface IngestOutcome {
  /** Durable: the response can be sent. */
  record Stored(IngestResponse response) implements IngestOutcome {}

  /** The whole batch was refused; nothing was stored. */
  record Refused(LakeError error) implements IngestOutcome {}
}
