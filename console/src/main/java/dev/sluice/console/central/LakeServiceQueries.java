package dev.sluice.console.central;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.console.backend.LakeQueries;
import dev.sluice.console.backend.Outcome;
import dev.sluice.console.backend.Principal;
import dev.sluice.lake.LakeError;
import dev.sluice.lake.LakeService;
import dev.sluice.lake.QueryPage;
import dev.sluice.lake.QueryPageOutcome;
import dev.sluice.lake.QueryRequest;
import dev.sluice.lake.QueryResult;
import dev.sluice.lake.QueryRun;
import dev.sluice.lake.QuerySubmission;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@link LakeQueries} on the lake's asynchronous query runs, for the signed-in user's tenant
 * (as central resolves it). A page key is the lake's run id and its own page key, so the next
 * and previous pages read the same finished result instead of running the query again.
 */
final class LakeServiceQueries implements LakeQueries {

  private static final Duration POLL = Duration.ofMillis(25);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final CentralCalls calls;
  private final Supplier<LakeService> lakes;
  private final Clock clock;
  private final Duration wait;

  LakeServiceQueries(CentralCalls calls, Supplier<LakeService> lakes, Clock clock, Duration wait) {
    this.calls = calls;
    this.lakes = lakes;
    this.clock = clock;
    this.wait = wait;
  }

  @Override
  public Outcome<Page> run(Principal principal, String sql, String pageKey, int pageSize) {
    LakeService lake = lakes.get();
    if (lake == null) {
      return Outcome.refused("LAKE_NOT_IN_THIS_PROCESS", "This server runs central without the"
          + " data lake. Query the lake's own API (POST /api/v1/lake/queries), or run sluice up.");
    }
    Optional<dev.sluice.central.auth.Principal> actor = calls.principal(principal);
    if (actor.isEmpty()) {
      return Outcome.refused("UNAUTHENTICATED", "Your session has ended. Sign in again.");
    }
    String tenant = actor.get().tenantId();
    Instant started = clock.instant();
    String runId;
    String lakeKey = null;
    int separator = pageKey == null ? -1 : pageKey.indexOf('~');
    if (separator > 0 && lake.queryStatus(tenant, pageKey.substring(0, separator)).isPresent()) {
      runId = pageKey.substring(0, separator);
      lakeKey = pageKey.substring(separator + 1);
    } else {
      QuerySubmission submitted = lake.submitQuery(tenant, new QueryRequest(sql, null, null));
      if (submitted instanceof QuerySubmission.Refused refusal) {
        return refused(refusal.error());
      }
      runId = ((QuerySubmission.Submitted) submitted).run().id();
    }
    Optional<QueryRun> run = finished(lake, tenant, runId);
    if (run.isEmpty()) {
      lake.cancelQuery(tenant, runId);
      return Outcome.refused("QUERY_TIMED_OUT", "The query did not finish within "
          + wait.toSeconds() + " s. Narrow it down, for example with a time condition.");
    }
    if (run.get().result() != QueryRun.Outcome.SUCCEEDED) {
      LakeError error = run.get().error();
      return error == null ? Outcome.refused("QUERY_FAILED", "The query did not succeed.")
          : refused(error);
    }
    QueryPageOutcome page = lake.queryResults(tenant, runId, pageSize, lakeKey);
    if (page instanceof QueryPageOutcome.Unavailable unavailable) {
      return refused(unavailable.error());
    }
    QueryPage rows = ((QueryPageOutcome.Page) page).page();
    List<String> columns = new ArrayList<>();
    for (QueryResult.Column column : rows.columns()) {
      columns.add(column.name());
    }
    List<List<String>> text = new ArrayList<>();
    for (List<Object> row : rows.rows()) {
      List<String> cells = new ArrayList<>(row.size());
      for (Object value : row) {
        cells.add(text(value));
      }
      text.add(cells);
    }
    long elapsed = Duration.between(started, clock.instant()).toMillis();
    return Outcome.ok(new Page(columns, text,
        rows.nextKey() == null ? null : runId + "~" + rows.nextKey(),
        rows.previousKey() == null ? null : runId + "~" + rows.previousKey(), elapsed));
  }

  private Optional<QueryRun> finished(LakeService lake, String tenant, String runId) {
    Instant deadline = clock.instant().plus(wait);
    while (true) {
      Optional<QueryRun> run = lake.queryStatus(tenant, runId);
      if (run.isEmpty()) {
        return Optional.empty();
      }
      if (run.get().status() == QueryRun.Status.FINISHED) {
        return run;
      }
      if (clock.instant().isAfter(deadline)) {
        return Optional.empty();
      }
      try {
        Thread.sleep(POLL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Optional.empty();
      }
    }
  }

  private static Outcome<Page> refused(LakeError error) {
    return Outcome.refused(error.code().name(), error.message());
  }

  static String text(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof String || value instanceof Number || value instanceof Boolean) {
      return value.toString();
    }
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      return String.valueOf(value);
    }
  }
}
