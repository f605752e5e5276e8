package dev.sluice.appliance.forward;

import dev.sluice.wire.ingest.IngestResponse;

/** Sends ingest batches to the lake. */
public interface LakeClient {

  /** What one attempt to send a batch came to. */
  sealed interface Outcome {
    /** The lake stored the batch durably (events accepted, duplicates or rejected for good). */
    record Stored(IngestResponse response) implements Outcome {}

    /**
     * The batch was not stored; send it again after a backoff.
     *
     * @param status HTTP status, or 0 when there was no answer
     */
    record Failed(int status, String code, String message) implements Outcome {}
  }

  /**
   * Posts one batch body (compressed as {@code IngestBodyWriter.ENCODING}); never throws for
   * network or server failures.
   */
  Outcome send(String batchId, byte[] body);
}
