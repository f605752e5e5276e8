package dev.sluice.appliance.receive;

import dev.sluice.syslog.FrameDiscard;
import dev.sluice.syslog.FrameHandler;
import dev.sluice.syslog.Framing;
import dev.sluice.syslog.SyslogFramer;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/**
 * The Netty end of one syslog connection: feeds every chunk the socket delivers to the
 * connection's {@link SyslogFramer} (the framing itself lives there) and hands each frame to
 * the integration's {@link Receiver} on the event loop. Memory per connection is bounded by the
 * framer's maximum frame size; an oversized frame costs that frame, not the connection.
 */
final class SyslogFramingHandler extends ChannelInboundHandlerAdapter implements FrameHandler {
  private final Receiver receiver;
  private final SyslogFramer framer;
  private byte[] scratch;
  private String peer = "unknown";

  SyslogFramingHandler(Receiver receiver, int maxFrameBytes) {
    this.receiver = receiver;
    this.framer = new SyslogFramer(maxFrameBytes, this);
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) throws Exception {
    peer = address(ctx.channel().remoteAddress());
    super.channelActive(ctx);
  }

  static String address(SocketAddress a) {
    if (a instanceof InetSocketAddress inet && inet.getAddress() != null) {
      return inet.getAddress().getHostAddress();
    }
    return String.valueOf(a);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    ByteBuf buf = (ByteBuf) msg;
    try {
      int length = buf.readableBytes();
      if (buf.hasArray()) {
        framer.feed(buf.array(), buf.arrayOffset() + buf.readerIndex(), length);
      } else {
        if (scratch == null || scratch.length < length) {
          scratch = new byte[Math.max(length, 16 * 1024)];
        }
        buf.getBytes(buf.readerIndex(), scratch, 0, length);
        framer.feed(scratch, 0, length);
      }
    } finally {
      buf.release();
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    framer.endOfStream();
    scratch = null;
    super.channelInactive(ctx);
  }

  @Override
  public void onFrame(byte[] bytes, int offset, int length, Framing framing) {
    receiver.onFrame(bytes, offset, length, peer);
  }

  @Override
  public void onFrameDiscarded(FrameDiscard reason, Framing framing, long length) {
    receiver.onFrameDiscarded(reason.name(), length, peer);
  }
}
