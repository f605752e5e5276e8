package dev.sluice.appliance.receive;

import dev.sluice.spool.Spool;
import dev.sluice.wire.control.IntegrationConfig;
import dev.sluice.wire.control.ListenerState;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.Executor;

/**
 * One integration's TCP listener: a server socket on the integration's bind address and port,
 * its connections, and the limits that keep one sender from hurting the others (connection cap,
 * idle timeout, maximum frame size).
 */
final class IntegrationListener {
  static final int RECEIVE_BUFFER_BYTES = 256 * 1024;
  final Receiver receiver;
  final String bindAddress;
  final int port;
  private final ChannelGroup connections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
  private final AtomicInteger open = new AtomicInteger();
  final LongAdder accepted = new LongAdder();
  final LongAdder refused = new LongAdder();
  final LongAdder idleClosed = new LongAdder();
  private volatile Channel server;
  private volatile ListenerState state = ListenerState.STOPPED;
  private volatile String error;

  IntegrationListener(Receiver receiver, IntegrationConfig config) {
    this.receiver = receiver;
    this.bindAddress = config.bindAddress();
    this.port = config.port();
  }

  /** Binds and waits for the result; the state says whether it worked. */
  void start(EventLoopGroup boss, EventLoopGroup workers, Class<? extends ServerChannel> type,
      ListenerLimits limits, Spool spool, Executor pipelineWorkers) {
    ServerBootstrap b = new ServerBootstrap()
        .group(boss, workers)
        .channel(type)
        .option(ChannelOption.SO_REUSEADDR, true)
        .option(ChannelOption.SO_BACKLOG, 256)
        .childOption(ChannelOption.TCP_NODELAY, true)
        // A fixed receive window bounds what the kernel buffers per connection (no autotuning
        // to megabytes) and makes backpressure reach the sender sooner; 256 KiB still allows
        // hundreds of MB/s on a LAN.
        .childOption(ChannelOption.SO_RCVBUF, RECEIVE_BUFFER_BYTES)
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            if (open.incrementAndGet() > limits.maxConnectionsPerPort()) {
              open.decrementAndGet();
              refused.increment();
              ch.close();
              return;
            }
            accepted.increment();
            ch.closeFuture().addListener(f -> open.decrementAndGet());
            connections.add(ch);
            // Read the spool's state after joining the group, so a change in between is seen.
            ch.config().setAutoRead(spool.isWritable());
            ch.pipeline()
                .addLast("idle", new IdleStateHandler(limits.idleTimeout().toMillis(), 0, 0,
                    TimeUnit.MILLISECONDS))
                .addLast("idle-close", new IdleCloser())
                .addLast("framing", new SyslogFramingHandler(receiver, spool, pipelineWorkers,
                    limits.maxFrameBytes()))
                .addLast("errors", new CloseOnError());
          }
        });
    ChannelFuture f = b.bind(new InetSocketAddress(bindAddress, port)).awaitUninterruptibly();
    if (f.isSuccess()) {
      server = f.channel();
      state = ListenerState.LISTENING;
      error = null;
    } else {
      state = ListenerState.FAILED;
      error = String.valueOf(f.cause().getMessage());
    }
  }

  /** Makes every connection re-decide whether it reads (spool backpressure). */
  void updateReading() {
    for (Channel c : connections) {
      ChannelHandlerContext ctx = c.pipeline().context(SyslogFramingHandler.class);
      if (ctx != null) {
        ((SyslogFramingHandler) ctx.handler()).updateReading(ctx);
      }
    }
  }

  void stop() {
    Channel s = server;
    if (s != null) {
      s.close().awaitUninterruptibly();
    }
    connections.close().awaitUninterruptibly();
    state = ListenerState.STOPPED;
  }

  ListenerState state() {
    return state;
  }

  String error() {
    return error;
  }

  int openConnections() {
    return open.get();
  }

  /** The port actually bound (differs from the configured one only when that was 0). */
  int boundPort() {
    Channel s = server;
    return s == null ? port : ((InetSocketAddress) s.localAddress()).getPort();
  }

  private final class IdleCloser extends ChannelInboundHandlerAdapter {
    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
      if (evt instanceof IdleStateEvent) {
        idleClosed.increment();
        ctx.close();
      } else {
        super.userEventTriggered(ctx, evt);
      }
    }
  }

  private static final class CloseOnError extends ChannelInboundHandlerAdapter {
    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      // A reset or broken connection costs that connection only.
      ctx.close();
    }
  }
}
