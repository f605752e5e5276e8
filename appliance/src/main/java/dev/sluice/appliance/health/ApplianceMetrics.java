package dev.sluice.appliance.health;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.sluice.appliance.forward.Forwarder;
import dev.sluice.appliance.receive.Listeners;
import dev.sluice.appliance.receive.Quarantine;
import dev.sluice.appliance.receive.ReceiveCounters;
import dev.sluice.spool.Spool;
import dev.sluice.spool.SpoolStats;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Prometheus metrics on a local port ({@code /metrics}), plus {@code /quarantine} (the most
 * recent rejected messages with their reasons, JSON) and {@code /healthy}. Every metric reads
 * the live counters when scraped, so the numbers match the heartbeat's.
 */
public final class ApplianceMetrics implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .enable(SerializationFeature.INDENT_OUTPUT);
  private final HTTPServer server;

  public ApplianceMetrics(String bindAddress, int port, ReceiveCounters counters,
      Quarantine quarantine, Spool spool, Supplier<Forwarder.Stats> forwarder,
      Listeners listeners, long startedMillis, Supplier<Long> nowMillis) throws IOException {
    PrometheusRegistry registry = new PrometheusRegistry();
    String[] sender = {"integration", "sender_host", "sender_address"};
    CounterWithCallback.builder().name("sluice_appliance_frames_received")
        .help("Syslog frames received, per sender").labelNames(sender)
        .callback(cb -> counters.snapshot().forEach(s -> cb.call(s.received(), labels(s))))
        .register(registry);
    CounterWithCallback.builder().name("sluice_appliance_events_accepted")
        .help("Alerts accepted into the spool, per sender").labelNames(sender)
        .callback(cb -> counters.snapshot().forEach(s -> cb.call(s.accepted(), labels(s))))
        .register(registry);
    CounterWithCallback.builder().name("sluice_appliance_test_alerts")
        .help("Test alerts accepted, per sender").labelNames(sender)
        .callback(cb -> counters.snapshot().forEach(s -> cb.call(s.testAlerts(), labels(s))))
        .register(registry);
    CounterWithCallback.builder().name("sluice_appliance_frames_rejected")
        .help("Frames rejected (quarantined), per sender and reason")
        .labelNames("integration", "sender_host", "sender_address", "reason")
        .callback(cb -> counters.snapshot().forEach(s -> s.rejectedByCode().forEach((code, n) -> {
          String[] l = labels(s);
          cb.call(n, l[0], l[1], l[2], code);
        })))
        .register(registry);
    GaugeWithCallback.builder().name("sluice_appliance_quarantine_entries")
        .help("Rejected messages held for inspection")
        .callback(cb -> cb.call(Math.min(quarantine.total(), quarantine.total()
            - quarantine.evicted())))
        .register(registry);
    GaugeWithCallback.builder().name("sluice_appliance_spool_depth_events")
        .help("Events in the spool not yet acknowledged by the lake")
        .callback(cb -> cb.call(spool.stats().depth())).register(registry);
    GaugeWithCallback.builder().name("sluice_appliance_spool_disk_bytes")
        .help("Bytes of spool segment files").callback(cb -> cb.call(spool.stats().diskBytes()))
        .register(registry);
    GaugeWithCallback.builder().name("sluice_appliance_spool_pending_bytes")
        .help("Bytes appended but not yet fsync'd")
        .callback(cb -> cb.call(spool.stats().pendingBytes())).register(registry);
    GaugeWithCallback.builder().name("sluice_appliance_spool_writable")
        .help("1 while listeners read; 0 while the spool applies backpressure")
        .callback(cb -> cb.call(spool.stats().writable() ? 1 : 0)).register(registry);
    GaugeWithCallback.builder().name("sluice_appliance_spool_blocked")
        .help("1 for the reason the spool writer waits (cap_reached, write_error)")
        .labelNames("reason")
        .callback(cb -> {
          SpoolStats.Blocked b = spool.stats().blocked();
          for (SpoolStats.Blocked r : SpoolStats.Blocked.values()) {
            if (r != SpoolStats.Blocked.NONE) {
              cb.call(b == r ? 1 : 0, r.name().toLowerCase(java.util.Locale.ROOT));
            }
          }
        }).register(registry);
    CounterWithCallback.builder().name("sluice_appliance_spool_write_errors")
        .help("Failed spool writes or fsyncs (retried, nothing lost)")
        .callback(cb -> cb.call(spool.stats().writeErrors())).register(registry);
    CounterWithCallback.builder().name("sluice_appliance_spool_commits")
        .help("Spool group commits (fsyncs)")
        .callback(cb -> cb.call(spool.stats().commits())).register(registry);
    CounterWithCallback.builder().name("sluice_appliance_lake_events_stored")
        .help("Events the lake stored").callback(cb -> cb.call(forwarder.get().eventsStored()))
        .register(registry);
    CounterWithCallback.builder().name("sluice_appliance_lake_events_duplicate")
        .help("Events the lake already held (retries)")
        .callback(cb -> cb.call(forwarder.get().eventsDuplicate())).register(registry);
    CounterWithCallback.builder().name("sluice_appliance_lake_batches")
        .help("Batches the lake stored").callback(cb -> cb.call(forwarder.get().batchesSent()))
        .register(registry);
    CounterWithCallback.builder().name("sluice_appliance_lake_send_failures")
        .help("Failed batch sends (retried with backoff)")
        .callback(cb -> cb.call(forwarder.get().sendFailures())).register(registry);
    CounterWithCallback.builder().name("sluice_appliance_lake_events_rejected")
        .help("Events the lake refused, per code").labelNames("code")
        .callback(cb -> forwarder.get().lakeRejectionsByCode().forEach((c, n) -> cb.call(n, c)))
        .register(registry);
    GaugeWithCallback.builder().name("sluice_appliance_listener_up")
        .help("1 while the integration's listener is bound").labelNames("integration", "port")
        .callback(cb -> listeners.status().forEach(s -> cb.call(
            s.state() == dev.sluice.wire.control.ListenerState.LISTENING ? 1 : 0,
            s.integrationId(), String.valueOf(s.port()))))
        .register(registry);
    GaugeWithCallback.builder().name("sluice_appliance_connections_open")
        .help("Open sender connections").labelNames("integration")
        .callback(cb -> listeners.status().forEach(s -> cb.call(s.openConnections(),
            s.integrationId())))
        .register(registry);
    CounterWithCallback.builder().name("sluice_appliance_connections_refused")
        .help("Connections closed at once because the port's connection limit was reached")
        .labelNames("integration")
        .callback(cb -> listeners.status().forEach(s -> cb.call(s.connectionsRefused(),
            s.integrationId())))
        .register(registry);
    CounterWithCallback.builder().name("sluice_appliance_connections_idle_closed")
        .help("Connections closed after the idle timeout").labelNames("integration")
        .callback(cb -> listeners.status().forEach(s -> cb.call(s.idleClosed(),
            s.integrationId())))
        .register(registry);
    GaugeWithCallback.builder().name("sluice_appliance_uptime_seconds")
        .help("Seconds since the appliance started")
        .callback(cb -> cb.call((nowMillis.get() - startedMillis) / 1000.0)).register(registry);

    this.server = HTTPServer.builder()
        .inetAddress(InetAddress.getByName(bindAddress))
        .port(port)
        .registry(registry)
        .defaultHandler(exchange -> {
          try (exchange) {
            if (!exchange.getRequestURI().getPath().equals("/quarantine")) {
              exchange.sendResponseHeaders(404, -1);
              return;
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("total", quarantine.total());
            body.put("evicted", quarantine.evicted());
            body.put("byReason", quarantine.countsByCode());
            body.put("recent", quarantine.recent(1000));
            byte[] json = JSON.writeValueAsBytes(body);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, json.length);
            try (OutputStream out = exchange.getResponseBody()) {
              out.write(json);
            }
          }
        })
        .buildAndStart();
  }

  private static String[] labels(ReceiveCounters.SenderSnapshot s) {
    return new String[] {s.key().integrationId(),
        s.key().hostname() == null ? "" : s.key().hostname(), s.key().address()};
  }

  public int port() {
    return server.getPort();
  }

  @Override
  public void close() {
    server.close();
  }
}
