package dev.sluice.lake;

/** A page of an asynchronous query's result, or why there is none. */
public sealed interface QueryPageOutcome {
  /** The requested rows and the key of the next page. */
  record Page(QueryPage page) implements QueryPageOutcome {}

  /** No page: unknown run, not finished, failed, or a bad page size or key. */
  record Unavailable(LakeError error) implements QueryPageOutcome {}
}
