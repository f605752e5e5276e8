package dev.sluice.appliance.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.awaitility.Awaitility;

/** Test helpers: sample messages, plain TCP senders, waiting. */
public final class Senders {
  private Senders() {}

  /** 300 Darktrace messages from the emulator (seed 7), one per line, as they are sent. */
  public static List<String> darktraceSamples() {
    try (InputStream in = Senders.class.getResourceAsStream("/darktrace-sim-seed7.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  /** Sends each message octet-counted (RFC 6587) from {@code fromAddress}. */
  public static void sendOctetCounted(int port, String fromAddress, List<String> messages)
      throws IOException {
    try (Socket s = new Socket()) {
      s.bind(new InetSocketAddress(fromAddress, 0));
      s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
      OutputStream out = s.getOutputStream();
      StringBuilder sb = new StringBuilder();
      for (String m : messages) {
        byte[] b = m.getBytes(StandardCharsets.UTF_8);
        sb.append(b.length).append(' ').append(m);
      }
      out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
      out.flush();
    }
  }

  /** Sends each message followed by LF from {@code fromAddress}. */
  public static void sendLines(int port, String fromAddress, List<String> messages)
      throws IOException {
    sendLines(port, fromAddress, messages, 0);
  }

  /** As {@link #sendLines(int, String, List)} with a fixed send buffer (0: the default). */
  public static void sendLines(int port, String fromAddress, List<String> messages,
      int sendBuffer) throws IOException {
    try (Socket s = new Socket()) {
      if (sendBuffer > 0) {
        s.setSendBufferSize(sendBuffer);
      }
      s.bind(new InetSocketAddress(fromAddress, 0));
      s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
      OutputStream out = s.getOutputStream();
      out.write((String.join("\n", messages) + "\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
    }
  }

  public static void await(BooleanSupplier condition, long seconds, String what) {
    Awaitility.await(what).atMost(Duration.ofSeconds(seconds)).pollInterval(Duration.ofMillis(10))
        .until(condition::getAsBoolean);
  }

  /** Fails unless {@code condition} holds throughout {@code period} (e.g. nothing more arrives). */
  public static void holds(BooleanSupplier condition, Duration period, String what) {
    Awaitility.await(what).during(period).atMost(period.plusSeconds(10)).pollInterval(Duration.ofMillis(50))
        .until(condition::getAsBoolean);
  }
}
