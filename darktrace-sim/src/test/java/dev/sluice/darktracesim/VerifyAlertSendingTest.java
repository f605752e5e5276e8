package dev.sluice.darktracesim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class VerifyAlertSendingTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC);

  private static SyslogCefSettings settings(Transport transport, int port) {
    return new SyslogCefSettings("127.0.0.1", port, transport, true, 0, 0, true, 0, 0, true, 0,
        HeaderFormat.RFC3164, Framing.LF, MessageFormat.CEF, "dt.example.com", "6.2.4");
  }

  private static int freePort() throws Exception {
    return LoopbackPorts.closedPort();
  }

  @Test
  void sendsOneTestAlertOverTcpAndReportsItSent() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CompletableFuture<String> received = CompletableFuture.supplyAsync(() -> {
        try (Socket s = server.accept(); InputStream in = s.getInputStream()) {
          return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (Exception e) {
          return "failed: " + e;
        }
      });
      VerifyResult result = new AlertSendingVerifier(CLOCK)
          .verify(settings(Transport.TCP, server.getLocalPort()));
      assertTrue(result.sent(), result.toString());
      String text = received.get();
      assertEquals(1, text.lines().count());
      assertTrue(text.startsWith("<165>Nov 27 10:00:00 dt.example.com darktrace CEF:0|Darktrace|"
          + "DCIP|6.2.4|0|Unrestricted Test Model|10|"), text);
      assertTrue(text.endsWith("\n"));
    }
  }

  @Test
  void reportsNotSentWhenNothingListens() throws Exception {
    VerifyResult result = new AlertSendingVerifier(CLOCK).verify(settings(Transport.TCP,
        freePort()));
    assertFalse(result.sent());
    assertTrue(((VerifyResult.NotSent) result).reason().toLowerCase().contains("refused"),
        result.toString());
  }

  @Test
  void sendsTheTestAlertAsOneDatagramOverUdp() throws Exception {
    try (DatagramSocket receiver = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      receiver.setSoTimeout(5_000);
      VerifyResult result = new AlertSendingVerifier(CLOCK)
          .verify(settings(Transport.UDP, receiver.getLocalPort()));
      assertTrue(result.sent(), result.toString());
      DatagramPacket packet = new DatagramPacket(new byte[65_535], 65_535);
      receiver.receive(packet);
      assertTrue(new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8)
          .contains("|Unrestricted Test Model|"));
    }
  }

  @Test
  void reportsNotSentWhenTheUdpPortIsUnreachable() throws Exception {
    int port;
    try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort();
    }
    VerifyResult result = new AlertSendingVerifier(CLOCK).verify(settings(Transport.UDP, port));
    assertFalse(result.sent(), result.toString());
  }
}
