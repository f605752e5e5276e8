package dev.sluice.darktracesim.send;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/** A blocking TCP connection; batches go out as one large write of contiguous pool bytes. */
final class TcpLink implements Link {

  private final SocketChannel channel;

  private TcpLink(SocketChannel channel) {
    this.channel = channel;
  }

  static TcpLink connect(InetSocketAddress address, int timeoutMillis) throws IOException {
    SocketChannel channel = SocketChannel.open();
    try {
      channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
      channel.setOption(StandardSocketOptions.SO_SNDBUF, 1 << 20);
      channel.socket().connect(address, timeoutMillis);
      return new TcpLink(channel);
    } catch (IOException e) {
      channel.close();
      throw e;
    }
  }

  @Override
  public void send(MessagePool pool, int from, int to) throws SendFailure {
    ByteBuffer batch = pool.slice(from, to);
    try {
      while (batch.hasRemaining()) {
        channel.write(batch);
      }
    } catch (IOException e) {
      throw new SendFailure(pool.completeMessages(from, batch.position()), e);
    }
  }

  @Override
  public void close() {
    try {
      channel.close();
    } catch (IOException ignored) {
      // Closing a broken connection has nothing left to report.
    }
  }
}
