package dev.sluice.darktracesim.send;

import dev.sluice.darktracesim.SyslogCefSettings;
import dev.sluice.darktracesim.Transport;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends one instance's stream: paces to its rate, writes batches of up to 256 KiB of pooled
 * messages, and on a broken connection reconnects with backoff and resends from the first message
 * not fully written (the receiver sees a truncated last frame on the old connection). Stops at its
 * count, at the deadline, when told to, or when it could not connect for the give-up time.
 */
final class InstanceSender implements Runnable {

  private static final int MAX_BATCH_BYTES = 256 * 1024;
  private static final int CONNECT_TIMEOUT_MILLIS = 5_000;

  private final SyslogCefSettings settings;
  private final MessagePool pool;
  private final Rate rate;
  private final OptionalLong count;
  private final long durationNanos;
  private long deadlineNanos;
  private final long giveUpNanos;
  private final AtomicBoolean stop;
  private final Backoff backoff;

  private volatile long sent;
  private volatile long lost;
  private volatile long errors;
  private long reconnects;
  private long connects;
  private Optional<String> failure = Optional.empty();
  private int poolIndex;

  InstanceSender(
      SyslogCefSettings settings,
      MessagePool pool,
      Rate rate,
      OptionalLong count,
      long durationNanos,
      long giveUpNanos,
      AtomicBoolean stop,
      long seed) {
    this.settings = settings;
    this.pool = pool;
    this.rate = rate;
    this.count = count;
    this.durationNanos = durationNanos;
    this.giveUpNanos = giveUpNanos;
    this.stop = stop;
    this.backoff = new Backoff(seed);
  }

  long sent() {
    return sent;
  }

  long errors() {
    return errors;
  }

  @Override
  public void run() {
    long startNanos = System.nanoTime();
    deadlineNanos = startNanos + durationNanos;
    Link link = null;
    try {
      while (!stop.get() && !limitReached() && System.nanoTime() - deadlineNanos < 0) {
        if (link == null) {
          link = connect();
          if (link == null) {
            break;
          }
        }
        long allowed = allowance(startNanos);
        if (allowed <= 0) {
          long due = startNanos + (long) ((sent + lost + 1) * 1e9 / rate.perSecond());
          LockSupport.parkNanos(Math.min(due - System.nanoTime(), 10_000_000L));
          continue;
        }
        int n = (int) Math.min(allowed, pool.size() - poolIndex);
        n = Math.max(1, Math.min(n, pool.completeMessages(poolIndex, MAX_BATCH_BYTES)));
        try {
          link.send(pool, poolIndex, poolIndex + n);
          advance(n, false);
        } catch (SendFailure f) {
          advance(f.completed(), false);
          errors++;
          if (settings.transport() == Transport.UDP) {
            advance(1, true);
          } else {
            link.close();
            link = null;
          }
        }
      }
    } finally {
      if (link != null) {
        link.close();
      }
    }
  }

  private long allowance(long startNanos) {
    long remaining = count.isPresent() ? count.getAsLong() - sent - lost : Long.MAX_VALUE;
    if (rate.unlimited()) {
      return remaining;
    }
    long due = (long) ((System.nanoTime() - startNanos) / 1e9 * rate.perSecond());
    return Math.min(remaining, due - sent - lost);
  }

  private boolean limitReached() {
    return count.isPresent() && sent + lost >= count.getAsLong();
  }

  private void advance(int n, boolean asLost) {
    if (asLost) {
      lost += n;
    } else {
      sent += n;
    }
    poolIndex = (poolIndex + n) % pool.size();
  }

  /** Connects, retrying with backoff; null when stopped, past the deadline or given up. */
  private Link connect() {
    InetSocketAddress address = new InetSocketAddress(settings.server(), settings.port());
    long firstFailure = 0;
    while (!stop.get() && System.nanoTime() - deadlineNanos < 0) {
      try {
        Link link = settings.transport() == Transport.TCP
            ? TcpLink.connect(address, CONNECT_TIMEOUT_MILLIS)
            : UdpLink.connect(address);
        if (connects++ > 0) {
          reconnects++;
        }
        backoff.reset();
        return link;
      } catch (IOException e) {
        errors++;
        long now = System.nanoTime();
        if (firstFailure == 0) {
          firstFailure = now;
        } else if (now - firstFailure > giveUpNanos) {
          failure = Optional.of("could not connect to " + settings.server() + ":"
              + settings.port() + " for " + TimeUnit.NANOSECONDS.toSeconds(giveUpNanos)
              + " s: " + e.getMessage());
          return null;
        }
        sleep(backoff.nextDelayMillis());
      }
    }
    return null;
  }

  private void sleep(long millis) {
    long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    while (!stop.get() && System.nanoTime() - until < 0) {
      LockSupport.parkNanos(Math.min(until - System.nanoTime(), 50_000_000L));
    }
  }

  InstanceReport report() {
    return new InstanceReport(settings.hostname(), sent, lost, pool.bytesOfFirst(sent), errors,
        reconnects, pool.kindsOfFirst(sent), failure);
  }
}
