package dev.sluice.lake.internal;

import dev.sluice.lake.LakeConfig;
import dev.sluice.lake.LakeError;
import dev.sluice.lake.LakeErrorCode;
import dev.sluice.lake.QueryPage;
import dev.sluice.lake.QueryPageOutcome;
import dev.sluice.lake.QueryRequest;
import dev.sluice.lake.QueryResult;
import dev.sluice.lake.QueryRun;
import dev.sluice.lake.QuerySubmission;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;

/**
 * Asynchronous query runs: submitted, run on a bounded executor, kept for {@link #KEEP} after
 * they finish. A run is visible only to its tenant (another tenant gets "not found").
 */
public final class QueryRuns {

  static final Duration KEEP = Duration.ofHours(1);
  static final int MAX_PAGE_SIZE = 1_000;
  static final int DEFAULT_PAGE_SIZE = 100;

  private final QuerySandbox sandbox;
  private final ExecutorService executor;
  private final LakeConfig.QueryLimits limits;
  private final Clock clock;
  private final Map<String, Run> runs = new ConcurrentHashMap<>();

  private static final class Run {
    final String id;
    final String tenant;
    final QueryRequest request;
    final Instant submittedAt;
    final QuerySandbox.Cancel cancel = new QuerySandbox.Cancel();
    volatile QueryRun.Status status = QueryRun.Status.PENDING;
    volatile QueryResult result;
    volatile Instant startedAt;
    volatile Instant finishedAt;

    Run(String id, String tenant, QueryRequest request, Instant submittedAt) {
      this.id = id;
      this.tenant = tenant;
      this.request = request;
      this.submittedAt = submittedAt;
    }
  }

  public QueryRuns(QuerySandbox sandbox, ExecutorService executor, LakeConfig.QueryLimits limits, Clock clock) {
    this.sandbox = sandbox;
    this.executor = executor;
    this.limits = limits;
    this.clock = clock;
  }

  /** Submits a run; refuses SQL the sandbox would refuse, and too many runs at once. */
  public QuerySubmission submit(String tenant, QueryRequest request) {
    expire();
    Optional<LakeError> refused = sandbox.check(request.sql());
    if (refused.isPresent()) {
      return new QuerySubmission.Refused(refused.get());
    }
    long active = runs.values().stream()
        .filter(r -> r.tenant.equals(tenant) && r.status != QueryRun.Status.FINISHED).count();
    if (active >= limits.maxRunningPerTenant()) {
      return new QuerySubmission.Refused(new LakeError(LakeErrorCode.QUERY_TOO_MANY,
          "at most " + limits.maxRunningPerTenant() + " queries can be pending or running at once"));
    }
    Run run = new Run(UUID.randomUUID().toString(), tenant, request, clock.instant());
    runs.put(run.id, run);
    try {
      executor.execute(() -> execute(run));
    } catch (RejectedExecutionException e) {
      runs.remove(run.id);
      return new QuerySubmission.Refused(new LakeError(LakeErrorCode.QUERY_TOO_MANY, "the lake is busy; try again"));
    }
    return new QuerySubmission.Submitted(snapshot(run));
  }

  private void execute(Run run) {
    if (run.cancel.requested()) {
      finish(run, new QueryResult.Canceled(new LakeError(LakeErrorCode.QUERY_CANCELED, "the query was canceled")));
      return;
    }
    run.startedAt = clock.instant();
    run.status = QueryRun.Status.STARTED;
    QueryResult result = sandbox.run(run.tenant, run.request.sql(), run.request.from(), run.request.to(),
        limits.timeout(), limits.maxRows(), run.cancel);
    finish(run, result);
  }

  private void finish(Run run, QueryResult result) {
    run.result = result;
    run.finishedAt = clock.instant();
    run.status = QueryRun.Status.FINISHED;
  }

  public Optional<QueryRun> status(String tenant, String id) {
    return find(tenant, id).map(QueryRuns::snapshot);
  }

  /** Cancels a pending or running query; finished ones are left as they are. */
  public Optional<QueryRun> cancel(String tenant, String id) {
    Optional<Run> run = find(tenant, id);
    run.ifPresent(r -> r.cancel.cancel());
    return run.map(QueryRuns::snapshot);
  }

  /** A page of a finished, successful run; {@code pageKey} is the opaque key of a previous page. */
  public QueryPageOutcome page(String tenant, String id, Integer pageSize, String pageKey) {
    Optional<Run> found = find(tenant, id);
    if (found.isEmpty()) {
      return new QueryPageOutcome.Unavailable(new LakeError(LakeErrorCode.QUERY_NOT_FOUND, "no query " + id));
    }
    Run run = found.get();
    if (run.status != QueryRun.Status.FINISHED) {
      return new QueryPageOutcome.Unavailable(new LakeError(LakeErrorCode.QUERY_NOT_FINISHED, "the query has not finished"));
    }
    if (!(run.result instanceof QueryResult.Succeeded ok)) {
      return new QueryPageOutcome.Unavailable(errorOf(run.result));
    }
    int size = pageSize == null ? DEFAULT_PAGE_SIZE : pageSize;
    if (size < 1 || size > MAX_PAGE_SIZE) {
      return new QueryPageOutcome.Unavailable(new LakeError(LakeErrorCode.BAD_REQUEST, "pageSize must be 1.." + MAX_PAGE_SIZE));
    }
    int start;
    try {
      start = pageKey == null || pageKey.isEmpty() ? 0 : Integer.parseInt(pageKey);
    } catch (NumberFormatException e) {
      start = -1;
    }
    if (start < 0 || start > ok.rows().size()) {
      return new QueryPageOutcome.Unavailable(new LakeError(LakeErrorCode.BAD_REQUEST, "pageKey is not a key of this result"));
    }
    int end = Math.min(ok.rows().size(), start + size);
    String next = end < ok.rows().size() ? String.valueOf(end) : null;
    String previous = start > 0 ? String.valueOf(Math.max(0, start - size)) : null;
    return new QueryPageOutcome.Page(new QueryPage(ok.columns(), ok.rows().subList(start, end), next, previous));
  }

  private Optional<Run> find(String tenant, String id) {
    Run run = id == null ? null : runs.get(id);
    return run != null && run.tenant.equals(tenant) ? Optional.of(run) : Optional.empty();
  }

  private void expire() {
    Instant cutoff = clock.instant().minus(KEEP);
    runs.values().removeIf(r -> r.finishedAt != null && r.finishedAt.isBefore(cutoff));
  }

  static LakeError errorOf(QueryResult result) {
    if (result instanceof QueryResult.Failed f) {
      return f.error();
    }
    if (result instanceof QueryResult.TimedOut t) {
      return t.error();
    }
    if (result instanceof QueryResult.Canceled c) {
      return c.error();
    }
    return null;
  }

  private static QueryRun snapshot(Run run) {
    QueryResult result = run.result;
    QueryRun.Outcome outcome = null;
    long rows = 0;
    boolean truncated = false;
    if (result instanceof QueryResult.Succeeded ok) {
      outcome = QueryRun.Outcome.SUCCEEDED;
      rows = ok.rows().size();
      truncated = ok.truncated();
    } else if (result instanceof QueryResult.Failed) {
      outcome = QueryRun.Outcome.FAILED;
    } else if (result instanceof QueryResult.TimedOut) {
      outcome = QueryRun.Outcome.TIMED_OUT;
    } else if (result instanceof QueryResult.Canceled) {
      outcome = QueryRun.Outcome.CANCELED;
    }
    return new QueryRun(run.id, run.status, outcome, result == null ? null : errorOf(result), rows, truncated,
        run.submittedAt, run.startedAt, run.finishedAt);
  }
}
