package dev.sluice.darktracesim.send;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.darktracesim.LoopbackPorts;
import dev.sluice.darktracesim.SyslogCefSettings;
import dev.sluice.darktracesim.Transport;
import dev.sluice.darktracesim.alert.AlertKind;
import dev.sluice.darktracesim.alert.AlertMix;
import dev.sluice.darktracesim.sink.SocketSink;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class LoadRunTest {

  private static final Instant START = Instant.parse("2026-11-27T10:00:00Z");

  private static LoadPlan plan(int instances, Rate rate, long count, int pool) {
    return new LoadPlan(instances, rate, OptionalLong.of(count), Optional.empty(), 5, START,
        AlertMix.TYPICAL, pool, Duration.ofSeconds(2));
  }

  private static void awaitFrames(SocketSink sink, long frames) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (sink.frames() < frames && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
  }

  @Test
  void sendsExactlyTheCountAndTheSinkReceivesEveryFrame() throws Exception {
    try (SocketSink sink = SocketSink.start(0)) {
      LoadReport report = new LoadRun(SyslogCefSettings.recommended("127.0.0.1", sink.port()),
          plan(1, Rate.MAX, 20_000, 4_096)).run();
      awaitFrames(sink, 20_000);
      assertEquals(20_000, report.sent());
      assertEquals(0, report.errors());
      assertEquals(20_000, sink.frames());
      assertEquals(report.bytes(), sink.bytes());
      assertEquals(20_000, report.sentByKind().values().stream().mapToLong(Long::longValue).sum());
      assertTrue(report.completed());
    }
  }

  @Test
  void severalInstancesSplitTheCountAndUseTheirOwnHostnames() throws Exception {
    List<String> lines = Collections.synchronizedList(new ArrayList<>());
    try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread acceptor = collectLines(server, lines, 3);
      LoadRun run = new LoadRun(SyslogCefSettings.recommended("127.0.0.1", server.getLocalPort()),
          plan(3, Rate.MAX, 1_000, 1_000));
      LoadReport report = run.run();
      acceptor.join(10_000);
      assertEquals(1_000, report.sent());
      assertEquals(List.of(334L, 333L, 333L),
          report.instances().stream().map(InstanceReport::sent).toList());
      for (String host : List.of("dt-master-01.corp.example.com",
          "dt-master-01-2.corp.example.com", "dt-master-01-3.corp.example.com")) {
        long n = lines.stream().filter(l -> l.contains(" " + host + " darktrace ")).count();
        assertTrue(n >= 333, host + " sent " + n);
      }
      assertEquals(1_000, lines.size());
    }
  }

  @Test
  void rateLimitedRunIsPacedNotBurst() throws Exception {
    try (SocketSink sink = SocketSink.start(0)) {
      LoadReport report = new LoadRun(SyslogCefSettings.recommended("127.0.0.1", sink.port()),
          plan(1, new Rate(1_000), 300, 300)).run();
      assertEquals(300, report.sent());
      assertTrue(report.elapsed().toMillis() >= 250,
          "300 messages at 1000/s take about 0.3 s, took " + report.elapsed());
    }
  }

  @Test
  void reconnectsWithBackoffWhenTheReceiverRestarts() throws Exception {
    SocketSink first = LoopbackPorts.bindBelowEphemeralRange(SocketSink::start);
    int port = first.port();
    LoadRun run = new LoadRun(SyslogCefSettings.recommended("127.0.0.1", port),
        new LoadPlan(1, new Rate(2_000), OptionalLong.of(3_000), Optional.empty(), 5, START,
            AlertMix.TYPICAL, 3_000, Duration.ofSeconds(20)));
    LoadReport[] report = new LoadReport[1];
    Thread runner = new Thread(() -> {
      try {
        report[0] = run.run();
      } catch (InterruptedException ignored) {
        Thread.currentThread().interrupt();
      }
    });
    runner.start();
    awaitFrames(first, 200);
    first.close();
    Thread.sleep(300);
    try (SocketSink second = SocketSink.start(port)) {
      runner.join(20_000);
      assertFalse(runner.isAlive());
      assertEquals(3_000, report[0].sent());
      assertTrue(report[0].errors() >= 1, "the broken connection counts as an error");
      assertEquals(1, report[0].instances().get(0).reconnects());
      awaitFrames(second, 1);
      assertTrue(second.frames() > 0 && second.frames() <= 3_000 - 200);
    }
  }

  @Test
  void givesUpWhenNothingListensForTheGiveUpTime() throws Exception {
    int port = LoopbackPorts.closedPort();
    LoadReport report = new LoadRun(SyslogCefSettings.recommended("127.0.0.1", port),
        new LoadPlan(1, Rate.MAX, OptionalLong.of(10), Optional.empty(), 5, START,
            AlertMix.TYPICAL, 10, Duration.ofMillis(500))).run();
    assertEquals(0, report.sent());
    assertFalse(report.completed());
    assertTrue(report.errors() >= 2);
    assertTrue(report.instances().get(0).failure().orElseThrow().contains("could not connect"));
  }

  @Test
  void durationStopsAnUnlimitedRun() throws Exception {
    try (SocketSink sink = SocketSink.start(0)) {
      LoadReport report = new LoadRun(SyslogCefSettings.recommended("127.0.0.1", sink.port()),
          new LoadPlan(2, new Rate(500), OptionalLong.empty(), Optional.of(Duration.ofMillis(400)),
              5, START, AlertMix.TYPICAL, 1_000, Duration.ofSeconds(2))).run();
      assertTrue(report.sent() > 50 && report.sent() < 400, "sent " + report.sent());
      assertTrue(report.completed());
    }
  }

  @Test
  void udpSendsOneDatagramPerMessage() throws Exception {
    try (java.net.DatagramSocket receiver =
        new java.net.DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      receiver.setSoTimeout(5_000);
      SyslogCefSettings udp = udp(SyslogCefSettings.recommended("127.0.0.1",
          receiver.getLocalPort()));
      LoadReport report = new LoadRun(udp, plan(1, new Rate(2_000), 50, 50)).run();
      assertEquals(50, report.sent());
      byte[] buffer = new byte[65_535];
      for (int i = 0; i < 50; i++) {
        java.net.DatagramPacket packet = new java.net.DatagramPacket(buffer, buffer.length);
        receiver.receive(packet);
        String text = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
        assertTrue(text.startsWith("<165>") && !text.endsWith("\n"), text);
      }
      assertEquals(50, report.sentByKind().values().stream().mapToLong(Long::longValue).sum());
      assertTrue(report.sentByKind().get(AlertKind.MODEL_BREACH) > 30);
    }
  }

  private static SyslogCefSettings udp(SyslogCefSettings s) {
    return new SyslogCefSettings(s.server(), s.port(), Transport.UDP, s.sendAiAnalystAlerts(),
        s.minAiAnalystIncidentEventScore(), s.minAiAnalystIncidentScore(),
        s.sendModelBreachAlerts(), s.minBreachScore(), s.minBreachPriority(),
        s.sendSystemStatusAlerts(), s.minSystemStatusPriority(), s.header(), s.framing(),
        s.format(), s.hostname(), s.softwareVersion());
  }

  /** Accepts {@code connections} connections and collects their lines until each closes. */
  static Thread collectLines(ServerSocket server, List<String> lines, int connections) {
    Thread t = new Thread(() -> {
      List<Thread> readers = new ArrayList<>();
      try {
        for (int i = 0; i < connections; i++) {
          Socket socket = server.accept();
          Thread reader = new Thread(() -> {
            try (socket; InputStream in = socket.getInputStream()) {
              new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().forEach(lines::add);
            } catch (IOException ignored) {
              // The test asserts on what arrived.
            }
          });
          reader.start();
          readers.add(reader);
        }
        for (Thread r : readers) {
          r.join();
        }
      } catch (IOException | InterruptedException ignored) {
        // The test asserts on what arrived.
      }
    });
    t.start();
    return t;
  }
}
