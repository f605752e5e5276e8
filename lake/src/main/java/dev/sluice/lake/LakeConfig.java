package dev.sluice.lake;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.function.ToIntFunction;

/**
 * How a lake runs.
 *
 * @param root the lake's directory (everything it stores lives below)
 * @param flushInterval how often acknowledged events are converted to Parquet (queryable)
 * @param compactionInterval how often small files are merged
 * @param retentionDays days of data kept per tenant (whole days are dropped after that)
 * @param queryLimits limits of user queries
 */
public record LakeConfig(Path root, Duration flushInterval, Duration compactionInterval,
    ToIntFunction<String> retentionDays, QueryLimits queryLimits) {

  public static final int DEFAULT_RETENTION_DAYS = 90;

  public LakeConfig {
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(flushInterval, "flushInterval");
    Objects.requireNonNull(compactionInterval, "compactionInterval");
    Objects.requireNonNull(retentionDays, "retentionDays");
    Objects.requireNonNull(queryLimits, "queryLimits");
  }

  /** Defaults: flush every second, compact every 30 s, 90 days for every tenant. */
  public static LakeConfig defaults(Path root) {
    return new LakeConfig(root, Duration.ofSeconds(1), Duration.ofSeconds(30),
        tenant -> DEFAULT_RETENTION_DAYS, QueryLimits.defaults());
  }

  /**
   * Limits of user queries.
   *
   * @param timeout longest run of an asynchronous query
   * @param syncTimeout longest run of a synchronous query
   * @param maxRows rows kept of an asynchronous query's result (more → truncated)
   * @param maxSyncRows rows returned by a synchronous query (more → truncated)
   * @param memoryLimit DuckDB memory limit per query, e.g. {@code 512MB}
   * @param threads DuckDB threads per query
   * @param maxRunningPerTenant queries a tenant may have pending or running at once
   */
  public record QueryLimits(Duration timeout, Duration syncTimeout, int maxRows, int maxSyncRows,
      String memoryLimit, int threads, int maxRunningPerTenant) {
    public static QueryLimits defaults() {
      return new QueryLimits(Duration.ofSeconds(60), Duration.ofSeconds(10), 50_000, 1_000, "512MB", 2, 4);
    }
  }
}
