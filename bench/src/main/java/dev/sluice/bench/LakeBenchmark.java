package dev.sluice.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.lake.ApplianceIdentity;
import dev.sluice.lake.IngestAuthorizer;
import dev.sluice.lake.IngestOutcome;
import dev.sluice.lake.LakeConfig;
import dev.sluice.lake.LakeRoutes;
import dev.sluice.lake.LakeServer;
import dev.sluice.lake.LakeService;
import dev.sluice.lake.QueryRequest;
import dev.sluice.lake.QueryResult;
import dev.sluice.lake.StandaloneIdentity;
import dev.sluice.lake.StorageSettings;
import dev.sluice.lake.internal.ArrowIpc;
import dev.sluice.lake.internal.BatchDecoder;
import dev.sluice.lake.internal.LakeFiles;
import dev.sluice.lake.internal.OcsfColumns;
import dev.sluice.lake.internal.WalBatchReader;
import dev.sluice.lake.sample.SampleAlerts;
import dev.sluice.wire.ingest.ContentEncoding;
import dev.sluice.wire.ingest.IngestBatch;
import dev.sluice.wire.ingest.IngestCodec;
import dev.sluice.wire.ingest.IngestEvent;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.arrow.c.ArrowArrayStream;
import org.apache.arrow.c.Data;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * The lake benchmark (docs/benchmarks.md, section 4): durable ingest rate, conversion to
 * Parquet, the HTTP path, write paths compared side by side, bytes per event, and query latency
 * on 10M rows. Not a test: run it on purpose.
 *
 * <pre>
 * ./mvnw -B -q -o -pl bench -am compile
 * java --add-opens=java.base/java.nio=ALL-UNNAMED -Xmx3g -cp bench/target/classes:$(cat bench/target/classpath.txt) \
 *     dev.sluice.bench.LakeBenchmark /tmp/lake-bench stages|ingest|storage|writepaths|query|convert [n]
 * </pre>
 */
public final class LakeBenchmark {
  private static final ObjectMapper OCSF_JSON = new ObjectMapper();

  private static final long DAY = 86_400_000L;
  private static final long T0 = 1_795_000_000_000L;
  static final int BATCH = 5_000;
  private static final int UNIQUE = 100_000;
  private static final int HTTP_EVENTS = 50_000;
  /** How ingest bodies are compressed: zstd as the appliance sends them, or {@code -Dbench.encoding=gzip}. */
  static final ContentEncoding ENCODING =
      ContentEncoding.ofHeader(System.getProperty("bench.encoding", "zstd")).orElseThrow();

  private LakeBenchmark() {}

  /**
   * {@code LakeBenchmark <root> <mode> [n]}; modes: {@code stages [events]} (CPU per event of each
   * ingest stage), {@code ingest [events]} (durable ingest rate, 1 and 2 threads, and over HTTP),
   * {@code sustained [events]} (acked rate with the background conversion running, and end to end),
   * {@code storage} (bytes per event), {@code writepaths}, {@code query [rows]} (10M-row latency),
   * {@code convert [events]} (WAL → Parquet conversion and compaction, events/s and CPU per event;
   * {@code -Dunit=} events per converted segment, default 100,000).
   */
  public static void main(String[] args) throws Exception {
    Path root = Path.of(args.length > 0 ? args[0] : "/tmp/lake-bench");
    String mode = args.length > 1 ? args[1] : "query";
    long n = args.length > 2 ? Long.parseLong(args[2]) : 0;
    if (!mode.equals("requery")) {
      deleteRecursively(root);
    }
    Files.createDirectories(root);
    System.out.printf("lake benchmark %s %,d: %d cores, JDK %s%n", mode, n,
        Runtime.getRuntime().availableProcessors(), Runtime.version());

    long t = System.nanoTime();
    // alerts 4 s apart (100,000 span 4.6 days); -Dspacing=100 (ms) puts 100,000 into one day
    List<IngestEvent> unique = generate(UNIQUE, 7, Long.getLong("spacing", 4_000L));
    System.out.printf("generated %,d unique alerts in %.1f s (avg OCSF JSON %,d B, raw_data %,d B)%n", unique.size(),
        secs(t), avgJson(unique), avgRaw(unique));
    if (mode.equals("stages")) {
      IngestStages.run(root, unique, (int) (n > 0 ? n : 200_000));
      return;
    }
    if (mode.equals("convert")) {
      ConversionBench.run(root, unique, (int) (n > 0 ? n : 600_000), Integer.getInteger("unit", 100_000));
      return;
    }
    if (mode.equals("writepaths")) {
      writePathComparison(root, unique.subList(0, 50_000));
      return;
    }
    if (mode.equals("sustained")) {
      sustained(root, unique, (int) (n > 0 ? n : 300_000));
      return;
    }
    LakeConfig config = new LakeConfig(root.resolve("lake"), Duration.ofDays(1), Duration.ofDays(1), x -> 36500,
        new LakeConfig.QueryLimits(Duration.ofSeconds(120), Duration.ofSeconds(60), 50_000, 10_000, "2GB", 2, 4));
    StorageSettings settings = new StorageSettings(2, 1L << 34, StorageSettings.LARGE_FILE_BYTES, Duration.ZERO, "2GB");
    try (LakeService lake = LakeService.start(config, IngestAuthorizer.allowAll(), Clock.systemUTC(), settings)) {
      switch (mode) {
        case "ingest" -> {
          ingestBenchmark(lake, unique, (int) (n > 0 ? n : 1_000_000));
          httpBenchmark(lake, unique);
        }
        case "storage" -> bytesPerEvent(lake, unique);
        case "query" -> {
          bytesPerEvent(lake, unique);
          queryData(lake, n > 0 ? n : 10_000_000L);
          timeQueries(lake);
        }
        case "requery" -> timeQueries(lake);
        default -> throw new IllegalArgumentException("unknown mode " + mode);
      }
    }
  }

  private static List<IngestEvent> generate(int count, long seed, long spacingMillis) {
    SampleAlerts sample = new SampleAlerts(seed, "appl-src", 0);
    List<IngestEvent> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      out.add(sample.next(T0 + i * spacingMillis));
    }
    return out;
  }

  private static int avgJson(List<IngestEvent> events) {
    return (int) events.stream().limit(1000).mapToLong(e -> e.ocsf().toString().length()).average().orElse(0);
  }

  private static int avgRaw(List<IngestEvent> events) {
    return (int) events.stream().limit(1000).mapToLong(e -> e.ocsf().path("raw_data").asText().length()).average().orElse(0);
  }

  /** Batches of {@code pool} events re-issued with fresh ids of {@code appliance}. */
  static List<IngestBatch> batches(List<IngestEvent> pool, String appliance, int events) {
    List<IngestBatch> out = new ArrayList<>();
    for (int start = 0; start < events; start += BATCH) {
      List<IngestEvent> batch = new ArrayList<>(BATCH);
      for (int i = start; i < Math.min(events, start + BATCH); i++) {
        IngestEvent e = pool.get(i % pool.size());
        batch.add(new IngestEvent(appliance + ":" + i, e.receiveTime(), e.sender(), e.alertKind(), e.testAlert(), e.ocsf()));
      }
      out.add(new IngestBatch("b" + start, "int-1", batch));
    }
    return out;
  }

  private static void ingestBenchmark(LakeService lake, List<IngestEvent> pool, int events) throws Exception {
    for (int threads : new int[] {1, 2}) {
      String appliance = "appl-t" + threads;
      // The bodies as the appliance sends them (zstd JSON), read by the lake as an HTTP body is.
      List<byte[]> batches = batches(pool, appliance, events).stream().map(b -> IngestCodec.encodeBatch(b, ENCODING)).toList();
      ApplianceIdentity who = new ApplianceIdentity("bench-ingest", appliance);
      // Warm-up: 100,000 events of another appliance, made queryable before the timed run.
      ApplianceIdentity warm = new ApplianceIdentity("bench-warm", "appl-w" + threads);
      for (byte[] body : batches(pool, warm.applianceId(), 100_000).stream().map(b -> IngestCodec.encodeBatch(b, ENCODING)).toList()) {
        lake.ingest(warm, new java.io.ByteArrayInputStream(body), ENCODING);
      }
      lake.flush();
      AtomicInteger next = new AtomicInteger();
      ExecutorService pool2 = Executors.newFixedThreadPool(threads);
      com.sun.management.OperatingSystemMXBean os =
          (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
      long cpu = os.getProcessCpuTime();
      long t = System.nanoTime();
      List<Future<Integer>> futures = new ArrayList<>();
      for (int w = 0; w < threads; w++) {
        futures.add(pool2.submit(() -> {
          int accepted = 0;
          for (int b; (b = next.getAndIncrement()) < batches.size(); ) {
            IngestOutcome outcome = lake.ingest(who, new java.io.ByteArrayInputStream(batches.get(b)), ENCODING);
            accepted += ((IngestOutcome.Stored) outcome).response().accepted();
          }
          return accepted;
        }));
      }
      int accepted = 0;
      for (Future<Integer> f : futures) {
        accepted += f.get();
      }
      double ingest = secs(t);
      double cpuPerEvent = (os.getProcessCpuTime() - cpu) / 1e3 / accepted;
      pool2.shutdown();
      long walBytes = sizeOf(lake.config().root().resolve("wal"));
      t = System.nanoTime();
      lake.flush();
      double flush = secs(t);
      System.out.printf(Locale.ROOT,
          "ingest (" + ENCODING.header() + "), %d thread(s): %,d events acked durable (WAL fsync'd) in %.2f s = %,.0f events/s (%.0f MB/s WAL,"
              + " process CPU %.1f µs/event);"
              + " conversion to Parquet %.2f s = %,.0f events/s; end to end %,.0f events/s%n",
          threads, accepted, ingest, accepted / ingest, walBytes / ingest / 1e6, cpuPerEvent, flush, accepted / flush,
          accepted / (ingest + flush));
    }
  }

  /**
   * Sustained ingest as the lake runs in production: background conversion to Parquet every
   * second and compaction every 30 s (the defaults), two threads posting zstd bodies back to back.
   * Reports the acknowledged rate, how far the conversion fell behind (closed WAL segments not
   * yet converted), and the end-to-end rate: events / time until the last one is in Parquet.
   */
  private static void sustained(Path root, List<IngestEvent> pool, int events) throws Exception {
    LakeConfig config = new LakeConfig(root.resolve("lake"), Duration.ofSeconds(1), Duration.ofSeconds(30),
        x -> 36500, LakeConfig.QueryLimits.defaults());
    Path wal = config.root().resolve("wal");
    try (LakeService lake = LakeService.start(config, IngestAuthorizer.allowAll(), Clock.systemUTC())) {
      ApplianceIdentity warm = new ApplianceIdentity("bench-warm", "appl-w");
      // Warm-up (JIT) of the ack path and the conversion: 200,000 events in two rounds, converted.
      List<IngestBatch> warmBatches = batches(pool, warm.applianceId(), 200_000);
      for (int i = 0; i < warmBatches.size(); i++) {
        lake.ingest(warm, new java.io.ByteArrayInputStream(IngestCodec.encodeBatch(warmBatches.get(i), ENCODING)), ENCODING);
        if (i == warmBatches.size() / 2) {
          lake.flush();
        }
      }
      lake.flush();
      ApplianceIdentity who = new ApplianceIdentity("bench-sustained", "appl-s");
      List<byte[]> bodies = batches(pool, who.applianceId(), events).stream()
          .map(b -> IngestCodec.encodeBatch(b, ENCODING)).toList();
      com.sun.management.OperatingSystemMXBean os =
          (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
      AtomicInteger next = new AtomicInteger();
      java.util.concurrent.atomic.AtomicLong ackCpu = new java.util.concurrent.atomic.AtomicLong();
      java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
      ExecutorService senders = Executors.newFixedThreadPool(2);
      Map<String, Long> ticks0 = threadTicks();
      long cpu = os.getProcessCpuTime();
      long t = System.nanoTime();
      List<Future<Integer>> done = new ArrayList<>();
      for (int w = 0; w < 2; w++) {
        done.add(senders.submit(() -> {
          long c0 = threads.getCurrentThreadCpuTime();
          int accepted = 0;
          for (int b; (b = next.getAndIncrement()) < bodies.size(); ) {
            IngestOutcome outcome = lake.ingest(who, new java.io.ByteArrayInputStream(bodies.get(b)), ENCODING);
            accepted += ((IngestOutcome.Stored) outcome).response().accepted();
          }
          ackCpu.addAndGet(threads.getCurrentThreadCpuTime() - c0);
          return accepted;
        }));
      }
      int maxBacklog = 0;
      while (done.stream().anyMatch(f -> !f.isDone())) {
        maxBacklog = Math.max(maxBacklog, walSegments(wal) - 1);
        Thread.sleep(200);
      }
      int accepted = 0;
      for (Future<Integer> f : done) {
        accepted += f.get();
      }
      double acked = secs(t);
      int backlogAtAck = walSegments(wal) - 1;
      while (!walDrained(wal)) {
        Thread.sleep(50);
      }
      double converted = secs(t);
      double cpuPerEvent = (os.getProcessCpuTime() - cpu) / 1e3 / accepted;
      Map<String, Long> ticks1 = threadTicks();
      senders.shutdown();
      System.out.printf(Locale.ROOT, "sustained (%s, 2 threads, conversion every 1 s, compaction every 30 s): %,d events"
              + " acked in %.2f s = %,.0f events/s; unconverted WAL segments: up to %d while ingesting, %d at the last ack;"
              + " all in Parquet after %.2f s = %,.0f events/s end to end; process CPU %.1f µs/event, of which the"
              + " ack path (the two ingest threads) %.1f µs and everything else (conversion, compaction, GC, JIT) %.1f µs%n",
          ENCODING.header(), accepted, acked, accepted / acked, maxBacklog, backlogAtAck, converted,
          accepted / converted, cpuPerEvent, ackCpu.get() / 1e3 / accepted, cpuPerEvent - ackCpu.get() / 1e3 / accepted);
      // Per thread group over the same window, from /proc (includes DuckDB's native, JIT and GC threads).
      printThreadGroups("sustained CPU by thread group, µs/event (10 ms ticks; \"java\": the"
          + " two senders, main and DuckDB's workers)", ticks0, ticks1, accepted);
    }
  }

  private static void printThreadGroups(String title, Map<String, Long> ticks0, Map<String, Long> ticks1, int events) {
    Map<String, Long> delta = new java.util.TreeMap<>();
    ticks1.forEach((name, v) -> delta.merge(name, v - ticks0.getOrDefault(name, 0L), Long::sum));
    StringBuilder groups = new StringBuilder(title + ":");
    delta.entrySet().stream().filter(e -> e.getValue() > 0).sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .forEach(e -> groups.append(String.format(Locale.ROOT, " %s %.1f;", e.getKey(), e.getValue() * 10_000.0 / events)));
    System.out.println(groups);
  }

  /** CPU clock ticks (user + system) per thread name, digits folded, of this process's threads (Linux). */
  static Map<String, Long> threadTicks() throws IOException {
    Map<String, Long> out = new java.util.HashMap<>();
    Path tasks = Path.of("/proc/self/task");
    if (!Files.isDirectory(tasks)) {
      return out;
    }
    try (var list = Files.list(tasks)) {
      for (Path task : list.toList()) {
        try {
          String stat = Files.readString(task.resolve("stat"));
          int open = stat.indexOf('(');
          int close = stat.lastIndexOf(')');
          String name = stat.substring(open + 1, close).replaceAll("\\d+", "#");
          String[] f = stat.substring(close + 2).split(" ");
          out.merge(name, Long.parseLong(f[11]) + Long.parseLong(f[12]), Long::sum);
        } catch (IOException | RuntimeException e) {
          // the thread ended while being read
        }
      }
    }
    return out;
  }

  private static int walSegments(Path wal) throws IOException {
    try (var files = Files.list(wal)) {
      return (int) files.filter(p -> p.getFileName().toString().endsWith(".wal")).count();
    }
  }

  /** Only the active segment is left, and it holds no record (just its 8-byte header). */
  private static boolean walDrained(Path wal) throws IOException {
    try (var files = Files.list(wal)) {
      List<Path> segments = files.filter(p -> p.getFileName().toString().endsWith(".wal")).toList();
      return segments.size() == 1 && Files.size(segments.get(0)) <= 8;
    }
  }

  private static void bytesPerEvent(LakeService lake, List<IngestEvent> unique) throws Exception {
    ApplianceIdentity who = new ApplianceIdentity("bench-unique", "appl-src");
    for (int start = 0; start < unique.size(); start += BATCH) {
      lake.ingest(who, new IngestBatch("u" + start, "int-1", unique.subList(start, Math.min(unique.size(), start + BATCH))));
    }
    lake.flush();
    lake.compact();
    LakeFiles files = new LakeFiles(lake.config().root());
    long bytes = 0;
    for (Path p : files.visibleFiles("bench-unique", null, null)) {
      bytes += Files.size(p);
    }
    System.out.printf(Locale.ROOT, "storage: %,d unique alerts in %,d bytes of Parquet (zstd, compacted) = %.1f bytes/event%n",
        unique.size(), bytes, (double) bytes / unique.size());
  }

  /**
   * The real path: zstd bodies POSTed to {@link LakeServer} over 2 connections on loopback, plain
   * HTTP or with {@code -Dbench.tls=true} HTTPS (self-signed server certificate, TLS 1.3). {@code -Dbench.httpEvents} events (default 50,000) timed after as many again as
   * warm-up (JIT of Jetty's and the client's paths); reports the rate and the process's CPU per
   * event (server and client together).
   */
  private static void httpBenchmark(LakeService lake, List<IngestEvent> pool) throws Exception {
    int events = Integer.getInteger("bench.httpEvents", HTTP_EVENTS);
    StandaloneIdentity identity = StandaloneIdentity.loadOrCreate(lake.config().root().resolve("test-token"));
    boolean tls = Boolean.getBoolean("bench.tls");
    dev.sluice.pki.Identity cert = dev.sluice.pki.SelfSignedCertificates.createServer("lake", List.of("127.0.0.1"),
        Duration.ofDays(1), Clock.systemUTC());
    try (LakeServer server = LakeServer.start(new LakeRoutes(lake, identity.users(), identity.appliances()),
        "127.0.0.1", 0, tls ? dev.sluice.pki.TlsContexts.server(cert) : null)) {
      List<byte[]> all = batches(pool, StandaloneIdentity.APPLIANCE, 2 * events).stream()
          .map(b -> IngestCodec.encodeBatch(b, ENCODING)).toList();
      HttpClient http = tls ? HttpClient.newBuilder().sslContext(dev.sluice.pki.TlsContexts.client(
          List.of(cert.certificate()), java.util.Optional.empty())).build() : HttpClient.newHttpClient();
      URI uri = URI.create((tls ? "https" : "http") + "://127.0.0.1:" + server.port() + IngestCodec.PATH);
      com.sun.management.OperatingSystemMXBean os =
          (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
      ExecutorService clients = Executors.newFixedThreadPool(2);
      for (int round = 0; round < 2; round++) {
        List<byte[]> bodies = all.subList(round * all.size() / 2, (round + 1) * all.size() / 2);
        AtomicInteger next = new AtomicInteger();
        Map<String, Long> ticks0 = threadTicks();
        long cpu = os.getProcessCpuTime();
        long t = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < 2; c++) {
          done.add(clients.submit(() -> {
            for (int b; (b = next.getAndIncrement()) < bodies.size(); ) {
              HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri)
                  .header("Authorization", "Bearer " + identity.token()).header("Content-Encoding", ENCODING.header())
                  .POST(HttpRequest.BodyPublishers.ofByteArray(bodies.get(b))).build(), HttpResponse.BodyHandlers.ofString());
              if (r.statusCode() != 200) {
                throw new IllegalStateException(r.body());
              }
            }
            return null;
          }));
        }
        for (Future<?> f : done) {
          f.get();
        }
        double s = secs(t);
        double cpuPerEvent = (os.getProcessCpuTime() - cpu) / 1e3 / events;
        long wire = bodies.stream().mapToLong(b -> b.length).sum();
        System.out.printf(Locale.ROOT, "http%s%s: %,d events as " + ENCODING.header() + " JSON batches of %,d (%.0f B/event on the wire),"
            + " 2 connections, acked in %.2f s = %,.0f events/s (process CPU %.1f µs/event)%n", tls ? "s" : "", round == 0 ? " (warm-up)" : "",
            events, BATCH, (double) wire / events, s, events / s, cpuPerEvent);
        printThreadGroups("http CPU by thread group, µs/event (10 ms ticks; JettyServerThreadPool: the lake's request"
            + " threads, HttpClient and pool: the benchmark's client)", ticks0, threadTicks(), events);
      }
      clients.shutdown();
      lake.flush();
    }
  }

  /** The same rows written to Parquet (zstd) three ways, side by side. */
  private static void writePathComparison(Path root, List<IngestEvent> events) throws Exception {
    Path dir = Files.createDirectories(root.resolve("write-paths"));
    try (BufferAllocator allocator = new RootAllocator();
        Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
      List<byte[]> bodies = batches(events, "appl-src", events.size()).stream().map(IngestCodec::encodeBatch).toList();
      BatchDecoder decoder = new BatchDecoder(allocator);
      for (int round = 0; round < 2; round++) {
        // 1. Arrow, OCSF as nested columns (the lake's path).
        long t = System.nanoTime();
        List<byte[]> payloads = new ArrayList<>();
        for (byte[] body : bodies) {
          BatchDecoder.Result result = decoder.decodeGzip(new java.io.ByteArrayInputStream(body), "t", "appl-src");
          try (BatchDecoder.DecodedBatch batch = ((BatchDecoder.Result.Decoded) result).batch()) {
            payloads.add(ArrowIpc.write(batch.rows(), null, allocator));
          }
        }
        double encode = secs(t);
        Path nested = dir.resolve("arrow-nested.parquet");
        try (WalBatchReader reader = new WalBatchReader(allocator, payloads);
            ArrowArrayStream stream = ArrowArrayStream.allocateNew(allocator)) {
          Data.exportArrayStream(allocator, reader, stream);
          c.unwrap(DuckDBConnection.class).registerArrowStream("nested_" + round, stream);
          s.execute("COPY (SELECT * FROM nested_" + round + ") TO '" + nested + "' (FORMAT parquet, COMPRESSION zstd)");
        }
        double arrowTotal = secs(t);
        // 2. DuckDB appender, analyst columns + raw message + OCSF as a JSON string.
        t = System.nanoTime();
        appendFlatRows(c, s, "flat", events, true);
        Path appended = dir.resolve("appender-json.parquet");
        s.execute("COPY flat TO '" + appended + "' (FORMAT parquet, COMPRESSION zstd)");
        double appenderTotal = secs(t);
        // 3. DuckDB appender, the same columns without the OCSF JSON string.
        t = System.nanoTime();
        appendFlatRows(c, s, "flat2", events, false);
        Path flatOnly = dir.resolve("appender-flat.parquet");
        s.execute("COPY flat2 TO '" + flatOnly + "' (FORMAT parquet, COMPRESSION zstd)");
        double flatTotal = secs(t);
        if (round == 1) {
          int n = events.size();
          System.out.printf(Locale.ROOT, "write paths, %,d alerts → Parquet zstd (2nd round):%n", n);
          System.out.printf(Locale.ROOT, "  Arrow, OCSF nested (lake):      %,8.0f rows/s (encode %.2f s, total %.2f s), %.1f B/row%n",
              n / arrowTotal, encode, arrowTotal, (double) Files.size(nested) / n);
          System.out.printf(Locale.ROOT, "  appender, OCSF as JSON string:  %,8.0f rows/s (total %.2f s), %.1f B/row%n",
              n / appenderTotal, appenderTotal, (double) Files.size(appended) / n);
          System.out.printf(Locale.ROOT, "  appender, no OCSF record:       %,8.0f rows/s (total %.2f s), %.1f B/row%n",
              n / flatTotal, flatTotal, (double) Files.size(flatOnly) / n);
        }
      }
    }
  }

  /**
   * Builds tenant {@code bench-10m} from the ingested unique alerts: copy {@code k} is day
   * {@code k} of the tenant, its alert times mapped linearly into that day, its device addresses
   * shifted (another address per copy) and its event ids made unique. Each copy is written by
   * DuckDB as one time-sorted Parquet file (zstd) into the lake's own layout
   * ({@code tenant=/day=/c…parquet}, what compaction produces), so the queries run through the
   * real sandboxed path over the files the lake would hold. With {@code -Dbench.layout=converted}
   * the files are written as the conversion from the WAL writes them instead (row groups of
   * 20,000, no dictionary for near-unique strings): what a day ingested at a high rate keeps, since
   * compaction leaves large files alone.
   */
  private static void queryData(LakeService lake, long queryRows) throws Exception {
    LakeFiles files = new LakeFiles(lake.config().root());
    List<Path> source = files.visibleFiles("bench-unique", null, null);
    long copies = (queryRows + UNIQUE - 1) / UNIQUE;
    long t = System.nanoTime();
    String list = source.stream().map(p -> "'" + p + "'").collect(Collectors.joining(", "));
    long firstDay = T0 / DAY + 1;
    String layout = System.getProperty("bench.layout", "compacted");
    String options = switch (layout) {
      case "compacted" -> OcsfColumns.PARQUET_OPTIONS;
      case "converted" -> OcsfColumns.CONVERSION_OPTIONS;
      default -> throw new IllegalArgumentException("bench.layout must be compacted or converted: " + layout);
    };
    System.out.println("query data layout: " + layout + " (" + options + ")");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
      s.execute("CREATE TEMP TABLE src AS SELECT * FROM read_parquet([" + list + "], hive_partitioning = false)"
          + " ORDER BY ocsf.time");
      long lo;
      long span;
      try (ResultSet r = s.executeQuery("SELECT min(ocsf.time), max(ocsf.time) - min(ocsf.time) + 1 FROM src")) {
        r.next();
        lo = r.getLong(1);
        span = r.getLong(2);
      }
      for (long k = 0; k < copies; k++) {
        long day = firstDay + k;
        // src is sorted by time and the new time grows with it: the copy stays sorted (insertion order kept)
        String dayStart = String.valueOf(day * DAY);
        // time within the day: (time - lo) * DAY / span, computed in 128 bits to avoid overflow
        String newTime = dayStart + " + CAST((CAST(ocsf.time - " + lo + " AS HUGEINT) * " + DAY + ") // " + span
            + " AS BIGINT)";
        String ip = "'10.' || ((CAST(split_part(ocsf.device.ip, '.', 2) AS INT) + " + k + ") % 4) || '.'"
            + " || split_part(ocsf.device.ip, '.', 3) || '.'"
            + " || ((CAST(split_part(ocsf.device.ip, '.', 4) AS INT) - 1 + " + k + ") % 254 + 1)";
        Path dir = files.dayDir("bench-10m", java.time.LocalDate.ofEpochDay(day));
        Files.createDirectories(dir);
        Path tmp = files.tmp().resolve("bench-copy.parquet");
        long copyStart = System.nanoTime();
        s.execute("COPY (SELECT * REPLACE ('bench-10m' AS tenant, DATE '1970-01-01' + " + day + " AS day,"
            + " event_id || '/' || " + k + " AS event_id,"
            + " CAST(make_timestamp((" + newTime + " + 1000) * 1000) AS TIMESTAMP_MS) AS receive_time,"
            + " struct_update(ocsf, time := " + newTime + ", device := struct_update(ocsf.device, ip := " + ip + "))"
            + " AS ocsf) FROM src)"
            + " TO '" + tmp + "' (" + options + ")");
        Files.move(tmp, dir.resolve(LakeFiles.compactedFileName(k, k)));
        if (k < 3 || k % 10 == 9) {
          System.out.printf(Locale.ROOT, "  query data: day %d of %d written in %.1f s%n", k + 1, copies, secs(copyStart));
        }
      }
    }
    System.out.printf(Locale.ROOT, "query data: %d days generated in %.1f s%n", copies, secs(t));
  }

  /** The four analyst queries, five runs each, through the sandboxed synchronous query path. */
  private static void timeQueries(LakeService lake) {
    long rows = count(lake, "bench-10m");
    System.out.printf(Locale.ROOT, "query data: %,d rows in %d files%n", rows, fileCount(lake, "bench-10m"));
    String[][] queries = {
        {"count by hour", "SELECT date_trunc('hour', time) AS hour, count(*) FROM alerts GROUP BY 1 ORDER BY 1"},
        {"top alert types", "SELECT alert_type, count(*) AS n FROM alerts GROUP BY 1 ORDER BY n DESC LIMIT 10"},
        {"filter by device address", "SELECT time, title, device_ip, peer_ip FROM alerts WHERE device_ip = '10.1.20.30' ORDER BY time DESC LIMIT 100"},
        {"title text match", "SELECT count(*) FROM alerts WHERE title ILIKE '%beacon%'"}};
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    for (String[] q : queries) {
      double[] ms = new double[5];
      double[] cpuMs = new double[5];
      int resultRows = 0;
      for (int i = 0; i < ms.length; i++) {
        long cpu = os.getProcessCpuTime();
        long start = System.nanoTime();
        QueryResult result = lake.query("bench-10m", new QueryRequest(q[1], null, null));
        ms[i] = (System.nanoTime() - start) / 1e6;
        cpuMs[i] = (os.getProcessCpuTime() - cpu) / 1e6;
        if (!(result instanceof QueryResult.Succeeded ok)) {
          throw new IllegalStateException(q[0] + ": " + result);
        }
        resultRows = ok.rows().size();
      }
      Arrays.sort(ms);
      Arrays.sort(cpuMs);
      System.out.printf(Locale.ROOT, "query %-26s median %6.0f ms, min %6.0f ms, max %6.0f ms, CPU median %6.0f ms"
          + " (%d result rows) — %s%n", q[0] + ":", ms[2], ms[0], ms[4], cpuMs[2], resultRows, q[1]);
    }
  }

  private static int fileCount(LakeService lake, String tenant) {
    try {
      return new LakeFiles(lake.config().root()).visibleFiles(tenant, null, null).size();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The tenant's rows, counted through the query API. */
  static long count(LakeService lake, String tenant) {
    QueryResult result = lake.query(tenant, new QueryRequest("SELECT count(*) FROM alerts", null, null));
    if (!(result instanceof QueryResult.Succeeded ok)) {
      throw new IllegalStateException("count failed: " + result);
    }
    return ((Number) ok.rows().get(0).get(0)).longValue();
  }

  private static long sizeOf(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }

  private static double secs(long start) {
    return (System.nanoTime() - start) / 1e9;
  }

  static void deleteRecursively(Path root) throws IOException {
    if (Files.exists(root)) {
      try (Stream<Path> walk = Files.walk(root)) {
        for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }

  /**
   * Writes the analyst columns and the raw message through DuckDB's appender into a new table
   * {@code table}; with {@code withOcsfJson} also the whole OCSF record as a JSON string.
   */
  private static void appendFlatRows(Connection c, Statement s, String table, List<IngestEvent> events,
      boolean withOcsfJson) throws Exception {
    s.execute("CREATE OR REPLACE TABLE " + table + " (event_id VARCHAR, time BIGINT, title VARCHAR,"
        + " device_ip VARCHAR, severity VARCHAR, raw_data VARCHAR" + (withOcsfJson ? ", ocsf VARCHAR" : "") + ")");
    try (DuckDBAppender appender = c.unwrap(DuckDBConnection.class).createAppender("main", table)) {
      for (IngestEvent e : events) {
        JsonNode o = e.ocsf();
        appender.beginRow();
        appender.append(e.eventId());
        appender.append(o.get("time").asLong());
        appender.append(o.path("finding_info").path("title").asText());
        appender.append(o.path("device").path("ip").asText());
        appender.append(o.path("severity").asText());
        appender.append(o.path("raw_data").asText());
        if (withOcsfJson) {
          appender.append(OCSF_JSON.writeValueAsString(o));
        }
        appender.endRow();
      }
    }
  }
}
