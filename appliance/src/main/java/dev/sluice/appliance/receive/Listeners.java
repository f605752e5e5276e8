package dev.sluice.appliance.receive;

import dev.sluice.appliance.health.ThrottledLog;
import dev.sluice.spool.Spool;
import dev.sluice.wire.control.IntegrationConfig;
import dev.sluice.wire.control.ListenerState;
import dev.sluice.wire.control.TenantSettings;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The appliance's syslog listeners, one per integration, reconciled with each configuration
 * without a restart: new integrations get a listener, removed ones lose theirs (and its
 * connections), a changed port or bind address re-binds; an unchanged listener keeps its
 * connections and takes the new settings. Netty with epoll where available (NIO otherwise).
 *
 * <p>Threads: the event loops only read and frame; parsing, normalizing and encoding run on a
 * pool of pipeline workers (as many as event loops), so one busy connection can use every core
 * while its frames still reach the spool in order (see {@link ConnectionPipeline}).
 *
 * <p>Backpressure: while the spool is unwritable, or a connection has its maximum of batches in
 * flight, that connection stops reading, so senders see TCP flow control instead of lost
 * messages.
 */
public final class Listeners implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Listeners.class);

  private final EventLoopGroup boss;
  private final EventLoopGroup workers;
  private final Class<? extends ServerChannel> serverChannel;
  private final ListenerLimits limits;
  private final Spool spool;
  private final FrameProcessor processor;
  private final ReceiveCounters counters;
  private final Quarantine quarantine;
  private final ThrottledLog log;
  private final Clock clock;
  private final Map<String, IntegrationListener> listeners = new HashMap<>();
  private final Runnable backpressure = this::applyBackpressure;
  private final String transport;
  private final ExecutorService pipelineWorkers;

  public Listeners(int workerThreads, ListenerLimits limits, Spool spool,
      FrameProcessor processor, ReceiveCounters counters, Quarantine quarantine, Clock clock) {
    boolean epoll = Epoll.isAvailable();
    IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
    this.transport = epoll ? "epoll" : "nio";
    this.boss = new MultiThreadIoEventLoopGroup(1, io);
    this.workers = new MultiThreadIoEventLoopGroup(workerThreads, io);
    AtomicInteger threadNumber = new AtomicInteger();
    this.pipelineWorkers = Executors.newFixedThreadPool(workerThreads, r -> {
      Thread t = new Thread(r, "receive-pipeline-" + threadNumber.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    this.serverChannel = epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    this.limits = limits;
    this.spool = spool;
    this.processor = processor;
    this.counters = counters;
    this.quarantine = quarantine;
    this.clock = clock;
    this.log = new ThrottledLog(LOG, clock, 60_000);
    spool.addWritabilityListener(backpressure);
  }

  /** {@code epoll} or {@code nio}. */
  public String transport() {
    return transport;
  }

  /** Brings the listeners in line with {@code integrations}. */
  public synchronized void reconcile(List<IntegrationConfig> integrations,
      TenantSettings tenant) {
    Map<String, IntegrationConfig> wanted = new HashMap<>();
    for (IntegrationConfig i : integrations) {
      wanted.put(i.id(), i);
    }
    for (String id : new ArrayList<>(listeners.keySet())) {
      IntegrationListener l = listeners.get(id);
      IntegrationConfig w = wanted.get(id);
      boolean rebind = w == null || !w.bindAddress().equals(l.bindAddress) || w.port() != l.port
          || l.state() != ListenerState.LISTENING;
      if (rebind) {
        l.stop();
        listeners.remove(id);
        LOG.info("event=listener_stopped integration={} address={} port={}", id, l.bindAddress,
            l.port);
      } else {
        l.receiver.update(w, tenant);
      }
    }
    Set<String> ports = new HashSet<>();
    for (IntegrationConfig i : integrations) {
      if (listeners.containsKey(i.id()) || !ports.add(i.bindAddress() + ":" + i.port())) {
        continue;
      }
      Receiver receiver = new Receiver(i, tenant, processor, spool, counters, quarantine, log,
          clock);
      IntegrationListener l = new IntegrationListener(receiver, i);
      l.start(boss, workers, serverChannel, limits, spool, pipelineWorkers);
      listeners.put(i.id(), l);
      if (l.state() == ListenerState.LISTENING) {
        LOG.info("event=listener_started integration={} address={} port={} transport={}",
            i.id(), i.bindAddress(), l.boundPort(), transport);
      } else {
        LOG.warn("event=listener_failed integration={} address={} port={} error={}", i.id(),
            i.bindAddress(), i.port(), l.error());
      }
    }
  }

  private void applyBackpressure() {
    List<IntegrationListener> current;
    synchronized (this) {
      current = new ArrayList<>(listeners.values());
    }
    for (IntegrationListener l : current) {
      l.updateReading();
    }
  }

  /** The state of one integration's listener. */
  public record Status(String integrationId, String bindAddress, int port, ListenerState state,
      String error, int openConnections, long connectionsAccepted, long connectionsRefused,
      long idleClosed) {
    public Status {
      Objects.requireNonNull(integrationId, "integrationId");
    }
  }

  public synchronized List<Status> status() {
    List<Status> out = new ArrayList<>();
    for (Map.Entry<String, IntegrationListener> e : listeners.entrySet()) {
      IntegrationListener l = e.getValue();
      out.add(new Status(e.getKey(), l.bindAddress, l.boundPort(), l.state(), l.error(),
          l.openConnections(), l.accepted.sum(), l.refused.sum(), l.idleClosed.sum()));
    }
    out.sort((a, b) -> a.integrationId().compareTo(b.integrationId()));
    return out;
  }

  @Override
  public synchronized void close() {
    spool.removeWritabilityListener(backpressure);
    for (IntegrationListener l : listeners.values()) {
      l.stop();
    }
    listeners.clear();
    boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
    workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
    // Frames already read are processed and spooled before the caller closes the spool.
    pipelineWorkers.shutdown();
    try {
      if (!pipelineWorkers.awaitTermination(10, TimeUnit.SECONDS)) {
        LOG.warn("event=pipeline_workers_still_busy");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
