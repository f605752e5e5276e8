package dev.sluice.bench;

import dev.sluice.appliance.forward.Forwarder;
import dev.sluice.appliance.forward.ForwarderConfig;
import dev.sluice.appliance.forward.HttpLakeClient;
import dev.sluice.appliance.receive.DarktraceFrameProcessor;
import dev.sluice.appliance.receive.ListenerLimits;
import dev.sluice.appliance.receive.Listeners;
import dev.sluice.appliance.receive.Quarantine;
import dev.sluice.appliance.receive.ReceiveCounters;
import dev.sluice.lake.ApplianceIdentity;
import dev.sluice.lake.IngestAuthorizer;
import dev.sluice.lake.LakeConfig;
import dev.sluice.lake.LakeRoutes;
import dev.sluice.lake.LakeServer;
import dev.sluice.lake.LakeService;
import dev.sluice.pki.CertificateAuthority;
import dev.sluice.pki.CertificateRequests;
import dev.sluice.pki.ClientCertificateTrustManager;
import dev.sluice.pki.Identity;
import dev.sluice.pki.KeyPairs;
import dev.sluice.pki.SelfSignedCertificates;
import dev.sluice.pki.TlsContexts;
import dev.sluice.spool.Spool;
import dev.sluice.spool.SpoolConfig;
import dev.sluice.wire.control.IntegrationConfig;
import dev.sluice.wire.control.TenantSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * The appliance's receive path as one process, for {@code bench/appliance-vs-rsyslog.sh}: a
 * syslog listener with the Darktrace pipeline appending to an fsync'd spool, and in {@code lake}
 * mode the forwarder posting over mTLS to a real lake (DuckDB/Parquet) in the same process.
 * Prints {@code ready}, takes WARMUP events unmeasured, prints {@code warm}, and prints the
 * sustained rate of the next COUNT events from the first frame received until the last event is durable in the spool ({@code spool}) or
 * stored by the lake ({@code lake}), then the peak RSS, and exits.
 *
 * <p>Run: {@code java -cp "bench/target/classes:$(cat bench/target/classpath.txt)"
 * dev.sluice.bench.ApplianceReceiveBenchmark spool|lake PORT COUNT WORKDIR WARMUP}
 */
public final class ApplianceReceiveBenchmark {
  private ApplianceReceiveBenchmark() {}

  public static void main(String[] args) {
    try {
      run(args);
    } catch (Exception | Error e) {
      e.printStackTrace();
      System.exit(1);
    }
  }

  private static void run(String[] args) throws Exception {
    String mode = args[0];
    int port = Integer.parseInt(args[1]);
    long count = Long.parseLong(args[2]);
    Path work = Path.of(args[3]);
    Files.createDirectories(work);
    Clock clock = Clock.systemUTC();
    // Diagnostics only (the recorded runs use the defaults): -Dbench.fsync=NEVER and
    // -Dbench.pendingHighWaterMb=N show whether fsync or the spool's in-memory bound limit the rate.
    SpoolConfig spoolConfig = SpoolConfig.defaults()
        .withFsync(SpoolConfig.Fsync.valueOf(System.getProperty("bench.fsync", "ALWAYS")));
    long highWater = Long.getLong("bench.pendingHighWaterMb", 0) << 20;
    if (highWater > 0) {
      spoolConfig = spoolConfig.withPendingWater(highWater, highWater / 2);
    }
    Spool spool = Spool.open(work.resolve("spool"), spoolConfig);
    long[] unwritable = new long[1];
    spool.addWritabilityListener(() -> {
      if (!spool.isWritable()) {
        synchronized (unwritable) {
          unwritable[0]++;
        }
      }
    });
    ReceiveCounters counters = new ReceiveCounters();
    Quarantine quarantine = new Quarantine(1000);
    IntegrationConfig integration = new IntegrationConfig("int-bench", "darktrace-detect",
        "bench", "Darktrace", "DCIP", "tcp", "127.0.0.1", port, List.of("cef"));
    Listeners listeners = new Listeners(Runtime.getRuntime().availableProcessors(),
        new ListenerLimits(64 * 1024, 64, Duration.ofMinutes(10)), spool,
        new DarktraceFrameProcessor("bench"), counters, quarantine, clock);
    listeners.reconcile(List.of(integration),
        new TenantSettings(List.of("corp.example.com"), List.of()));

    LakeService lake = null;
    LakeServer lakeServer = null;
    Forwarder forwarder = null;
    if (mode.equals("lake")) {
      CertificateAuthority ca = CertificateAuthority.create("bench CA", Duration.ofDays(1), clock);
      KeyPair keys = KeyPairs.generate();
      Identity client = new Identity(keys.getPrivate(), List.of(ca.issueClientCertificate(
          CertificateRequests.createPem(keys, "appl-bench"), "CN=appl-bench, OU=bench",
          Duration.ofDays(1), clock), ca.certificate()));
      Identity server = SelfSignedCertificates.createServer("lake", List.of("127.0.0.1"),
          Duration.ofDays(1), clock);
      lake = LakeService.start(LakeConfig.defaults(work.resolve("lake")),
          IngestAuthorizer.allowAll(), clock);
      ApplianceIdentity appliance = new ApplianceIdentity("bench", "appl-bench");
      LakeRoutes routes = new LakeRoutes(lake, ctx -> Optional.empty(),
          ctx -> Optional.of(appliance));
      lakeServer = LakeServer.start(routes, "127.0.0.1", 0, TlsContexts.server(server,
          new ClientCertificateTrustManager(() -> List.of(ca.certificate()))));
      HttpClient http = HttpClient.newBuilder().sslContext(TlsContexts.client(
          List.of(server.certificate()), Optional.of(client))).build();
      forwarder = new Forwarder(spool, new HttpLakeClient(http,
          URI.create("https://127.0.0.1:" + lakeServer.port()), Duration.ofSeconds(60)),
          "appl-bench", ForwarderConfig.defaults(), clock, new Random(1),
          d -> Thread.sleep(d.toMillis())).start();
    }
    System.out.println("ready transport=" + listeners.transport());
    System.out.flush();

    // Warm-up: the first `warmup` events (JIT, page cache, lake files) are not measured.
    long warmup = Long.parseLong(args[4]);
    // Optional time limit for the measured part (the lake mode can be slow on a loaded
    // machine): when it passes, what was done by then is reported with complete=false.
    long limitNanos = args.length > 5 ? Long.parseLong(args[5]) * 1_000_000_000L : Long.MAX_VALUE;
    awaitDone(mode, warmup, counters, spool, forwarder, Long.MAX_VALUE);
    long base = received(counters);
    long durableBefore = spool.durableOffset();
    long storedBefore = forwarder == null ? 0 : forwarder.stats().eventsStored();
    System.out.println("warm");
    System.out.flush();
    long first = 0;
    while (first == 0) {
      if (received(counters) > base) {
        first = System.nanoTime();
      } else {
        Thread.sleep(1);
      }
    }
    long cpuBefore = processCpuNanos();
    long writerBefore = threadCpuNanos("spool-writer-");
    long pipelineBefore = threadCpuNanos("receive-pipeline-");
    long commitsBefore = spool.stats().commits();
    long acceptedBefore = spool.stats().nextOffset();
    long bytesBefore = spool.stats().diskBytes();
    boolean complete = awaitDone(mode, base + count, counters, spool, forwarder,
        limitNanos == Long.MAX_VALUE ? Long.MAX_VALUE : first + limitNanos);
    // Events durable in the spool (spool mode) or stored by the lake (lake mode) in the window.
    long accepted = mode.equals("lake") ? forwarder.stats().eventsStored() - storedBefore
        : spool.durableOffset() - durableBefore;
    double seconds = (System.nanoTime() - first) / 1e9;
    double cpuSeconds = (processCpuNanos() - cpuBefore) / 1e9;
    double writerSeconds = (threadCpuNanos("spool-writer-") - writerBefore) / 1e9;
    double pipelineSeconds = (threadCpuNanos("receive-pipeline-") - pipelineBefore) / 1e9;
    long commits = spool.stats().commits() - commitsBefore;
    long spoolBytes = spool.stats().diskBytes() - bytesBefore;
    long spooled = spool.stats().nextOffset() - acceptedBefore;
    // cpu_us_per_event: this process's CPU time (all threads, user+system) per event over the
    // measured window; it survives a loaded machine better than the rate does. Of it, the spool
    // writer thread's share (encoding, the copy into the page cache, fsync) and the pipeline
    // workers' share (parse, normalize, encode, append): the writer's copy into fresh page-cache
    // pages costs 3-7x more in some windows on this VM, whatever the code (section 5).
    System.out.printf("result mode=%s complete=%s events=%d rejected=%d seconds=%.3f"
        + " events_per_s=%.0f"
        + " cpu_us_per_event=%.2f writer_us_per_event=%.2f pipeline_us_per_event=%.2f"
        + " spool_commits=%d events_per_commit=%.0f"
        + " spool_bytes_per_event=%.0f spool_unwritable_times=%d peak_rss_mb=%d%n", mode,
        complete, accepted,
        quarantine.total(),
        seconds, accepted / seconds, cpuSeconds * 1e6 / accepted, writerSeconds * 1e6 / accepted,
        pipelineSeconds * 1e6 / accepted, commits,
        commits == 0 ? 0.0 : (double) spooled / commits,
        spooled == 0 ? 0.0 : (double) spoolBytes / spooled, unwritableTimes(unwritable),
        peakRssMb());
    System.out.flush();
    listeners.close();
    if (forwarder != null) {
      forwarder.close();
      lakeServer.close();
      lake.close();
    }
    spool.close();
    System.exit(0);
  }

  private static long received(ReceiveCounters counters) {
    return counters.snapshot().stream().mapToLong(s -> s.received()).sum();
  }

  /**
   * Waits until {@code total} frames arrived and every accepted event is durable or stored;
   * false if {@code deadline} (System.nanoTime) passed first.
   */
  private static boolean awaitDone(String mode, long total, ReceiveCounters counters,
      Spool spool, Forwarder forwarder, long deadline) throws InterruptedException {
    while (true) {
      // Received first: a frame is counted accepted before received, so once every frame is
      // received, the accepted count read next includes all of them.
      boolean allReceived = received(counters) >= total;
      long accepted = counters.snapshot().stream().mapToLong(s -> s.accepted()).sum();
      boolean done = allReceived && (mode.equals("lake")
          ? forwarder.stats().eventsStored() >= accepted
          : spool.durableOffset() >= accepted);
      if (done) {
        return true;
      }
      if (System.nanoTime() - deadline > 0 && deadline != Long.MAX_VALUE) {
        return false;
      }
      Thread.sleep(5);
    }
  }

  private static long unwritableTimes(long[] counter) {
    synchronized (counter) {
      return counter[0];
    }
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
        java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  /** CPU time (user + system) of the live threads whose names start with {@code prefix}. */
  private static long threadCpuNanos(String prefix) {
    java.lang.management.ThreadMXBean threads =
        java.lang.management.ManagementFactory.getThreadMXBean();
    long sum = 0;
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().startsWith(prefix)) {
        sum += Math.max(0, threads.getThreadCpuTime(t.getId()));
      }
    }
    return sum;
  }

  /** VmHWM from /proc/self/status: the process's peak resident set, in MiB. */
  static long peakRssMb() throws java.io.IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmHWM:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
      }
    }
    return -1;
  }
}
