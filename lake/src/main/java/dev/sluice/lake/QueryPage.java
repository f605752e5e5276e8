package dev.sluice.lake;

import java.util.List;

/** One page of a finished query's rows; {@code nextKey} is null on the last page. */
public record QueryPage(List<QueryResult.Column> columns, List<List<Object>> rows, String nextKey) {
  public QueryPage {
    columns = List.copyOf(columns);
    rows = List.copyOf(rows);
  }
}
