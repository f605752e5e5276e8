package dev.sluice.lake;

import java.time.Instant;

/**
 * What is known about an asynchronous query run.
 *
 * @param status {@code PENDING} → {@code STARTED} → {@code FINISHED}
 * @param result how it finished (null until then)
 * @param rowCount rows kept (after {@link LakeConfig.QueryLimits#maxRows()})
 */
public record QueryRun(String id, Status status, Outcome result, LakeError error, long rowCount, boolean truncated,
    Instant submittedAt, Instant startedAt, Instant finishedAt) {

  public enum Status { PENDING, STARTED, FINISHED }

  public enum Outcome { SUCCEEDED, FAILED, TIMED_OUT, CANCELED }
}
