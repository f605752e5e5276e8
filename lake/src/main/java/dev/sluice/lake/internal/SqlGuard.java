package dev.sluice.lake.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.lake.LakeError;
import dev.sluice.lake.LakeErrorCode;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The first gate of user SQL: DuckDB's own parser ({@code json_serialize_sql}, on a locked
 * instance that holds no data) turns the text into a syntax tree, and the tree must be exactly
 * one SELECT that reads only {@code alerts} or its own CTEs, calls no table function except
 * {@link #TABLE_FUNCTIONS}, and no function that reads files or reveals settings or metadata.
 * Parsing with DuckDB itself means comments, quoting and string tricks are seen exactly as the
 * engine sees them. The SQL is passed as a parameter, never spliced into internal SQL.
 *
 * <p>The second and third gates are in {@link QuerySandbox}: the prepared statement must return
 * a result set, and the engine instance it runs on cannot reach files other than the caller's
 * own Parquet files.
 */
public final class SqlGuard implements AutoCloseable {

  static final int MAX_SQL_LENGTH = 100_000;
  static final Set<String> TABLE_FUNCTIONS = Set.of("unnest", "range", "generate_series", "json_each", "json_tree");
  private static final List<String> DENIED_FUNCTION_PREFIXES = List.of(
      "duckdb_", "pragma_", "read_", "parquet_", "sqlite_", "pg_", "json_execute", "icu_", "current_setting",
      "getenv", "glob", "sniff_csv", "query", "which_secret", "checkpoint", "force_checkpoint", "enable_",
      "disable_", "truncate_duckdb", "register_", "deregister_", "create_", "destroy_", "arrow_scan", "seq_scan",
      "test_", "summary", "current_database", "current_catalog", "current_schema", "set_");
  private static final Set<String> TABLE_REF_TYPES = Set.of(
      "BASE_TABLE", "JOIN", "SUBQUERY", "TABLE_FUNCTION", "EMPTY", "EXPRESSION_LIST", "PIVOT");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Connection parser;
  private final Set<String> reservedNames = new HashSet<>();

  public SqlGuard() throws SQLException {
    parser = DriverManager.getConnection("jdbc:duckdb:");
    try (Statement s = parser.createStatement()) {
      try (ResultSet r = s.executeQuery(
          "SELECT lower(view_name) FROM duckdb_views() UNION SELECT lower(table_name) FROM duckdb_tables()"
              + " UNION SELECT lower(schema_name) FROM duckdb_schemas()")) {
        while (r.next()) {
          reservedNames.add(r.getString(1));
        }
      }
      s.execute("SET enable_external_access = false");
      s.execute("SET lock_configuration = true");
    }
  }

  /** Empty when the SQL may run; otherwise why not. */
  public Optional<LakeError> check(String sql) {
    if (sql == null || sql.isBlank()) {
      return refuse(LakeErrorCode.QUERY_EMPTY, "no SQL given");
    }
    if (sql.length() > MAX_SQL_LENGTH) {
      return refuse(LakeErrorCode.QUERY_TOO_LONG, "SQL is limited to " + MAX_SQL_LENGTH + " characters");
    }
    JsonNode tree;
    try {
      tree = JSON.readTree(serialize(sql));
    } catch (SQLException | IOException e) {
      return refuse(LakeErrorCode.QUERY_SYNTAX, "the SQL could not be parsed: " + firstLine(e.getMessage()));
    }
    if (tree.path("error").asBoolean(false)) {
      String message = tree.path("error_message").asText("");
      if (message.contains("Only SELECT statements")) {
        return refuse(LakeErrorCode.QUERY_NOT_SELECT, "only a SELECT statement can run here");
      }
      return refuse(LakeErrorCode.QUERY_SYNTAX, firstLine(message));
    }
    JsonNode statements = tree.path("statements");
    if (statements.size() == 0) {
      return refuse(LakeErrorCode.QUERY_EMPTY, "no statement found");
    }
    if (statements.size() > 1) {
      return refuse(LakeErrorCode.QUERY_MULTIPLE_STATEMENTS, "one statement per query (found " + statements.size() + ")");
    }
    Set<String> cteNames = new HashSet<>();
    collectCteNames(tree, cteNames);
    for (String cte : cteNames) {
      if (reservedNames.contains(cte) || cte.equals("alerts")) {
        return refuse(LakeErrorCode.QUERY_TABLE_NOT_ALLOWED, "a CTE cannot be named " + cte);
      }
    }
    return walk(statements.get(0), cteNames);
  }

  private synchronized String serialize(String sql) throws SQLException {
    try (PreparedStatement ps = parser.prepareStatement("SELECT json_serialize_sql(?::VARCHAR)")) {
      ps.setString(1, sql);
      try (ResultSet r = ps.executeQuery()) {
        r.next();
        return r.getString(1);
      }
    }
  }

  private static void collectCteNames(JsonNode node, Set<String> out) {
    if (node.isObject()) {
      JsonNode cteMap = node.get("cte_map");
      if (cteMap != null) {
        for (JsonNode entry : cteMap.path("map")) {
          out.add(entry.path("key").asText().toLowerCase(Locale.ROOT));
        }
      }
    }
    for (JsonNode child : node) {
      collectCteNames(child, out);
    }
  }

  private Optional<LakeError> walk(JsonNode node, Set<String> cteNames) {
    if (node.isObject()) {
      Optional<LakeError> here = checkNode(node, cteNames);
      if (here.isPresent()) {
        return here;
      }
      for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
        Optional<LakeError> below = walk(it.next(), cteNames);
        if (below.isPresent()) {
          return below;
        }
      }
    } else if (node.isArray()) {
      for (JsonNode child : node) {
        Optional<LakeError> below = walk(child, cteNames);
        if (below.isPresent()) {
          return below;
        }
      }
    }
    return Optional.empty();
  }

  private Optional<LakeError> checkNode(JsonNode node, Set<String> cteNames) {
    boolean tableRef = node.has("sample") && node.has("alias") && node.has("type") && !node.has("class");
    if (tableRef) {
      String type = node.path("type").asText();
      if (!TABLE_REF_TYPES.contains(type)) {
        return refuse(LakeErrorCode.QUERY_TABLE_NOT_ALLOWED, "this kind of table reference is not available: " + type);
      }
      if (type.equals("BASE_TABLE")) {
        String table = node.path("table_name").asText().toLowerCase(Locale.ROOT);
        boolean qualified = !node.path("schema_name").asText().isEmpty() || !node.path("catalog_name").asText().isEmpty();
        if (qualified || !(table.equals("alerts") || cteNames.contains(table))) {
          return refuse(LakeErrorCode.QUERY_TABLE_NOT_ALLOWED,
              "only the table alerts can be queried (found " + qualifiedName(node) + ")");
        }
      }
      if (type.equals("TABLE_FUNCTION")) {
        String name = node.path("function").path("function_name").asText().toLowerCase(Locale.ROOT);
        if (!TABLE_FUNCTIONS.contains(name) || isQualified(node.path("function"))) {
          return refuse(LakeErrorCode.QUERY_FUNCTION_NOT_ALLOWED, "table function " + name + " is not available");
        }
      }
    }
    if (node.has("function_name")) {
      String name = node.path("function_name").asText().toLowerCase(Locale.ROOT);
      boolean allowedTableFunction = TABLE_FUNCTIONS.contains(name);
      if (isQualified(node) || (!allowedTableFunction && DENIED_FUNCTION_PREFIXES.stream().anyMatch(name::startsWith))) {
        return refuse(LakeErrorCode.QUERY_FUNCTION_NOT_ALLOWED, "function " + name + " is not available");
      }
    }
    return Optional.empty();
  }

  private static boolean isQualified(JsonNode function) {
    return !function.path("schema").asText().isEmpty() || !function.path("catalog").asText().isEmpty();
  }

  private static String qualifiedName(JsonNode tableRef) {
    StringBuilder name = new StringBuilder();
    for (String part : List.of("catalog_name", "schema_name", "table_name")) {
      String value = tableRef.path(part).asText();
      if (!value.isEmpty()) {
        name.append(name.length() == 0 ? "" : ".").append(value);
      }
    }
    return name.toString();
  }

  static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  private static Optional<LakeError> refuse(LakeErrorCode code, String message) {
    return Optional.of(new LakeError(code, message));
  }

  @Override
  public void close() throws SQLException {
    parser.close();
  }
}
