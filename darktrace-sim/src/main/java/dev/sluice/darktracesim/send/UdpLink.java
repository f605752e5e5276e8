package dev.sluice.darktracesim.send;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;

/**
 * A connected UDP socket: one datagram per message. A refused datagram (ICMP port unreachable,
 * reported on a later send) breaks the batch like a TCP reset would.
 */
final class UdpLink implements Link {

  private final DatagramChannel channel;

  private UdpLink(DatagramChannel channel) {
    this.channel = channel;
  }

  static UdpLink connect(InetSocketAddress address) throws IOException {
    DatagramChannel channel = DatagramChannel.open();
    try {
      channel.connect(address);
      return new UdpLink(channel);
    } catch (IOException e) {
      channel.close();
      throw e;
    }
  }

  @Override
  public void send(MessagePool pool, int from, int to) throws SendFailure {
    for (int i = from; i < to; i++) {
      try {
        channel.write(pool.slice(i, i + 1));
      } catch (IOException e) {
        throw new SendFailure(i - from, e);
      }
    }
  }

  @Override
  public void close() {
    try {
      channel.close();
    } catch (IOException ignored) {
      // Nothing to report for a datagram socket.
    }
  }
}
