package dev.sluice.lake;

/** What became of submitting an asynchronous query. */
public sealed interface QuerySubmission {
  /** The run was accepted; its id is {@code run().id()}. */
  record Submitted(QueryRun run) implements QuerySubmission {}

  /** The run was not started: the SQL is refused or too many runs are active. */
  record Refused(LakeError error) implements QuerySubmission {}
}
