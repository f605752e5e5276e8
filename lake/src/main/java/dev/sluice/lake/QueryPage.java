package dev.sluice.lake;

import java.util.List;

/**
 * One page of a finished query's rows; {@code nextKey} is null on the last page and
 * {@code previousKey} null on the first, so a client can page both ways without keeping keys.
 */
public record QueryPage(List<QueryResult.Column> columns, List<List<Object>> rows, String nextKey, String previousKey) {
  public QueryPage {
    columns = List.copyOf(columns);
    rows = List.copyOf(rows);
  }
}
