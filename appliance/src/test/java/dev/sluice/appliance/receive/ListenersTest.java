package dev.sluice.appliance.receive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.appliance.event.SpooledEvent;
import dev.sluice.appliance.testing.FakeProcessor;
import dev.sluice.spool.Spool;
import dev.sluice.spool.SpoolConfig;
import dev.sluice.spool.SpoolReader;
import dev.sluice.spool.SpoolRecord;
import dev.sluice.wire.control.IntegrationConfig;
import dev.sluice.wire.control.ListenerState;
import dev.sluice.wire.control.TenantSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ListenersTest {
  @TempDir Path dir;
  private Spool spool;
  private Listeners listeners;
  private final ReceiveCounters counters = new ReceiveCounters();
  private final Quarantine quarantine = new Quarantine(100);
  private final List<Socket> sockets = new ArrayList<>();

  @BeforeEach
  void start() throws IOException {
    spool = Spool.open(dir, SpoolConfig.withMaxBytes(64 << 20));
    listeners = new Listeners(2, new ListenerLimits(4096, 3, Duration.ofMillis(500)), spool,
        new FakeProcessor(), counters, quarantine, Clock.systemUTC());
  }

  @AfterEach
  void stop() throws IOException {
    for (Socket s : sockets) {
      s.close();
    }
    listeners.close();
    spool.close();
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  static IntegrationConfig integration(String id, int port) {
    return new IntegrationConfig(id, "darktrace-detect", id, "Darktrace", "DCIP", "tcp",
        "127.0.0.1", port, List.of("cef"));
  }

  private Socket connect(int port, String fromAddress) throws IOException {
    Socket s = new Socket();
    s.bind(new InetSocketAddress(fromAddress, 0));
    s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
    sockets.add(s);
    return s;
  }

  private static void send(Socket s, String text) throws IOException {
    OutputStream out = s.getOutputStream();
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(5);
    }
  }

  private long accepted(String integration) {
    return counters.snapshot().stream().filter(s -> s.key().integrationId().equals(integration))
        .mapToLong(ReceiveCounters.SenderSnapshot::accepted).sum();
  }

  @Test
  void countsEachSenderByHostnameAndPeerAddressSeparately() throws Exception {
    int port = freePort();
    listeners.reconcile(List.of(integration("int-1", port)), new TenantSettings(null, null));
    Socket a = connect(port, "127.0.0.2");
    Socket b = connect(port, "127.0.0.3");
    send(a, "dt-a CEF:0|x\ndt-a CEF:0|y\n");
    send(b, "dt-b CEF:0|x\n19 <13>dt-b CEF:0|test\ngarbage\n");
    await(() -> accepted("int-1") == 4 && quarantine.total() == 1, "frames");
    List<ReceiveCounters.SenderSnapshot> snap = counters.snapshot();
    ReceiveCounters.SenderSnapshot sa = snap.stream()
        .filter(s -> "dt-a".equals(s.key().hostname())).findFirst().orElseThrow();
    ReceiveCounters.SenderSnapshot sb = snap.stream()
        .filter(s -> "dt-b".equals(s.key().hostname())).findFirst().orElseThrow();
    assertEquals("127.0.0.2", sa.key().address());
    assertEquals(2, sa.accepted());
    assertEquals("127.0.0.3", sb.key().address());
    assertEquals(2, sb.accepted());
    assertEquals(1, sb.testAlerts());
    assertEquals(1L, quarantine.countsByCode().get("NOT_CEF"));
    assertEquals("garbage", quarantine.recent(1).get(0).excerpt());
    assertTrue(spool.awaitDurable(3, Duration.ofSeconds(5)));
  }

  @Test
  void framesOfOneConnectionReachTheSpoolInTheOrderSentAcrossParallelWorkers() throws Exception {
    int port = freePort();
    listeners.reconcile(List.of(integration("int-1", port)), new TenantSettings(null, null));
    Socket s = connect(port, "127.0.0.1");
    int n = 5000; // dozens of batches, processed by two workers at once
    StringBuilder all = new StringBuilder();
    for (int i = 0; i < n; i++) {
      all.append(i % 97 == 0 ? "garbage " + i : "h CEF:0|seq=" + i).append('\n');
    }
    send(s, all.toString());
    int rejected = (n + 96) / 97;
    await(() -> accepted("int-1") == n - rejected && quarantine.total() == rejected, "frames");
    assertTrue(spool.awaitDurable(n - rejected - 1, Duration.ofSeconds(10)));
    List<Integer> order = new ArrayList<>();
    SpoolReader reader = spool.reader(0);
    while (order.size() < n - rejected) {
      for (SpoolRecord r : reader.poll(1000, 1 << 24, Duration.ofSeconds(5))) {
        String json = new String(SpooledEvent.decode(r.payload()).orElseThrow().ocsfJson(),
            StandardCharsets.UTF_8);
        order.add(Integer.parseInt(json.replaceAll(".*seq=(\\d+).*", "$1")));
      }
    }
    List<Integer> expected = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (i % 97 != 0) {
        expected.add(i);
      }
    }
    assertEquals(expected, order);
  }

  @Test
  void oversizedFrameIsQuarantinedAndTheConnectionKeepsServing() throws Exception {
    int port = freePort();
    listeners.reconcile(List.of(integration("int-1", port)), new TenantSettings(null, null));
    Socket s = connect(port, "127.0.0.1");
    send(s, "h CEF:0|" + "x".repeat(10_000) + "\nh CEF:0|after\n");
    await(() -> accepted("int-1") == 1, "frame after the oversized one");
    assertEquals(1L, quarantine.countsByCode().get("FRAME_TOO_LARGE"));
  }

  @Test
  void connectionsBeyondTheCapAreClosedWhileOthersKeepServing() throws Exception {
    int port = freePort();
    listeners.reconcile(List.of(integration("int-1", port)), new TenantSettings(null, null));
    List<Socket> held = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      held.add(connect(port, "127.0.0.1"));
    }
    await(() -> listeners.status().get(0).openConnections() == 3, "3 open");
    Socket extra = connect(port, "127.0.0.1");
    extra.setSoTimeout(5000);
    assertEquals(-1, extra.getInputStream().read(), "the fourth connection is closed");
    assertEquals(1, listeners.status().get(0).connectionsRefused());
    send(held.get(2), "h CEF:0|still served\n");
    await(() -> accepted("int-1") == 1, "served");
  }

  @Test
  void idleConnectionIsClosedAndSlowSenderDoesNotStallOthers() throws Exception {
    int port = freePort();
    listeners.reconcile(List.of(integration("int-1", port)), new TenantSettings(null, null));
    Socket idle = connect(port, "127.0.0.1");
    Socket slow = connect(port, "127.0.0.1");
    Socket fast = connect(port, "127.0.0.1");
    send(slow, "h CEF:0|sl");
    for (int i = 0; i < 100; i++) {
      send(fast, "h CEF:0|fast " + i + "\n");
    }
    await(() -> accepted("int-1") == 100, "fast sender served while slow one holds a partial frame");
    idle.setSoTimeout(5000);
    InputStream in = idle.getInputStream();
    assertEquals(-1, in.read(), "idle connection closed");
    assertTrue(listeners.status().get(0).idleClosed() >= 1);
  }

  @Test
  void senderDisconnectingMidFrameCostsOnlyThatFrame() throws Exception {
    int port = freePort();
    listeners.reconcile(List.of(integration("int-1", port)), new TenantSettings(null, null));
    Socket s = connect(port, "127.0.0.1");
    send(s, "h CEF:0|one\n500 <13>h CEF:0|cut");
    s.close();
    Socket t = connect(port, "127.0.0.1");
    send(t, "h CEF:0|two\n");
    await(() -> accepted("int-1") == 2, "both complete frames");
    await(() -> quarantine.countsByCode().containsKey("TRUNCATED_AT_END_OF_STREAM"), "truncation");
  }

  @Test
  void reconcileAddsMovesAndRemovesListenersWithoutRestart() throws Exception {
    int p1 = freePort();
    int p2 = freePort();
    TenantSettings tenant = new TenantSettings(null, null);
    listeners.reconcile(List.of(integration("int-1", p1)), tenant);
    Socket kept = connect(p1, "127.0.0.1");
    listeners.reconcile(List.of(integration("int-1", p1), integration("int-2", p2)), tenant);
    assertEquals(2, listeners.status().size());
    send(kept, "h CEF:0|kept connection\n");
    send(connect(p2, "127.0.0.1"), "h CEF:0|second\n");
    await(() -> accepted("int-1") == 1 && accepted("int-2") == 1, "both listeners");
    listeners.reconcile(List.of(integration("int-2", p2)), tenant);
    assertEquals(List.of("int-2"), listeners.status().stream().map(Listeners.Status::integrationId).toList());
    kept.setSoTimeout(5000);
    assertEquals(-1, kept.getInputStream().read(), "removed listener's connections are closed");
    try (Socket refused = new Socket()) {
      assertThrows(IOException.class,
          () -> refused.connect(new InetSocketAddress("127.0.0.1", p1), 2000));
    }
  }

  @Test
  void portInUseIsReportedAsFailedAndRetriedOnTheNextReconcile() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      int port = taken.getLocalPort();
      listeners.reconcile(List.of(integration("int-1", port)), new TenantSettings(null, null));
      Listeners.Status s = listeners.status().get(0);
      assertEquals(ListenerState.FAILED, s.state());
      assertTrue(s.error() != null && !s.error().isEmpty());
      taken.close();
      listeners.reconcile(List.of(integration("int-1", port)), new TenantSettings(null, null));
      assertEquals(ListenerState.LISTENING, listeners.status().get(0).state());
    }
  }

  private static <T extends Throwable> void assertThrows(Class<T> type,
      org.junit.jupiter.api.function.Executable e) {
    org.junit.jupiter.api.Assertions.assertThrows(type, e);
  }
}
