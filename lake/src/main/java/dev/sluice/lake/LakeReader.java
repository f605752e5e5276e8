package dev.sluice.lake;

import dev.sluice.lake.internal.LakeFiles;
import dev.sluice.lake.internal.QuerySandbox;
import dev.sluice.lake.internal.SqlGuard;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Read-only access to a lake directory for {@code ./sluice query}: the same sandbox as the
 * service, without touching the WAL, so it can run next to a running lake process.
 */
public final class LakeReader implements AutoCloseable {

  private final LakeFiles files;
  private final SqlGuard guard;
  private final QuerySandbox sandbox;
  private final ScheduledExecutorService timer;
  private final LakeConfig.QueryLimits limits;

  private LakeReader(Path root, LakeConfig.QueryLimits limits) throws SQLException {
    this.files = new LakeFiles(root);
    this.limits = limits;
    this.guard = new SqlGuard();
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "lake-reader-timer");
      t.setDaemon(true);
      return t;
    });
    this.sandbox = new QuerySandbox(files, root.resolve("state").resolve("empty.parquet"), guard, limits, timer);
  }

  /** Opens the lake under {@code root}; it must have been started at least once. */
  public static LakeReader open(Path root, LakeConfig.QueryLimits limits) throws IOException {
    if (!Files.exists(root.resolve("state").resolve("empty.parquet"))) {
      throw new IOException("no lake at " + root + " (start ./sluice lake or ./sluice up with this data directory first)");
    }
    try {
      return new LakeReader(root, limits);
    } catch (SQLException e) {
      throw new IOException("cannot start DuckDB: " + e.getMessage(), e);
    }
  }

  /** Tenants that have data. */
  public List<String> tenants() throws IOException {
    return files.tenants();
  }

  /** Runs a query with the asynchronous limits (time and rows). */
  public QueryResult query(String tenant, QueryRequest request) {
    return sandbox.run(TenantIds.require(tenant), request.sql(), request.from(), request.to(), limits.timeout(),
        limits.maxRows(), new QuerySandbox.Cancel());
  }

  @Override
  public void close() throws SQLException {
    timer.shutdownNow();
    guard.close();
  }
}
