package dev.sluice.cli;

import dev.sluice.appliance.Appliance;
import dev.sluice.appliance.boot.ApplianceBoot;
import dev.sluice.appliance.forward.ForwarderConfig;
import dev.sluice.appliance.receive.DarktraceFrameProcessor;
import dev.sluice.appliance.receive.ListenerLimits;
import dev.sluice.spool.SpoolConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sluice appliance}: boots the collector appliance. The first start enrolls with central
 * using the image's single-use secret; later starts use the identity stored in the data
 * directory. Runs until stopped (SIGTERM/SIGINT).
 */
@Command(name = "appliance", mixinStandardHelpOptions = true,
    description = "Run the collector appliance: enroll from an image once, then listen for "
        + "syslog, spool and forward to the lake.")
public final class ApplianceCommand implements Callable<Integer> {

  @Option(names = "--image", paramLabel = "FILE",
      description = "Appliance image (OVA or Hyper-V package) downloaded from the console; "
          + "needed for the first start only.")
  Path image;

  @Option(names = "--data", paramLabel = "DIR", defaultValue = "${env:SLUICE_DATA:-data/appliance}",
      description = "Where the identity, configuration and spool live (env SLUICE_DATA; "
          + "default: ${DEFAULT-VALUE}).")
  Path data;

  @Option(names = "--metrics-port", defaultValue = "${env:SLUICE_METRICS_PORT:-9464}",
      description = "Local port for /metrics and /quarantine (0 picks one; default ${DEFAULT-VALUE}).")
  int metricsPort;

  @Option(names = "--metrics-bind", defaultValue = "${env:SLUICE_METRICS_BIND:-127.0.0.1}",
      description = "Address the metrics endpoint binds to (default ${DEFAULT-VALUE}).")
  String metricsBind;

  @Option(names = "--spool-max-bytes", defaultValue = "${env:SLUICE_SPOOL_MAX_BYTES:-4294967296}",
      description = "Spool size cap; when reached, listeners stop reading (default ${DEFAULT-VALUE}).")
  long spoolMaxBytes;

  @Option(names = "--max-frame-bytes", defaultValue = "65536",
      description = "Largest syslog frame accepted (default ${DEFAULT-VALUE}).")
  int maxFrameBytes;

  @Option(names = "--max-connections", defaultValue = "64",
      description = "Connections per integration port (default ${DEFAULT-VALUE}).")
  int maxConnections;

  @Option(names = "--idle-timeout", defaultValue = "PT10M",
      description = "Close a sender connection idle this long (ISO-8601, default ${DEFAULT-VALUE}).")
  Duration idleTimeout;

  @Option(names = "--fsync", defaultValue = "always",
      description = "Spool fsync mode: always (durable) or never (testing only).")
  String fsync;

  @Override
  public Integer call() {
    SpoolConfig spool = SpoolConfig.withMaxBytes(spoolMaxBytes)
        .withFsync("never".equalsIgnoreCase(fsync) ? SpoolConfig.Fsync.NEVER
            : SpoolConfig.Fsync.ALWAYS);
    Appliance.Options base = Appliance.Options.defaults();
    Appliance.Options options = new Appliance.Options(
        new ListenerLimits(maxFrameBytes, maxConnections, idleTimeout), spool,
        ForwarderConfig.defaults(), metricsBind, metricsPort, base.workerThreads(),
        base.controlTimeout(), base.configPollInterval(), base.quarantineCapacity());
    ApplianceBoot.Result result = ApplianceBoot.boot(Optional.ofNullable(image), data, options,
        DarktraceFrameProcessor::new, Clock.systemUTC(), System.out);
    if (result instanceof ApplianceBoot.Result.Failed failed) {
      System.err.println("sluice appliance: " + failed.code() + ": " + failed.message());
      return 2;
    }
    Appliance appliance = ((ApplianceBoot.Result.Started) result).appliance();
    appliance.listeners().status().forEach(s -> System.out.println("Listening for integration "
        + s.integrationId() + " on " + s.bindAddress() + ":" + s.port() + " (" + s.state()
        + (s.error() == null ? "" : ": " + s.error()) + ")"));
    System.out.println("Metrics on http://" + metricsBind + ":" + appliance.metricsPort()
        + "/metrics, quarantine on /quarantine");
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      appliance.close();
      stopped.countDown();
    }, "appliance-shutdown"));
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }
}
