package dev.sluice.appliance.receive;

import dev.sluice.spool.Spool;
import dev.sluice.syslog.FrameDiscard;
import dev.sluice.syslog.FrameHandler;
import dev.sluice.syslog.Framing;
import dev.sluice.syslog.SyslogFramer;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.concurrent.Executor;

/**
 * The Netty end of one syslog connection: feeds every chunk the socket delivers to the
 * connection's {@link SyslogFramer} (the framing itself lives there) and hands the frames, in
 * batches, to the connection's {@link ConnectionPipeline}, which processes them off the event
 * loop. Memory per connection is bounded by the framer's maximum frame size and the pipeline's
 * batches in flight; an oversized frame costs that frame, not the connection.
 */
final class SyslogFramingHandler extends ChannelInboundHandlerAdapter implements FrameHandler {
  private final Receiver receiver;
  private final Spool spool;
  private final Executor workers;
  private final SyslogFramer framer;
  private ConnectionPipeline pipeline;
  private byte[] scratch;
  private long readTimeMillis;

  SyslogFramingHandler(Receiver receiver, Spool spool, Executor workers, int maxFrameBytes) {
    this.receiver = receiver;
    this.spool = spool;
    this.workers = workers;
    this.framer = new SyslogFramer(maxFrameBytes, this);
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    pipeline = new ConnectionPipeline(receiver, spool, workers, ctx.channel(),
        address(ctx.channel().remoteAddress()));
  }

  static String address(SocketAddress a) {
    if (a instanceof InetSocketAddress inet && inet.getAddress() != null) {
      return inet.getAddress().getHostAddress();
    }
    return String.valueOf(a);
  }

  /** Re-decides whether this connection reads (spool writability changed); any thread. */
  void updateReading(ChannelHandlerContext ctx) {
    ctx.channel().eventLoop().execute(pipeline::updateReading);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    ByteBuf buf = (ByteBuf) msg;
    try {
      readTimeMillis = receiver.now();
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
  public void channelReadComplete(ChannelHandlerContext ctx) throws Exception {
    pipeline.flush();
    super.channelReadComplete(ctx);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    readTimeMillis = receiver.now();
    framer.endOfStream();
    pipeline.flush();
    scratch = null;
    super.channelInactive(ctx);
  }

  @Override
  public void onFrame(byte[] bytes, int offset, int length, Framing framing) {
    pipeline.frame(bytes, offset, length, readTimeMillis);
  }

  @Override
  public void onFrameDiscarded(FrameDiscard reason, Framing framing, long length) {
    pipeline.discarded(reason.name(), length, readTimeMillis);
  }
}
