package dev.sluice.lake;

import java.util.List;
import java.util.Objects;

/** How a finished query ended. */
public sealed interface QueryResult {

  /** A result column: its name and DuckDB type. */
  record Column(String name, String type) {}

  /** Rows are lists of JSON-ready values (null, Boolean, Number, String, List, Map). */
  record Succeeded(List<Column> columns, List<List<Object>> rows, boolean truncated) implements QueryResult {
    public Succeeded {
      columns = List.copyOf(columns);
      rows = List.copyOf(rows);
    }
  }

  record Failed(LakeError error) implements QueryResult {
    public Failed {
      Objects.requireNonNull(error, "error");
    }
  }

  record TimedOut(LakeError error) implements QueryResult {}

  record Canceled(LakeError error) implements QueryResult {}
}
