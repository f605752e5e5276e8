package dev.sluice.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.lake.LakeConfig;
import dev.sluice.lake.LakeError;
import dev.sluice.lake.LakeReader;
import dev.sluice.lake.QueryRequest;
import dev.sluice.lake.QueryResult;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sluice query "SQL"}: SQL over one tenant's {@code alerts}, read directly from the lake
 * in the data directory with the same sandbox and limits as the HTTP API.
 */
@Command(name = "query", mixinStandardHelpOptions = true,
    description = "Run SQL over a tenant's alerts table, e.g. sluice query \"SELECT count(*) FROM alerts\".")
public final class QueryCommand implements Callable<Integer> {

  private static final ObjectMapper JSON = new ObjectMapper();

  enum Format { TABLE, JSON, CSV }

  @Parameters(index = "0", paramLabel = "SQL", description = "One SELECT over the table alerts.")
  String sql;

  @Option(names = "--data", paramLabel = "DIR", defaultValue = "${env:SLUICE_DATA:-data}",
      description = "Data directory of ./sluice lake or ./sluice up (env SLUICE_DATA; default ${DEFAULT-VALUE}).")
  Path data;

  @Option(names = "--tenant", paramLabel = "ID",
      description = "Tenant whose alerts to query (default: the only tenant with data).")
  String tenant;

  @Option(names = "--from", paramLabel = "INSTANT", description = "Only alerts at or after this time (ISO-8601).")
  String from;

  @Option(names = "--to", paramLabel = "INSTANT", description = "Only alerts before this time (ISO-8601).")
  String to;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
      description = "table, json (one object per row) or csv (default ${DEFAULT-VALUE}).")
  Format format;

  @Override
  public Integer call() throws Exception {
    Instant fromInstant;
    Instant toInstant;
    try {
      fromInstant = from == null ? null : Instant.parse(from);
      toInstant = to == null ? null : Instant.parse(to);
    } catch (DateTimeParseException e) {
      System.err.println("query: --from and --to take ISO-8601 instants such as 2026-11-27T00:00:00Z");
      return 2;
    }
    try (LakeReader reader = LakeReader.open(data.resolve("lake"), LakeConfig.QueryLimits.defaults())) {
      String who = tenant;
      if (who == null) {
        List<String> tenants = reader.tenants();
        if (tenants.size() != 1) {
          System.err.println("query: choose a tenant with --tenant (tenants with data: "
              + (tenants.isEmpty() ? "none" : String.join(", ", tenants)) + ")");
          return 2;
        }
        who = tenants.get(0);
      }
      QueryResult result = reader.query(who, new QueryRequest(sql, fromInstant, toInstant));
      if (result instanceof QueryResult.Succeeded ok) {
        print(ok, System.out);
        if (ok.truncated()) {
          System.err.println("query: result truncated to " + ok.rows().size() + " rows");
        }
        return 0;
      }
      LakeError error = result instanceof QueryResult.Failed f ? f.error()
          : result instanceof QueryResult.TimedOut t ? t.error() : ((QueryResult.Canceled) result).error();
      System.err.println("query: " + error.code() + ": " + error.message());
      return 1;
    } catch (IOException e) {
      System.err.println("query: " + e.getMessage());
      return 1;
    } catch (IllegalArgumentException e) {
      System.err.println("query: " + e.getMessage());
      return 2;
    }
  }

  private void print(QueryResult.Succeeded result, PrintStream out) throws IOException {
    List<String> names = result.columns().stream().map(QueryResult.Column::name).toList();
    switch (format) {
      case JSON -> {
        for (List<Object> row : result.rows()) {
          java.util.Map<String, Object> object = new java.util.LinkedHashMap<>();
          for (int i = 0; i < names.size(); i++) {
            object.put(names.get(i), row.get(i));
          }
          out.println(JSON.writeValueAsString(object));
        }
      }
      case CSV -> {
        out.println(String.join(",", names.stream().map(QueryCommand::csv).toList()));
        for (List<Object> row : result.rows()) {
          out.println(String.join(",", row.stream().map(v -> csv(text(v))).toList()));
        }
      }
      case TABLE -> printTable(names, result.rows(), out);
    }
  }

  private static void printTable(List<String> names, List<List<Object>> rows, PrintStream out) throws IOException {
    int[] widths = new int[names.size()];
    List<List<String>> cells = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      widths[i] = names.get(i).length();
    }
    for (List<Object> row : rows) {
      List<String> line = new ArrayList<>();
      for (int i = 0; i < row.size(); i++) {
        String cell = text(row.get(i));
        if (cell.length() > 80) {
          cell = cell.substring(0, 79) + "…";
        }
        widths[i] = Math.max(widths[i], cell.length());
        line.add(cell);
      }
      cells.add(line);
    }
    out.println(line(names, widths));
    StringBuilder rule = new StringBuilder();
    for (int w : widths) {
      rule.append(rule.length() == 0 ? "" : "-+-").append("-".repeat(w));
    }
    out.println(rule);
    for (List<String> line : cells) {
      out.println(line(line, widths));
    }
    out.println("(" + rows.size() + " row" + (rows.size() == 1 ? "" : "s") + ")");
  }

  private static String line(List<String> cells, int[] widths) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      b.append(i == 0 ? "" : " | ").append(String.format("%-" + widths[i] + "s", cells.get(i)));
    }
    return b.toString().stripTrailing();
  }

  private static String text(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof String s) {
      return s;
    }
    try {
      return value instanceof Number || value instanceof Boolean ? value.toString() : JSON.writeValueAsString(value);
    } catch (IOException e) {
      return value.toString();
    }
  }

  private static String csv(String value) {
    if (value.contains(",") || value.contains("\"") || value.contains("\n")) {
      return "\"" + value.replace("\"", "\"\"") + "\"";
    }
    return value;
  }
}
