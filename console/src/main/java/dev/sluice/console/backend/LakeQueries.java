package dev.sluice.console.backend;

import java.util.List;

/** SQL over the tenant's alerts, through the lake's query service (same sandbox as the API). */
public interface LakeQueries {

  /** Runs a query and returns one page of its result; {@code pageKey} null means the first. */
  Outcome<Page> run(Principal principal, String sql, String pageKey, int pageSize);

  /** One page of a result. {@code nextPageKey} is null on the last page, {@code previousPageKey} on the first. */
  record Page(List<String> columns, List<List<String>> rows, String nextPageKey, String previousPageKey,
      long elapsedMillis) {
    public Page {
      columns = List.copyOf(columns);
      rows = List.copyOf(rows);
    }
  }
}
