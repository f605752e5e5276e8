package dev.sluice.darktracesim.sink;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A plain TCP socket sink on loopback: accepts any number of connections, reads everything,
 * counts bytes and syslog frames, and throws the data away. Used to measure how fast the emulator
 * sends (docs/benchmarks.md §3) and by tests as a receiver.
 */
public final class SocketSink implements AutoCloseable {

  private final ServerSocketChannel server;
  private final AtomicLong bytes = new AtomicLong();
  private final AtomicLong frames = new AtomicLong();
  private final AtomicLong connections = new AtomicLong();
  private final List<SocketChannel> open = new ArrayList<>();
  private final Thread acceptor;
  private volatile boolean closed;

  private SocketSink(ServerSocketChannel server) {
    this.server = server;
    this.acceptor = new Thread(this::acceptLoop, "socket-sink-accept");
    this.acceptor.setDaemon(true);
  }

  /** Listens on {@code 127.0.0.1:port} ({@code 0} picks a free port). */
  public static SocketSink start(int port) throws IOException {
    ServerSocketChannel server = ServerSocketChannel.open();
    server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
    SocketSink sink = new SocketSink(server);
    sink.acceptor.start();
    return sink;
  }

  public int port() {
    return server.socket().getLocalPort();
  }

  public long bytes() {
    return bytes.get();
  }

  public long frames() {
    return frames.get();
  }

  public long connections() {
    return connections.get();
  }

  private void acceptLoop() {
    while (!closed) {
      try {
        SocketChannel channel = server.accept();
        connections.incrementAndGet();
        synchronized (open) {
          open.add(channel);
        }
        Thread reader = new Thread(() -> readLoop(channel), "socket-sink-read");
        reader.setDaemon(true);
        reader.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void readLoop(SocketChannel channel) {
    ByteBuffer buffer = ByteBuffer.allocate(1 << 20);
    FrameCounter counter = new FrameCounter();
    long counted = 0;
    try (channel) {
      int n;
      while ((n = channel.read(buffer)) >= 0) {
        counter.feed(buffer.array(), 0, n);
        bytes.addAndGet(n);
        frames.addAndGet(counter.frames() - counted);
        counted = counter.frames();
        buffer.clear();
      }
    } catch (IOException e) {
      // A sender that resets its connection ends that connection only.
    }
  }

  @Override
  public void close() {
    closed = true;
    try {
      server.close();
    } catch (IOException ignored) {
      // Nothing useful to do.
    }
    synchronized (open) {
      for (SocketChannel c : open) {
        try {
          c.close();
        } catch (IOException ignored) {
          // Already broken.
        }
      }
    }
  }
}
