package dev.sluice.lake.internal;

import dev.sluice.lake.LakeConfig;
import dev.sluice.lake.LakeError;
import dev.sluice.lake.LakeErrorCode;
import dev.sluice.lake.QueryResult;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.duckdb.DuckDBResultSetMetaData;
import org.duckdb.DuckDBStruct;
import org.duckdb.StatementReturnType;

/**
 * Runs one user query for one tenant on its own DuckDB instance, built for that query and
 * thrown away after it:
 * <ol>
 *   <li>{@code allowed_paths} lists exactly the tenant's visible Parquet files (for the time
 *       range), then {@code enable_external_access=false}: no other file, no network, no
 *       extensions; {@code lock_configuration=true}: no SET can undo it;</li>
 *   <li>a view {@code alerts} over those files (analyst columns + the nested OCSF record) is the
 *       only thing in the catalog besides DuckDB's system views, which {@link SqlGuard} refuses;</li>
 *   <li>the statement must prepare to a result set ({@code StatementReturnType.QUERY_RESULT});</li>
 *   <li>memory ({@code memory_limit}), threads, run time (cancelled at the deadline) and rows
 *       kept are bounded.</li>
 * </ol>
 */
public final class QuerySandbox {

  /**
   * The analyst columns of {@code alerts}: most computed from the stored record (stored once),
   * the list-derived ones stored ({@link OcsfColumns#STORED_ANALYST_COLUMNS}). Every file the
   * lake writes has the same columns, so the files are read without {@code union_by_name}
   * (which would read every file's footer while binding).
   */
  static final String ALERTS_COLUMNS = String.join(",\n  ", List.of(
      "make_timestamp(ocsf.time * 1000) AS time",
      "receive_time",
      "integration_id",
      "sender_hostname",
      "sender_address",
      "ocsf.metadata.product.name AS product",
      "alert_kind",
      "ocsf.finding_info.title AS title",
      "ocsf.finding_info.title AS alert_type",
      "category",
      "ocsf.severity AS severity",
      "ocsf.severity_id AS severity_id",
      "ocsf.risk_score AS risk_score",
      "mitre_technique",
      "ocsf.device.ip AS device_ip",
      "ocsf.device.hostname AS device_hostname",
      "peer_ip",
      "peer_scope",
      "direction",
      "ocsf.finding_info.src_url AS url",
      "test_alert",
      "event_id",
      "day",
      "ocsf",
      "raw_data",
      "unmapped",
      "ocsf_extra"));

  private final LakeFiles files;
  private final Path emptyFile;
  private final SqlGuard guard;
  private final LakeConfig.QueryLimits limits;
  private final ScheduledExecutorService timer;

  public QuerySandbox(LakeFiles files, Path emptyFile, SqlGuard guard, LakeConfig.QueryLimits limits,
      ScheduledExecutorService timer) {
    this.files = files;
    this.emptyFile = emptyFile;
    this.guard = guard;
    this.limits = limits;
    this.timer = timer;
  }

  /** Checks the SQL without running it. */
  public Optional<LakeError> check(String sql) {
    return guard.check(sql);
  }

  /** A handle to cancel a running query. */
  public static final class Cancel {
    private final AtomicBoolean requested = new AtomicBoolean();
    private volatile Statement statement;

    public void cancel() {
      requested.set(true);
      Statement s = statement;
      if (s != null) {
        try {
          s.cancel();
        } catch (SQLException ignored) {
          // The statement finished or closed meanwhile; the flag still marks the run canceled.
        }
      }
    }

    boolean requested() {
      return requested.get();
    }
  }

  /**
   * Runs the SQL over the tenant's alerts with {@code time} in {@code [from, to)} (either may be
   * null). Never throws: every failure is a {@link QueryResult}.
   */
  public QueryResult run(String tenant, String sql, Instant from, Instant to, Duration timeout, int maxRows,
      Cancel cancel) {
    Optional<LakeError> refused = guard.check(sql);
    if (refused.isPresent()) {
      return new QueryResult.Failed(refused.get());
    }
    QueryResult result = runOnce(tenant, sql, from, to, timeout, maxRows, cancel);
    if (result instanceof QueryResult.Failed failed && failed.error().message().contains("No such file or directory")) {
      // Compaction replaced a file between listing and reading (possible only for queries longer
      // than the grace period covered files are kept): list again and run once more.
      result = runOnce(tenant, sql, from, to, timeout, maxRows, cancel);
    }
    return result;
  }

  private QueryResult runOnce(String tenant, String sql, Instant from, Instant to, Duration timeout, int maxRows,
      Cancel cancel) {
    List<Path> data;
    try {
      data = files.visibleFiles(tenant, day(from), day(to));
    } catch (IOException e) {
      return new QueryResult.Failed(new LakeError(LakeErrorCode.QUERY_FAILED, "the lake could not list its files"));
    }
    AtomicBoolean timedOut = new AtomicBoolean();
    try (ClosedLater held = new ClosedLater(open(data, from, to))) {
      Connection connection = held.connection();
      try (PreparedStatement statement = connection.prepareStatement(sql)) {
        StatementReturnType returnType = statement.getMetaData().unwrap(DuckDBResultSetMetaData.class).getReturnType();
        if (returnType != StatementReturnType.QUERY_RESULT) {
          return new QueryResult.Failed(new LakeError(LakeErrorCode.QUERY_NOT_SELECT, "only a SELECT statement can run here"));
        }
        cancel.statement = statement;
        if (cancel.requested()) {
          return canceled();
        }
        ScheduledFuture<?> deadline = timer.schedule(() -> {
          timedOut.set(true);
          try {
            statement.cancel();
          } catch (SQLException ignored) {
            // Already finished.
          }
        }, timeout.toMillis(), TimeUnit.MILLISECONDS);
        try (ResultSet rows = statement.executeQuery()) {
          return read(rows, maxRows);
        } finally {
          deadline.cancel(false);
          cancel.statement = null;
        }
      }
    } catch (SQLException | RuntimeException e) {
      if (timedOut.get()) {
        return new QueryResult.TimedOut(new LakeError(LakeErrorCode.QUERY_TIMED_OUT,
            "the query ran longer than " + timeout.toSeconds() + " s and was stopped"));
      }
      if (cancel.requested()) {
        return canceled();
      }
      return new QueryResult.Failed(new LakeError(LakeErrorCode.QUERY_FAILED, clean(e.getMessage())));
    }
  }

  /**
   * Shuts a query's DuckDB instance down off the query's path: closing one (stopping its threads,
   * returning its memory) took 130–190 ms, a third of a query over 10M rows (docs/benchmarks.md
   * §4). The result is read completely before, and nothing else holds the instance. When four
   * closes are waiting, the query closes its own instance, so instances cannot pile up.
   */
  private static final ThreadPoolExecutor CLOSER = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
      new ArrayBlockingQueue<>(4), r -> {
        Thread t = new Thread(r, "lake-query-closer");
        t.setDaemon(true);
        return t;
      }, new ThreadPoolExecutor.CallerRunsPolicy());

  private record ClosedLater(Connection connection) implements AutoCloseable {
    @Override
    public void close() {
      CLOSER.execute(() -> {
        try {
          connection.close();
        } catch (SQLException ignored) {
          // Nothing to do: the instance is gone either way.
        }
      });
    }
  }

  private static QueryResult canceled() {
    return new QueryResult.Canceled(new LakeError(LakeErrorCode.QUERY_CANCELED, "the query was canceled"));
  }

  private static LocalDate day(Instant instant) {
    return instant == null ? null : LocalDate.ofInstant(instant, ZoneOffset.UTC);
  }

  private Connection open(List<Path> data, Instant from, Instant to) throws SQLException {
    Properties config = new Properties();
    config.setProperty("memory_limit", limits.memoryLimit());
    config.setProperty("threads", String.valueOf(limits.threads()));
    config.setProperty("autoinstall_known_extensions", "false");
    config.setProperty("autoload_known_extensions", "false");
    config.setProperty("allow_community_extensions", "false");
    config.setProperty("max_temp_directory_size", "0B");
    Connection connection = DriverManager.getConnection("jdbc:duckdb:", config);
    try (Statement s = connection.createStatement()) {
      List<Path> readable = new ArrayList<>(data);
      readable.add(emptyFile);
      String list = readable.stream().map(p -> LakeStore.quote(p.toString())).collect(Collectors.joining(", "));
      s.execute("SET allowed_paths = [" + list + "]");
      s.execute("SET TimeZone = 'UTC'");
      s.execute("SET enable_external_access = false");
      StringBuilder where = new StringBuilder("TRUE");
      if (from != null) {
        where.append(" AND ocsf.time >= ").append(from.toEpochMilli());
      }
      if (to != null) {
        where.append(" AND ocsf.time < ").append(to.toEpochMilli());
      }
      s.execute("CREATE VIEW alerts AS SELECT\n  " + ALERTS_COLUMNS + "\nFROM read_parquet([" + list
          + "], hive_partitioning = false)\nWHERE " + where);
      s.execute("SET lock_configuration = true");
    } catch (SQLException e) {
      connection.close();
      throw e;
    }
    return connection;
  }

  private static QueryResult read(ResultSet rows, int maxRows) throws SQLException {
    ResultSetMetaData meta = rows.getMetaData();
    int count = meta.getColumnCount();
    List<QueryResult.Column> columns = new ArrayList<>(count);
    for (int c = 1; c <= count; c++) {
      columns.add(new QueryResult.Column(meta.getColumnLabel(c), meta.getColumnTypeName(c)));
    }
    List<List<Object>> out = new ArrayList<>();
    boolean truncated = false;
    while (rows.next()) {
      if (out.size() == maxRows) {
        truncated = true;
        break;
      }
      List<Object> row = new ArrayList<>(count);
      for (int c = 1; c <= count; c++) {
        row.add(jsonValue(rows.getObject(c)));
      }
      out.add(row);
    }
    return new QueryResult.Succeeded(columns, out, truncated);
  }

  /** A DuckDB value as something JSON can carry. */
  static Object jsonValue(Object value) throws SQLException {
    if (value == null || value instanceof Boolean || value instanceof String) {
      return value;
    }
    if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte
        || value instanceof Double || value instanceof Float || value instanceof BigDecimal
        || value instanceof BigInteger) {
      return value;
    }
    if (value instanceof Timestamp ts) {
      return ts.toLocalDateTime().atOffset(ZoneOffset.UTC).toInstant().toString();
    }
    if (value instanceof OffsetDateTime odt) {
      return odt.toInstant().toString();
    }
    if (value instanceof DuckDBStruct struct) {
      Map<String, Object> map = new LinkedHashMap<>();
      for (Map.Entry<String, Object> e : struct.getMap().entrySet()) {
        map.put(e.getKey(), jsonValue(e.getValue()));
      }
      return map;
    }
    if (value instanceof Array array) {
      Object[] items = (Object[]) array.getArray();
      List<Object> list = new ArrayList<>(items.length);
      for (Object item : items) {
        list.add(jsonValue(item));
      }
      return list;
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        out.put(String.valueOf(e.getKey()), jsonValue(e.getValue()));
      }
      return out;
    }
    return value.toString();
  }

  /** DuckDB's message without Java exception prefixes or the lake's paths. */
  String clean(String message) {
    String text = message == null ? "the query failed" : message;
    text = text.replace("java.sql.SQLException: ", "");
    text = text.replace(files.root().toAbsolutePath().toString(), "<lake>");
    if (text.length() > 2000) {
      text = text.substring(0, 2000) + "…";
    }
    return text.strip();
  }
}
