package dev.sluice.lake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.lake.internal.BatchDecoder;
import dev.sluice.lake.internal.LakeStore;
import dev.sluice.lake.internal.QueryRuns;
import dev.sluice.lake.internal.QuerySandbox;
import dev.sluice.lake.internal.SqlGuard;
import dev.sluice.wire.ingest.ContentEncoding;
import dev.sluice.wire.ingest.IngestBatch;
import dev.sluice.wire.ingest.IngestResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data lake as a Java API: durable, exactly-once ingest of alert batches from authenticated
 * appliances; SQL queries scoped to one tenant (asynchronous runs and a small synchronous form);
 * retention. Background work (conversion to Parquet every {@link LakeConfig#flushInterval()} and
 * retention) runs on one thread of its own, compaction on another. HTTP lives in {@link LakeRoutes}.
 */
public final class LakeService implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(LakeService.class);

  private final LakeConfig config;
  private final IngestAuthorizer authorizer;
  private final LakeStore store;
  private static final ObjectMapper BATCH_JSON = new ObjectMapper();

  private final SqlGuard guard;
  private final QuerySandbox sandbox;
  private final QueryRuns runs;
  private final ScheduledExecutorService background;
  /** Compaction runs on a thread of its own, so it never holds back the conversion. */
  private final ScheduledExecutorService compaction;
  private final ScheduledExecutorService timer;
  private final ThreadPoolExecutor queryExecutor;

  private LakeService(LakeConfig config, IngestAuthorizer authorizer, Clock clock, StorageSettings settings)
      throws IOException {
    this.config = config;
    this.authorizer = authorizer;
    this.store = LakeStore.open(config.root(), clock, settings);
    try {
      this.guard = new SqlGuard();
    } catch (SQLException e) {
      store.close();
      throw new IOException("cannot start the query parser: " + e.getMessage(), e);
    }
    this.timer = Executors.newSingleThreadScheduledExecutor(daemon("lake-query-timer"));
    this.queryExecutor = new ThreadPoolExecutor(2, 2, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(64),
        daemon("lake-query"));
    this.sandbox = new QuerySandbox(store.files(), store.emptyFile(), guard, config.queryLimits(), timer);
    this.runs = new QueryRuns(sandbox, queryExecutor, config.queryLimits(), clock);
    this.background = Executors.newSingleThreadScheduledExecutor(daemon("lake-background"));
    this.compaction = Executors.newSingleThreadScheduledExecutor(daemon("lake-compaction"));
  }

  /** Opens the lake under {@code config.root()} (recovering after a crash) and starts its background work. */
  public static LakeService start(LakeConfig config, IngestAuthorizer authorizer, Clock clock) throws IOException {
    return start(config, authorizer, clock, StorageSettings.defaults());
  }

  /** As {@link #start(LakeConfig, IngestAuthorizer, Clock)} with tuned storage settings (tests, benchmarks). */
  public static LakeService start(LakeConfig config, IngestAuthorizer authorizer, Clock clock,
      StorageSettings settings) throws IOException {
    LakeService service = new LakeService(config, authorizer, clock, settings);
    service.schedule();
    return service;
  }

  private void schedule() {
    long flush = config.flushInterval().toMillis();
    long compact = config.compactionInterval().toMillis();
    background.scheduleWithFixedDelay(() -> safely("flush", store::flush), flush, flush, TimeUnit.MILLISECONDS);
    compaction.scheduleWithFixedDelay(() -> safely("compaction", () -> store.compact()), compact, compact,
        TimeUnit.MILLISECONDS);
    background.scheduleWithFixedDelay(() -> safely("retention", () -> applyRetention()), 0, 1, TimeUnit.HOURS);
  }

  private interface Work {
    void run() throws IOException;
  }

  private static void safely(String what, Work work) {
    try {
      work.run();
    } catch (IOException | RuntimeException e) {
      LOG.error("lake {} failed: {}", what, e.getMessage(), e);
    }
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }

  /**
   * Stores a batch for an authenticated appliance. Returns once the accepted events are durable.
   * Events the lake already holds are counted as duplicates and not stored again; invalid events
   * are rejected one by one and the valid ones kept. (The batch goes through the same reader as
   * an HTTP body: {@link #ingestGzip}.)
   */
  public IngestOutcome ingest(ApplianceIdentity appliance, IngestBatch batch) {
    byte[] json;
    try {
      json = BATCH_JSON.writeValueAsBytes(batch);
    } catch (JsonProcessingException e) {
      return new IngestOutcome.Refused(new LakeError(LakeErrorCode.BATCH_MALFORMED, "not a batch: " + e.getMessage()));
    }
    return store(appliance, store.decoder().decode(new ByteArrayInputStream(json), appliance.tenantId(),
        appliance.applianceId()));
  }

  /**
   * As {@link #ingest(ApplianceIdentity, IngestBatch)} for a request body as appliances send it:
   * gzip-compressed JSON ({@link dev.sluice.wire.ingest.IngestCodec}), read in one pass. A body
   * that is not a batch is refused ({@code BATCH_NOT_GZIP}, {@code BATCH_MALFORMED},
   * {@code BATCH_TOO_LARGE}, {@code BATCH_TOO_MANY_EVENTS}).
   */
  public IngestOutcome ingestGzip(ApplianceIdentity appliance, InputStream body) {
    return ingest(appliance, body, ContentEncoding.GZIP);
  }

  /**
   * As {@link #ingestGzip} for a body compressed with {@code encoding} (appliances send zstd;
   * {@code BATCH_NOT_ZSTD} when it is not).
   */
  public IngestOutcome ingest(ApplianceIdentity appliance, InputStream body, ContentEncoding encoding) {
    return store(appliance, store.decoder().decode(body, encoding, appliance.tenantId(), appliance.applianceId()));
  }

  private IngestOutcome store(ApplianceIdentity appliance, BatchDecoder.Result result) {
    if (result instanceof BatchDecoder.Result.Malformed bad) {
      return new IngestOutcome.Refused(new LakeError(LakeErrorCode.ofBatchProblem(bad.code()), bad.message()));
    }
    try (BatchDecoder.DecodedBatch batch = ((BatchDecoder.Result.Decoded) result).batch()) {
      if (!authorizer.mayWrite(appliance, batch.integrationId())) {
        return new IngestOutcome.Refused(new LakeError(LakeErrorCode.INTEGRATION_NOT_OWNED,
            "appliance " + appliance.applianceId() + " does not own integration " + batch.integrationId()));
      }
      LakeStore.Appended appended = batch.validCount() == 0
          ? new LakeStore.Appended(0, List.of())
          : store.append(appliance.tenantId(), batch);
      return new IngestOutcome.Stored(new IngestResponse(batch.batchId(), appended.accepted(),
          appended.duplicateIds().size(), batch.rejections()));
    } catch (IOException e) {
      LOG.error("ingest failed: {}", e.getMessage());
      return new IngestOutcome.Refused(new LakeError(LakeErrorCode.LAKE_UNAVAILABLE,
          "the lake could not store the batch; retry later"));
    }
  }

  /** Submits an asynchronous query; the run id comes back at once. */
  public QuerySubmission submitQuery(String tenant, QueryRequest request) {
    return runs.submit(TenantIds.require(tenant), request);
  }

  public Optional<QueryRun> queryStatus(String tenant, String id) {
    return runs.status(tenant, id);
  }

  public QueryPageOutcome queryResults(String tenant, String id, Integer pageSize, String pageKey) {
    return runs.page(tenant, id, pageSize, pageKey);
  }

  public Optional<QueryRun> cancelQuery(String tenant, String id) {
    return runs.cancel(tenant, id);
  }

  /** Runs a small query to completion with the synchronous limits. */
  public QueryResult query(String tenant, QueryRequest request) {
    return sandbox.run(TenantIds.require(tenant), request.sql(), request.from(), request.to(),
        config.queryLimits().syncTimeout(), config.queryLimits().maxSyncRows(), new QuerySandbox.Cancel());
  }

  /** Makes every acknowledged event queryable now (normally done every flush interval). */
  public void flush() throws IOException {
    store.flush();
  }

  /** Merges small files now (normally done every compaction interval); returns files merged. */
  public int compact() throws IOException {
    return store.compact();
  }

  /** Drops day partitions past each tenant's retention now (normally hourly); returns days dropped. */
  public int applyRetention() throws IOException {
    return store.applyRetention(config.retentionDays());
  }

  public LakeConfig config() {
    return config;
  }

  @Override
  public void close() throws IOException {
    background.shutdown();
    compaction.shutdown();
    queryExecutor.shutdownNow();
    timer.shutdownNow();
    try {
      background.awaitTermination(30, TimeUnit.SECONDS);
      compaction.awaitTermination(30, TimeUnit.SECONDS);
      queryExecutor.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      guard.close();
    } catch (SQLException e) {
      LOG.warn("closing the query parser: {}", e.getMessage());
    }
    store.close();
  }
}
