package dev.sluice.darktracesim;

import dev.sluice.darktracesim.alert.AlertGenerator;
import dev.sluice.darktracesim.render.SyslogMessageWriter;
import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Clock;

/**
 * <em>Verify alert sending</em>: sends one test alert (model "Unrestricted Test Model") with the
 * integration's settings and reports whether it was sent.
 *
 * <p>TCP: sent when the connection is accepted and the bytes are written; the sender then closes
 * its side and waits briefly for the server to close, so that a reset (a server that refuses the
 * data) is reported as not sent. UDP: sent unless the server's host answers with ICMP port
 * unreachable within 200 ms (UDP offers no stronger evidence, as on a real instance).
 */
public final class AlertSendingVerifier {

  private static final int CONNECT_TIMEOUT_MILLIS = 5_000;
  private static final int CLOSE_WAIT_MILLIS = 2_000;

  private final Clock clock;

  public AlertSendingVerifier(Clock clock) {
    this.clock = clock;
  }

  public VerifyResult verify(SyslogCefSettings settings) {
    byte[] frame = new SyslogMessageWriter(settings).frame(AlertGenerator.testAlert(clock.instant()));
    String target = settings.transport().name().toLowerCase(java.util.Locale.ROOT) + "://"
        + settings.server() + ":" + settings.port();
    InetSocketAddress address = new InetSocketAddress(settings.server(), settings.port());
    try {
      if (settings.transport() == Transport.TCP) {
        sendTcp(address, frame);
      } else {
        sendUdp(address, frame);
      }
      return new VerifyResult.Sent(target, frame.length);
    } catch (IOException e) {
      String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      return new VerifyResult.NotSent(target, reason);
    }
  }

  private static void sendTcp(InetSocketAddress address, byte[] frame) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(address, CONNECT_TIMEOUT_MILLIS);
      socket.getOutputStream().write(frame);
      socket.getOutputStream().flush();
      socket.shutdownOutput();
      socket.setSoTimeout(CLOSE_WAIT_MILLIS);
      InputStream in = socket.getInputStream();
      try {
        while (in.read() >= 0) {
          // A syslog server sends nothing back; drain until it closes.
        }
      } catch (SocketTimeoutException stillOpen) {
        // The server keeps the connection open: the alert was delivered all the same.
      }
    }
  }

  private static void sendUdp(InetSocketAddress address, byte[] frame) throws IOException {
    try (DatagramSocket socket = new DatagramSocket()) {
      socket.connect(address);
      socket.send(new DatagramPacket(frame, frame.length));
      socket.setSoTimeout(200);
      try {
        socket.receive(new DatagramPacket(new byte[1], 1));
      } catch (SocketTimeoutException noAnswer) {
        // Nothing came back, which is all UDP can tell.
      } catch (PortUnreachableException e) {
        throw new PortUnreachableException("port unreachable");
      }
    }
  }
}
