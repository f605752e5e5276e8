package dev.sluice.appliance;

import static dev.sluice.appliance.testing.Senders.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.appliance.boot.ApplianceBoot;
import dev.sluice.appliance.forward.ForwarderConfig;
import dev.sluice.appliance.receive.DarktraceFrameProcessor;
import dev.sluice.appliance.testing.FakeCentral;
import dev.sluice.appliance.testing.Senders;
import dev.sluice.spool.SpoolConfig;
import dev.sluice.spool.SpoolStats;
import dev.sluice.wire.control.Heartbeat;
import dev.sluice.wire.control.IntegrationHeartbeat;
import dev.sluice.wire.control.SenderHeartbeat;
import dev.sluice.wire.ingest.IngestEvent;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The appliance in-process against a fake central and lake, with the real Darktrace pipeline. */
class ApplianceTest {
  @TempDir Path tmp;
  private FakeCentral central;
  private Appliance appliance;
  private final List<String> samples = Senders.darktraceSamples();

  @AfterEach
  void stop() {
    if (appliance != null) {
      appliance.close();
    }
    if (central != null) {
      central.close();
    }
  }

  private Appliance start(Appliance.Options options, int... ports) throws Exception {
    central = new FakeCentral();
    List<dev.sluice.wire.control.IntegrationConfig> integrations = new ArrayList<>();
    for (int i = 0; i < ports.length; i++) {
      integrations.add(FakeCentral.integration("int-" + (i + 1), ports[i]));
    }
    central.setIntegrations(integrations);
    Path image = central.image(tmp, Instant.now().plusSeconds(3600));
    ApplianceBoot.Result r = ApplianceBoot.boot(Optional.of(image), tmp.resolve("data"),
        options.withMetricsPort(0), DarktraceFrameProcessor::new, Clock.systemUTC(),
        new PrintStream(new ByteArrayOutputStream()));
    assertTrue(r instanceof ApplianceBoot.Result.Started, r.toString());
    appliance = ((ApplianceBoot.Result.Started) r).appliance();
    return appliance;
  }

  private static Appliance.Options fastForwarding() {
    return Appliance.Options.defaults().withForwarder(new ForwarderConfig(1000, 4 << 20,
        Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(400)));
  }

  @Test
  void forwardsEveryAcceptedAlertOnceAndCountsEachSender() throws Exception {
    int port = Senders.freePort();
    start(fastForwarding(), port);
    Senders.sendOctetCounted(port, "127.0.0.2", samples.subList(0, 150));
    Senders.sendLines(port, "127.0.0.3", samples.subList(150, 300));
    Senders.sendLines(port, "127.0.0.3", List.of("not a syslog message", "<13>Nov 27 12:00:00 "
        + "host app CEF:0|Other|Thing|1|1|x|1|"));
    await(() -> appliance.quarantine().total() == 2, 20, "two rejections");
    await(() -> central.lake.size() == 300, 20, "300 events in the lake");
    for (long o = 0; o < 300; o++) {
      IngestEvent e = central.lake.get(FakeCentral.APPLIANCE_ID + ":" + o);
      assertEquals("dt-master-01.corp.example.com", e.sender().hostname());
      assertEquals(2004, e.ocsf().get("class_uid").asInt());
    }
    await(() -> appliance.spool().ackedOffset() == 299, 20, "spool acknowledged");
    assertEquals(300, appliance.forwarderStats().eventsStored());
    assertEquals(2L, appliance.quarantine().countsByCode().values().stream()
        .mapToLong(Long::longValue).sum());

    Heartbeat hb = appliance.heartbeat();
    IntegrationHeartbeat ih = hb.integrations().get(0);
    assertEquals(302, ih.received());
    assertEquals(300, ih.accepted());
    assertEquals(2, ih.rejected());
    SenderHeartbeat a = ih.senders().stream().filter(s -> s.peerAddress().equals("127.0.0.2")
        && s.hostname().equals("dt-master-01.corp.example.com")).findFirst().orElseThrow();
    assertEquals(150, a.accepted());
    SenderHeartbeat b = ih.senders().stream().filter(s -> s.peerAddress().equals("127.0.0.3")
        && s.hostname().equals("dt-master-01.corp.example.com")).findFirst().orElseThrow();
    assertEquals(150, b.accepted());
    await(() -> !central.heartbeats.isEmpty(), 10, "heartbeat at central");

    HttpClient http = HttpClient.newHttpClient();
    String metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
        + appliance.metricsPort() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString())
        .body();
    assertTrue(metrics.contains("sluice_appliance_events_accepted_total{integration=\"int-1\","
        + "sender_address=\"127.0.0.2\",sender_host=\"dt-master-01.corp.example.com\"} 150.0"),
        metrics);
    String quarantine = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
        + appliance.metricsPort() + "/quarantine")).build(), HttpResponse.BodyHandlers.ofString())
        .body();
    assertTrue(quarantine.contains("not a syslog message"), quarantine);
  }

  @Test
  void opensAListenerWhenCentralAddsAnIntegrationWithoutRestart() throws Exception {
    int p1 = Senders.freePort();
    int p2 = Senders.freePort();
    start(fastForwarding(), p1);
    assertEquals(1, appliance.listeners().status().size());
    central.setIntegrations(List.of(FakeCentral.integration("int-1", p1),
        FakeCentral.integration("int-2", p2)));
    await(() -> appliance.listeners().status().size() == 2, 20, "second listener");
    Senders.sendLines(p2, "127.0.0.1", samples.subList(0, 10));
    await(() -> central.lake.values().stream().filter(e -> true).count() == 10, 20, "10 events");
    central.setIntegrations(List.of(FakeCentral.integration("int-2", p2)));
    await(() -> appliance.listeners().status().size() == 1, 20, "first listener removed");
  }

  @Test
  void keepsEverythingWhileTheLakeIsDownAndDrainsItOnceAfterwards() throws Exception {
    int port = Senders.freePort();
    start(fastForwarding(), port);
    central.lakeDown.set(true);
    Senders.sendLines(port, "127.0.0.1", samples);
    await(() -> appliance.forwarderStats().sendFailures() >= 3, 20,
        "retries against the down lake");
    assertEquals(300, appliance.spool().stats().depth());
    central.lakeDown.set(false);
    await(() -> appliance.spool().ackedOffset() == 299, 20, "drained");
    assertEquals(300, central.lake.size());
  }

  @Test
  void aFullSpoolBackpressuresTheSenderAndLosesNothing() throws Exception {
    int port = Senders.freePort();
    SpoolConfig small = new SpoolConfig(1 << 20, 256 << 10, 64 << 10, 32 << 10,
        Duration.ofMillis(1), 64 << 10, 32 << 10, SpoolConfig.Fsync.ALWAYS);
    start(fastForwarding().withSpool(small), port);
    central.lakeDown.set(true);
    List<String> many = new ArrayList<>();
    // 3 MB: more than the spool cap plus what the socket buffers hold.
    for (int i = 0; i < 20; i++) {
      many.addAll(samples);
    }
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread sender = new Thread(() -> {
      try {
        Senders.sendLines(port, "127.0.0.1", many, 64 * 1024);
      } catch (Throwable t) {
        failure.set(t);
      }
    });
    sender.start();
    await(() -> appliance.spool().stats().blocked() == SpoolStats.Blocked.CAP_REACHED, 30,
        "the spool's cap");
    Senders.holds(sender::isAlive, Duration.ofMillis(500), "the sender held back");
    assertTrue(sender.isAlive(), "the sender is held back by TCP flow control");
    assertTrue(appliance.spool().stats().diskBytes() <= 1 << 20);
    central.lakeDown.set(false);
    sender.join(60_000);
    assertEquals(null, failure.get());
    await(() -> central.lake.size() == many.size(), 60, "every event in the lake");
    assertEquals(0, appliance.quarantine().total());
  }
}
