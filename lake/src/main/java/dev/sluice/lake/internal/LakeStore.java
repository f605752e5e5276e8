package dev.sluice.lake.internal;

import dev.sluice.lake.StorageSettings;
import dev.sluice.wire.ingest.EventId;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.ToIntFunction;
import java.util.stream.Stream;
import org.apache.arrow.c.ArrowArrayStream;
import org.apache.arrow.c.Data;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.duckdb.DuckDBConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lake's storage: durable ingest into the {@link WriteAheadLog}, exactly-once by event id
 * ({@link EventIdIndex}), conversion of WAL segments to Parquet (zstd) partitioned by tenant and
 * day through DuckDB, compaction of small files and retention by whole day partitions. See
 * {@link LakeFiles} for the layout and why no reader ever sees a partial file.
 *
 * <p>Crash safety, step by step: an event is acknowledged only after its WAL record is fsync'd.
 * A segment is converted into a temporary directory, each file fsync'd and renamed into its
 * partition (same names on every retry, so a repeated conversion replaces instead of adding);
 * then the id snapshot is written; then the segment is deleted. A crash anywhere repeats the
 * unfinished step on the next start.
 */
public final class LakeStore implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(LakeStore.class);

  /** The outcome of appending one batch's valid events. */
  public record Appended(int accepted, List<String> duplicateIds) {}

  private final LakeFiles files;
  private final Clock clock;
  private final StorageSettings settings;
  private final BufferAllocator allocator = new RootAllocator();
  private final BatchDecoder decoder = new BatchDecoder(allocator);
  private final EventIdIndex ids = new EventIdIndex();
  private final WriteAheadLog wal;
  private final Connection duck;
  /**
   * Compaction's own DuckDB instance: it runs next to the conversion (a compaction must not hold
   * back the conversion that makes events queryable), and it keeps rows in their order, a setting
   * that is global to an instance.
   */
  private final Connection compactor;
  private final Object ingestLock = new Object();
  /** Event offsets claimed by requests that have not finished writing them, by tenant/appliance. */
  private final Map<String, Set<Long>> pending = new HashMap<>();
  /** Held by the conversion; retention and close take it before {@link #compactionLock}. */
  private final Object backgroundLock = new Object();
  private final Object compactionLock = new Object();
  private final Map<Path, Instant> coveredSince = new LinkedHashMap<>();
  private volatile boolean failed;
  /** Numbers the Arrow views registered with {@link #duck}. */
  private long views;

  private LakeStore(LakeFiles files, Clock clock, StorageSettings settings) throws IOException, SQLException {
    this.files = files;
    this.clock = clock;
    this.settings = settings;
    Files.createDirectories(files.alerts());
    if (Files.isDirectory(files.tmp())) {
      try (Stream<Path> leftovers = Files.list(files.tmp())) {
        long unfinished = leftovers.count();
        if (unfinished > 0) {
          LOG.info("discarding {} unfinished file(s) from an interrupted conversion or compaction", unfinished);
        }
      }
    }
    Durable.deleteRecursively(files.tmp());
    Files.createDirectories(files.tmp());
    Files.createDirectories(files.idSnapshot().getParent());
    Properties config = new Properties();
    config.setProperty("memory_limit", settings.writerMemoryLimit());
    config.setProperty("preserve_insertion_order", "false");
    config.setProperty("autoinstall_known_extensions", "false");
    config.setProperty("autoload_known_extensions", "false");
    config.setProperty("temp_directory", files.tmp().resolve("duckdb").toString());
    this.duck = DriverManager.getConnection("jdbc:duckdb:", config);
    Properties compaction = new Properties();
    compaction.putAll(config);
    compaction.setProperty("preserve_insertion_order", "true");
    compaction.setProperty("temp_directory", files.tmp().resolve("duckdb-compaction").toString());
    this.compactor = DriverManager.getConnection("jdbc:duckdb:", compaction);
    long snapshot = ids.loadSnapshot(files.idSnapshot());
    this.wal = new WriteAheadLog(files.wal());
    recover(snapshot);
    writeEmptyFile();
    upgradeOlderFiles();
  }

  /**
   * Rewrites data files written before the stored analyst columns existed
   * ({@link OcsfColumns#STORED_ANALYST_COLUMNS}) so that every file has the table's columns and
   * the query view can read them all without {@code union_by_name}. Each file is rewritten to a
   * temporary file and renamed over the original: a crash leaves either the old or the new file,
   * and the next start finishes the job. The rows and the record are unchanged. Once every file
   * has the columns, a marker records it, so later starts do not read every file's schema again.
   */
  private void upgradeOlderFiles() throws IOException {
    Path marker = files.root().resolve(LAYOUT_MARKER);
    if (Files.exists(marker)) {
      return;
    }
    int upgraded = 0;
    for (String tenant : files.tenants()) {
      for (LocalDate day : files.days(tenant)) {
        for (LakeFiles.DataFile file : files.allFiles(files.dayDir(tenant, day))) {
          if (!hasStoredAnalystColumns(file.path())) {
            rewriteWithStoredAnalystColumns(file.path());
            upgraded++;
          }
        }
      }
    }
    if (upgraded > 0) {
      LOG.info("rewrote {} data file(s) of an earlier layout with the stored analyst columns", upgraded);
    }
    Path tmp = files.tmp().resolve(LAYOUT_MARKER);
    Files.writeString(tmp, "stored analyst columns\n");
    Durable.fsync(tmp);
    Durable.move(tmp, marker);
  }

  /** Present once every data file has the stored analyst columns. */
  static final String LAYOUT_MARKER = "layout-stored-analyst-columns";

  private boolean hasStoredAnalystColumns(Path file) throws IOException {
    try (PreparedStatement s = duck.prepareStatement("SELECT count(*) FROM parquet_schema(?) WHERE name = 'peer_ip'")) {
      s.setString(1, file.toString());
      try (ResultSet rows = s.executeQuery()) {
        return rows.next() && rows.getLong(1) > 0;
      }
    } catch (SQLException e) {
      throw new IOException("cannot read the columns of " + file + ": " + e.getMessage(), e);
    }
  }

  private void rewriteWithStoredAnalystColumns(Path file) throws IOException {
    Path tmp = files.tmp().resolve("upgrade-" + file.getFileName());
    try (Statement s = duck.createStatement()) {
      s.execute("COPY (SELECT " + OcsfColumns.PARQUET_SELECT + " FROM read_parquet(" + quote(file.toString())
          + ", hive_partitioning = false)) TO " + quote(tmp.toString()) + " (" + OcsfColumns.PARQUET_OPTIONS + ")");
    } catch (SQLException e) {
      Files.deleteIfExists(tmp);
      throw new IOException("upgrading " + file + " failed: " + e.getMessage(), e);
    }
    Durable.fsync(tmp);
    Durable.move(tmp, file);
  }

  /** A Parquet file with the table's columns and no rows: what a query reads when a tenant has no data. */
  public Path emptyFile() {
    return files.idSnapshot().resolveSibling("empty.parquet");
  }

  private void writeEmptyFile() throws IOException {
    Path tmp = files.tmp().resolve("empty.parquet");
    try {
      writeParquet(List.of(), "TRUE", tmp);
    } catch (SQLException e) {
      throw new IOException("cannot write the empty table file: " + e.getMessage(), e);
    }
    Durable.fsync(tmp);
    Durable.move(tmp, emptyFile());
  }

  /** Opens (and recovers) the store under {@code root}. */
  public static LakeStore open(Path root, Clock clock, StorageSettings settings) throws IOException {
    try {
      return new LakeStore(new LakeFiles(root), clock, settings);
    } catch (SQLException e) {
      throw new IOException("cannot start DuckDB: " + e.getMessage(), e);
    }
  }

  public LakeFiles files() {
    return files;
  }

  /** Reads ingest bodies into Arrow rows allocated from this store's allocator. */
  public BatchDecoder decoder() {
    return decoder;
  }

  private void recover(long snapshotSegment) throws IOException {
    List<Long> pending = closedSegments();
    for (long seq : pending) {
      for (byte[] payload : WriteAheadLog.read(wal.path(seq))) {
        addIds(payload);
      }
    }
    if (!pending.isEmpty()) {
      LOG.info("recovering {} WAL segment(s) (id snapshot covers up to {})", pending.size(), snapshotSegment);
    }
    convertPending();
    for (String tenant : files.tenants()) {
      for (LocalDate day : files.days(tenant)) {
        for (LakeFiles.DataFile covered : files.coveredFiles(files.dayDir(tenant, day))) {
          LOG.info("removing {}, already merged into a compacted file", covered.path().getFileName());
          Files.deleteIfExists(covered.path());
        }
      }
    }
  }

  private void addIds(byte[] payload) throws IOException {
    try (ArrowStreamReader reader = new ArrowStreamReader(new ByteArrayInputStream(payload), allocator)) {
      while (reader.loadNextBatch()) {
        VectorSchemaRoot root = reader.getVectorSchemaRoot();
        VarCharVector tenant = (VarCharVector) root.getVector("tenant");
        VarCharVector eventId = (VarCharVector) root.getVector("event_id");
        for (int i = 0; i < root.getRowCount(); i++) {
          EventId id = EventId.parse(new String(eventId.get(i), StandardCharsets.UTF_8)).orElseThrow();
          ids.add(new String(tenant.get(i), StandardCharsets.UTF_8), id.applianceId(), id.offset());
        }
      }
    }
  }

  private List<Long> closedSegments() throws IOException {
    long active = wal.activeSegment();
    return wal.segments().stream().filter(s -> s != active).toList();
  }

  /**
   * Stores the valid events of a decoded batch that are new, and returns once they are durable.
   * The batch's event ids belong to its (authenticated) appliance.
   */
  public Appended append(String tenant, BatchDecoder.DecodedBatch batch) throws IOException {
    if (failed) {
      throw new IOException("the lake store has failed; restart it");
    }
    int n = batch.validCount();
    String appliance = batch.applianceId();
    long[] offsets = new long[n];
    for (int i = 0; i < n; i++) {
      offsets[i] = batch.offset(i);
    }
    boolean[] take = new boolean[n];
    List<String> duplicates = new ArrayList<>();
    Set<Long> claimed = new HashSet<>();
    synchronized (ingestLock) {
      // A concurrent request holding some of these ids decides them first: wait for its outcome.
      while (anyPending(tenant, appliance, offsets)) {
        try {
          ingestLock.wait();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted while waiting for a concurrent batch with the same events");
        }
      }
      boolean[] held = ids.containsEach(tenant, appliance, offsets, n);
      Set<Long> mine = pending.computeIfAbsent(pendingKey(tenant, appliance), k -> new HashSet<>());
      for (int i = 0; i < n; i++) {
        if (held[i] || !mine.add(offsets[i])) {
          duplicates.add(batch.eventId(i));
        } else {
          take[i] = true;
          claimed.add(offsets[i]);
        }
      }
    }
    boolean stored = false;
    try {
      if (!claimed.isEmpty()) {
        boolean[] kept = claimed.size() == n ? null : take;
        wal.append(out -> ArrowIpc.write(batch.rows(), kept, allocator, out));
      }
      stored = true;
    } finally {
      synchronized (ingestLock) {
        if (stored) {
          ids.addEach(tenant, appliance, offsets, take);
        }
        Set<Long> mine = pending.get(pendingKey(tenant, appliance));
        if (mine != null) {
          mine.removeAll(claimed);
          if (mine.isEmpty()) {
            pending.remove(pendingKey(tenant, appliance));
          }
        }
        ingestLock.notifyAll();
      }
    }
    return new Appended(claimed.size(), duplicates);
  }

  private boolean anyPending(String tenant, String appliance, long[] offsets) {
    Set<Long> held = pending.get(pendingKey(tenant, appliance));
    if (held == null) {
      return false;
    }
    for (long offset : offsets) {
      if (held.contains(offset)) {
        return true;
      }
    }
    return false;
  }

  private static String pendingKey(String tenant, String appliance) {
    return tenant + "/" + appliance;
  }

  /**
   * Makes everything acknowledged so far queryable: closes the active WAL segment and converts
   * every closed segment to Parquet.
   */
  public void flush() throws IOException {
    synchronized (backgroundLock) {
      wal.rotate();
      convertPending();
    }
  }

  private void convertPending() throws IOException {
    for (long seq : closedSegments()) {
      convert(seq);
      ids.writeSnapshot(files.idSnapshot(), seq);
      wal.delete(seq);
    }
  }

  private void convert(long seq) throws IOException {
    List<byte[]> payloads = WriteAheadLog.read(wal.path(seq));
    if (payloads.isEmpty()) {
      return;
    }
    Path out = files.tmp().resolve("segment-" + seq);
    Durable.deleteRecursively(out);
    try {
      for (var partition : WalPartitions.split(payloads, allocator).entrySet()) {
        Path dayDir = files.dayDir(partition.getKey().tenant(), partition.getKey().day());
        Path file = out.resolve(files.alerts().relativize(dayDir).toString()).resolve(LakeFiles.walFileName(seq, 0));
        Files.createDirectories(file.getParent());
        WalPartitions.Group group = partition.getValue();
        writeParquet(group.payloads(), group.mixed() ? "tenant = " + quote(partition.getKey().tenant())
            + " AND day = DATE " + quote(partition.getKey().day().toString()) : "TRUE", file);
      }
    } catch (SQLException e) {
      failed = true;
      throw new IOException("converting WAL segment " + seq + " failed: " + e.getMessage(), e);
    }
    publish(out, seq);
    Durable.deleteRecursively(out);
  }

  /**
   * Writes WAL payloads (Arrow IPC streams) as one Parquet file with the table's columns: DuckDB
   * scans the Arrow batches and adds the stored analyst columns; {@code where} selects the rows.
   */
  private void writeParquet(List<byte[]> payloads, String where, Path file) throws SQLException, IOException {
    String view = "wal_batches_" + (++views);
    try (WalBatchReader reader = new WalBatchReader(allocator, payloads);
        ArrowArrayStream stream = ArrowArrayStream.allocateNew(allocator)) {
      Data.exportArrayStream(allocator, reader, stream);
      duck.unwrap(DuckDBConnection.class).registerArrowStream(view, stream);
      try (Statement s = duck.createStatement()) {
        s.execute("COPY (SELECT " + OcsfColumns.PARQUET_SELECT + " FROM " + view + " WHERE " + where + ") TO "
            + quote(file.toString()) + " (" + OcsfColumns.CONVERSION_OPTIONS + ")");
        s.execute("DROP VIEW IF EXISTS " + view);
      }
    }
  }

  /** Moves the files of a converted segment into the live tree, replacing any earlier attempt. */
  private void publish(Path out, long seq) throws IOException {
    Set<Path> published = new HashSet<>();
    List<Path> produced;
    try (Stream<Path> walk = Files.walk(out)) {
      produced = walk.filter(p -> p.getFileName().toString().endsWith(".parquet")).toList();
    }
    for (Path file : produced) {
      Path relative = out.relativize(file);
      Path target = files.alerts().resolve(relative.toString());
      Files.createDirectories(target.getParent());
      Durable.fsyncDirectory(target.getParent().getParent());
      Durable.fsync(file);
      Durable.move(file, target);
      published.add(target);
    }
    String prefix = String.format("w%020d_", seq);
    for (Path dir : published.stream().map(Path::getParent).distinct().toList()) {
      try (Stream<Path> list = Files.list(dir)) {
        for (Path stale : list.filter(p -> p.getFileName().toString().startsWith(prefix))
            .filter(p -> !published.contains(p)).toList()) {
          Files.deleteIfExists(stale);
        }
      }
    }
  }

  /**
   * Merges runs of small files in each day directory into one file each ({@link CompactionPlan}:
   * large files are left alone); returns the number of files merged.
   */
  public int compact() throws IOException {
    synchronized (compactionLock) {
      deleteCoveredAfterGrace();
      long firstUnconverted = wal.segments().stream().findFirst().orElse(Long.MAX_VALUE);
      int merged = 0;
      for (String tenant : files.tenants()) {
        for (LocalDate day : files.days(tenant)) {
          merged += compactDay(files.dayDir(tenant, day), firstUnconverted);
        }
      }
      return merged;
    }
  }

  private int compactDay(Path dayDir, long firstUnconverted) throws IOException {
    List<CompactionPlan.Candidate> visible = new ArrayList<>();
    for (LakeFiles.DataFile file : files.visibleFiles(dayDir)) {
      visible.add(new CompactionPlan.Candidate(file, Files.size(file.path()), file.hi() < firstUnconverted));
    }
    int merged = 0;
    for (List<LakeFiles.DataFile> run : CompactionPlan.runs(visible, settings.compactionMinFiles(),
        settings.compactionMaxInputBytes(), settings.compactionLargeFileBytes())) {
      merge(dayDir, run);
      merged += run.size();
    }
    return merged;
  }

  private void merge(Path dayDir, List<LakeFiles.DataFile> run) throws IOException {
    long lo = run.get(0).lo();
    long hi = run.get(run.size() - 1).hi();
    Path tmp = files.tmp().resolve(LakeFiles.compactedFileName(lo, hi));
    String list = String.join(", ", run.stream().map(f -> quote(f.path().toString())).toList());
    // The files' rows in WAL order (arrival order, close to time order): no sort, which would hold
    // the whole run in memory and cost a third more CPU (docs/benchmarks.md §4).
    try (Statement s = compactor.createStatement()) {
      s.execute("COPY (SELECT * FROM read_parquet([" + list + "], hive_partitioning = false))"
          + " TO " + quote(tmp.toString()) + " (" + OcsfColumns.PARQUET_OPTIONS + ")");
    } catch (SQLException e) {
      Files.deleteIfExists(tmp);
      throw new IOException("compacting " + dayDir + " failed: " + e.getMessage(), e);
    }
    Durable.fsync(tmp);
    Durable.move(tmp, dayDir.resolve(tmp.getFileName()));
    Instant now = clock.instant();
    for (LakeFiles.DataFile input : run) {
      coveredSince.put(input.path(), now);
    }
  }

  private void deleteCoveredAfterGrace() throws IOException {
    Instant cutoff = clock.instant().minus(settings.coveredFileGrace());
    var it = coveredSince.entrySet().iterator();
    while (it.hasNext()) {
      var entry = it.next();
      if (!entry.getValue().isAfter(cutoff)) {
        Files.deleteIfExists(entry.getKey());
        it.remove();
      }
    }
  }

  /**
   * Drops whole day partitions older than each tenant's retention ({@code retentionDays} per
   * tenant): a day {@code d} goes once {@code d < today - retentionDays}. Returns the days dropped.
   */
  public int applyRetention(ToIntFunction<String> retentionDays) throws IOException {
    synchronized (backgroundLock) {
      synchronized (compactionLock) {
        return dropOldDays(retentionDays);
      }
    }
  }

  private int dropOldDays(ToIntFunction<String> retentionDays) throws IOException {
    LocalDate today = LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC);
    int dropped = 0;
    for (String tenant : files.tenants()) {
      LocalDate oldestKept = today.minusDays(retentionDays.applyAsInt(tenant));
      for (LocalDate day : files.days(tenant)) {
        if (day.isBefore(oldestKept)) {
          Path dir = files.dayDir(tenant, day);
          Path trash = files.tmp().resolve("dropped-" + tenant + "-" + day + "-" + System.nanoTime());
          Durable.move(dir, trash);
          Durable.deleteRecursively(trash);
          coveredSince.keySet().removeIf(p -> p.startsWith(dir));
          dropped++;
        }
      }
    }
    return dropped;
  }

  static String quote(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  @Override
  public void close() throws IOException {
    synchronized (backgroundLock) {
      synchronized (compactionLock) {
        synchronized (ingestLock) {
          wal.close();
        }
        try (Connection writer = duck; Connection merger = compactor) {
          // both instances closed, the second even when closing the first fails
        } catch (SQLException e) {
          throw new IOException(e);
        }
        allocator.close();
      }
    }
  }
}
