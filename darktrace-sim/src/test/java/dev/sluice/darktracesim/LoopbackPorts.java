package dev.sluice.darktracesim;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Loopback ports for tests that connect where nothing listens (or where a listener comes back).
 * They are taken from below the kernel's ephemeral range: a client connecting to a closed port of
 * that range can be given the very same port as its source port and connect to itself (TCP
 * self-connect), so "nothing listens" would quietly become "a connection that swallows data".
 */
public final class LoopbackPorts {
  private LoopbackPorts() {}

  /** Something that binds a port, e.g. {@code SocketSink::start}. */
  public interface Binder<T> {
    T bind(int port) throws IOException;
  }

  /** Binds {@code binder} to a free port below the ephemeral range. */
  public static <T> T bindBelowEphemeralRange(Binder<T> binder) throws IOException {
    int low = ephemeralLow();
    int start = low - 1 - ThreadLocalRandom.current().nextInt(Math.max(1, low - 10_000));
    IOException last = null;
    for (int i = 0, port = start; i < 200; i++, port = port <= 10_000 ? low - 1 : port - 1) {
      try {
        return binder.bind(port);
      } catch (IOException busy) {
        last = busy;
      }
    }
    throw new IOException("no free loopback port below " + low, last);
  }

  /** A port below the ephemeral range on which nothing listens (at the time of the call). */
  public static int closedPort() throws IOException {
    return bindBelowEphemeralRange(port -> {
      try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
        return probe.getLocalPort();
      }
    });
  }

  private static int ephemeralLow() {
    try {
      String[] range = Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).trim().split("\\s+");
      return Integer.parseInt(range[0]);
    } catch (IOException | RuntimeException e) {
      return 32_768;
    }
  }
}
