package dev.sluice.appliance;

import dev.sluice.appliance.boot.ApplianceIdentity;
import dev.sluice.appliance.boot.ConfigStore;
import dev.sluice.appliance.central.CentralClient;
import dev.sluice.appliance.forward.Forwarder;
import dev.sluice.appliance.forward.ForwarderConfig;
import dev.sluice.appliance.forward.HttpLakeClient;
import dev.sluice.appliance.forward.LakeClient;
import dev.sluice.appliance.forward.SwitchableLakeClient;
import dev.sluice.appliance.health.ApplianceMetrics;
import dev.sluice.appliance.health.HeartbeatReport;
import dev.sluice.appliance.health.ThrottledLog;
import dev.sluice.appliance.receive.FrameProcessor;
import dev.sluice.appliance.receive.ListenerLimits;
import dev.sluice.appliance.receive.Listeners;
import dev.sluice.appliance.receive.Quarantine;
import dev.sluice.appliance.receive.ReceiveCounters;
import dev.sluice.pki.Pem;
import dev.sluice.pki.TlsContexts;
import dev.sluice.spool.RecoveryReport;
import dev.sluice.spool.Spool;
import dev.sluice.spool.SpoolConfig;
import dev.sluice.wire.control.ApplianceConfig;
import dev.sluice.wire.control.Heartbeat;
import dev.sluice.wire.control.HeartbeatResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running appliance, wired by hand: the spool, the listeners (one per integration), the
 * forwarder to the lake, the control loop (configuration pulls and heartbeats to central) and
 * the local metrics endpoint. Starts from an enrolled identity and the last stored
 * configuration, so it comes up even while central is unreachable.
 */
public final class Appliance implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Appliance.class);
  public static final String VERSION = "0.1.0";

  /**
   * Settings that are the appliance's own (not pulled from central).
   *
   * @param metricsPort local port for {@code /metrics} and {@code /quarantine}; 0 picks one
   * @param configPollInterval how often the configuration is pulled even without a hint from a
   *     heartbeat answer
   */
  public record Options(ListenerLimits limits, SpoolConfig spool, ForwarderConfig forwarder,
      String metricsBind, int metricsPort, int workerThreads, Duration controlTimeout,
      Duration configPollInterval, int quarantineCapacity) {
    public Options {
      Objects.requireNonNull(limits, "limits");
      Objects.requireNonNull(spool, "spool");
      Objects.requireNonNull(forwarder, "forwarder");
      Objects.requireNonNull(metricsBind, "metricsBind");
      Objects.requireNonNull(controlTimeout, "controlTimeout");
      Objects.requireNonNull(configPollInterval, "configPollInterval");
    }

    public static Options defaults() {
      return new Options(ListenerLimits.defaults(), SpoolConfig.defaults(),
          ForwarderConfig.defaults(), "127.0.0.1", 9464,
          Math.max(1, Runtime.getRuntime().availableProcessors()), Duration.ofSeconds(30),
          Duration.ofSeconds(60), 1000);
    }

    public Options withMetricsPort(int port) {
      return new Options(limits, spool, forwarder, metricsBind, port, workerThreads,
          controlTimeout, configPollInterval, quarantineCapacity);
    }

    public Options withSpool(SpoolConfig s) {
      return new Options(limits, s, forwarder, metricsBind, metricsPort, workerThreads,
          controlTimeout, configPollInterval, quarantineCapacity);
    }

    public Options withLimits(ListenerLimits l) {
      return new Options(l, spool, forwarder, metricsBind, metricsPort, workerThreads,
          controlTimeout, configPollInterval, quarantineCapacity);
    }

    public Options withForwarder(ForwarderConfig f) {
      return new Options(limits, spool, f, metricsBind, metricsPort, workerThreads,
          controlTimeout, configPollInterval, quarantineCapacity);
    }

    public Options withConfigPollInterval(Duration d) {
      return new Options(limits, spool, forwarder, metricsBind, metricsPort, workerThreads,
          controlTimeout, d, quarantineCapacity);
    }
  }

  private final ApplianceIdentity identity;
  private final ConfigStore configs;
  private final Options options;
  private final Clock clock;
  private final long startedMillis;
  private final Spool spool;
  private final ReceiveCounters counters = new ReceiveCounters();
  private final Quarantine quarantine;
  private final Listeners listeners;
  private final SwitchableLakeClient lake;
  private final Forwarder forwarder;
  private final CentralClient central;
  private final ApplianceMetrics metrics;
  private final ThrottledLog log;
  private final Thread control;
  private volatile boolean running = true;
  private volatile ConfigStore.Stored config;

  private Appliance(ApplianceIdentity identity, Path dataDir, ConfigStore configs,
      ConfigStore.Stored initial, Options options, FrameProcessor processor, Clock clock)
      throws IOException {
    this.identity = identity;
    this.configs = configs;
    this.options = options;
    this.clock = clock;
    this.startedMillis = clock.millis();
    this.config = initial;
    this.log = new ThrottledLog(LOG, clock, 60_000);
    this.spool = Spool.open(dataDir.resolve("spool"), options.spool());
    report(spool.recovery());
    this.quarantine = new Quarantine(options.quarantineCapacity());
    SSLContext centralTls = TlsContexts.client(List.of(identity.centralCertificate()),
        Optional.of(identity.identity()));
    this.central = new CentralClient(identity.centralUrl(), centralTls, options.controlTimeout());
    ApplianceConfig c = initial.config();
    this.lake = new SwitchableLakeClient(lakeClient(c), lakeTarget(c));
    this.forwarder = new Forwarder(spool, lake, identity.applianceId(), options.forwarder(),
        clock, new Random(), d -> Thread.sleep(d.toMillis())).start();
    this.listeners = new Listeners(options.workerThreads(), options.limits(), spool, processor,
        counters, quarantine, clock);
    listeners.reconcile(c.integrations(), c.tenant());
    this.metrics = new ApplianceMetrics(options.metricsBind(), options.metricsPort(), counters,
        quarantine, spool, forwarder::stats, listeners, startedMillis, clock::millis);
    LOG.info("event=appliance_started appliance={} tenant={} central={} metrics=http://{}:{}/metrics"
        + " spool_next_offset={} spool_acked={}", identity.applianceId(), identity.tenantId(),
        identity.centralUrl(), options.metricsBind(), metrics.port(),
        spool.recovery().nextOffset(), spool.recovery().ackedOffset());
    this.control = new Thread(this::controlLoop, "appliance-control");
    control.setDaemon(true);
    control.start();
  }

  /** Starts the appliance from its identity and the configuration stored in {@code dataDir}. */
  public static Appliance start(ApplianceIdentity identity, Path dataDir, Options options,
      FrameProcessor processor, Clock clock) throws IOException {
    ConfigStore configs = new ConfigStore(dataDir);
    ConfigStore.Stored stored = configs.load().orElseThrow(() -> new IOException(
        "no configuration in " + dataDir + " (enrollment stores one)"));
    return new Appliance(identity, dataDir, configs, stored, options, processor, clock);
  }

  private static void report(RecoveryReport r) {
    if (!r.clean()) {
      LOG.warn("event=spool_recovered truncations={} deleted_segments={} checkpoint_problem={}",
          r.truncations(), r.deletedSegments().size(), r.checkpointProblem());
    }
  }

  private String lakeTarget(ApplianceConfig c) {
    return c.ingestUrl() + "|" + Objects.requireNonNullElse(c.ingestCertificatePem(), "");
  }

  private LakeClient lakeClient(ApplianceConfig c) {
    X509Certificate pinned = c.ingestCertificatePem() == null || c.ingestCertificatePem().isBlank()
        ? identity.centralCertificate() : Pem.readCertificate(c.ingestCertificatePem());
    SSLContext tls = TlsContexts.client(List.of(pinned), Optional.of(identity.identity()));
    HttpClient http = HttpClient.newBuilder().sslContext(tls)
        .connectTimeout(Duration.ofSeconds(10)).build();
    URI base = URI.create(c.ingestUrl());
    return new HttpLakeClient(http, base, Duration.ofSeconds(60));
  }

  private void controlLoop() {
    long lastPull = 0;
    boolean pullNow = true;
    while (running) {
      try {
        long now = clock.millis();
        if (pullNow || now - lastPull >= options.configPollInterval().toMillis()) {
          pullConfig();
          lastPull = now;
        }
        pullNow = sendHeartbeat();
        Thread.sleep(TimeUnit.SECONDS.toMillis(config.config().heartbeatIntervalSeconds()));
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        log.warn("control_loop_error", "error=" + e);
      }
    }
  }

  /** Pulls the configuration; applies and stores it when it changed. */
  public synchronized void pullConfig() {
    CentralClient.Outcome<ApplianceConfig> outcome = central.config(Optional.of(config.etag()));
    if (outcome instanceof CentralClient.Outcome.Ok<ApplianceConfig> ok) {
      String etag = ok.etag().orElse("");
      apply(ok.value(), etag);
    } else if (outcome instanceof CentralClient.Outcome.Refused<ApplianceConfig> r) {
      log.warn("config_pull_refused", "status=" + r.status() + " code=" + r.error().code());
    } else if (outcome instanceof CentralClient.Outcome.Failed<ApplianceConfig> f) {
      log.warn("config_pull_failed", "code=" + f.code() + " message=" + f.message());
    }
  }

  private void apply(ApplianceConfig c, String etag) {
    listeners.reconcile(c.integrations(), c.tenant());
    lake.switchTo(lakeTarget(c), () -> lakeClient(c));
    config = new ConfigStore.Stored(c, etag);
    try {
      configs.save(c, etag);
    } catch (IOException e) {
      log.warn("config_store_failed", "error=" + e);
    }
    LOG.info("event=config_applied etag={} integrations={}", etag, c.integrations().size());
  }

  /** Sends one heartbeat; true when central says the configuration changed. */
  boolean sendHeartbeat() {
    CentralClient.Outcome<HeartbeatResponse> outcome = central.heartbeat(heartbeat());
    if (outcome instanceof CentralClient.Outcome.Ok<HeartbeatResponse> ok) {
      return !ok.value().configEtag().equals(config.etag());
    }
    if (outcome instanceof CentralClient.Outcome.Refused<HeartbeatResponse> r) {
      log.warn("heartbeat_refused", "status=" + r.status() + " code=" + r.error().code());
    } else if (outcome instanceof CentralClient.Outcome.Failed<HeartbeatResponse> f) {
      log.warn("heartbeat_failed", "code=" + f.code() + " message=" + f.message());
    }
    return false;
  }

  /** The heartbeat as it would be sent now. */
  public Heartbeat heartbeat() {
    ConfigStore.Stored c = config;
    return HeartbeatReport.build(VERSION, clock.instant(),
        (clock.millis() - startedMillis) / 1000, c.etag(), spool.stats(),
        c.config().integrations(), listeners.status(), counters.snapshot());
  }

  public Spool spool() {
    return spool;
  }

  public Listeners listeners() {
    return listeners;
  }

  public Quarantine quarantine() {
    return quarantine;
  }

  public ReceiveCounters counters() {
    return counters;
  }

  public Forwarder.Stats forwarderStats() {
    return forwarder.stats();
  }

  public int metricsPort() {
    return metrics.port();
  }

  public ApplianceIdentity identity() {
    return identity;
  }

  public String configEtag() {
    return config.etag();
  }

  @Override
  public void close() {
    running = false;
    control.interrupt();
    listeners.close();
    forwarder.close();
    metrics.close();
    spool.close();
    try {
      control.join(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    LOG.info("event=appliance_stopped appliance={}", identity.applianceId());
  }
}
