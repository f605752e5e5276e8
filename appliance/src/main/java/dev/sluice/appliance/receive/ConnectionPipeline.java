package dev.sluice.appliance.receive;

import dev.sluice.spool.Spool;
import io.netty.channel.Channel;
import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Moves one connection's frames off its event loop: the event loop only frames and copies frames
 * into a {@link FrameBatch}; a pool of pipeline workers parses, normalizes and encodes whole
 * batches, several at a time; and the batches reach the spool (and the counters) strictly in the
 * order they arrived, whichever worker finishes first. A frame counts as accepted only once its
 * record is in the spool.
 *
 * <p>Memory per connection is bounded: at most {@link #MAX_IN_FLIGHT} batches are handed over at
 * once; at that point the connection stops reading (TCP backpressure) until the oldest is
 * delivered. The same happens while the spool is unwritable.
 */
final class ConnectionPipeline {
  static final int MAX_IN_FLIGHT = 4;
  private final Receiver receiver;
  private final Spool spool;
  private final Executor workers;
  private final Channel channel;
  private final String peer;
  private final Receiver.SenderCache senders = new Receiver.SenderCache();

  // Event loop only.
  private FrameBatch current;

  // Guarded by this.
  private final ArrayDeque<FrameBatch> inFlight = new ArrayDeque<>();
  private final ArrayDeque<FrameBatch> free = new ArrayDeque<>();

  ConnectionPipeline(Receiver receiver, Spool spool, Executor workers, Channel channel,
      String peer) {
    this.receiver = receiver;
    this.spool = spool;
    this.workers = workers;
    this.channel = channel;
    this.peer = peer;
  }

  /** A complete frame (event loop). */
  void frame(byte[] bytes, int offset, int length, long timeMillis) {
    if (current != null && !current.fits(length)) {
      handOver();
    }
    if (current == null) {
      current = obtain();
    }
    current.addFrame(bytes, offset, length, timeMillis);
    if (current.isFull()) {
      handOver();
    }
  }

  /** A frame the framer dropped (event loop). */
  void discarded(String code, long size, long timeMillis) {
    if (current != null && current.count == FrameBatch.MAX_FRAMES) {
      handOver();
    }
    if (current == null) {
      current = obtain();
    }
    current.addDiscard(code, size, timeMillis);
  }

  /** Hands over what is collected so far (event loop; end of a read or of the stream). */
  void flush() {
    if (current != null && current.count > 0) {
      handOver();
    }
  }

  private synchronized FrameBatch obtain() {
    FrameBatch b = free.pollFirst();
    return b != null ? b : new FrameBatch();
  }

  private void handOver() {
    FrameBatch b = current;
    current = null;
    int n;
    synchronized (this) {
      inFlight.addLast(b);
      n = inFlight.size();
    }
    try {
      workers.execute(() -> process(b));
    } catch (RejectedExecutionException e) {
      // Shutting down: these frames were never acknowledged to anyone; the connection closes.
      synchronized (this) {
        inFlight.remove(b);
      }
      channel.close();
      return;
    }
    if (n >= MAX_IN_FLIGHT) {
      channel.config().setAutoRead(false);
    }
  }

  /** On a pipeline worker: processes the batch, then delivers every batch now at the head. */
  private void process(FrameBatch b) {
    try {
      receiver.process(b, peer);
    } finally {
      b.processed = true;
    }
    boolean resume = false;
    synchronized (this) {
      while (!inFlight.isEmpty() && inFlight.peekFirst().processed) {
        FrameBatch head = inFlight.pollFirst();
        try {
          receiver.deliver(head, peer, senders);
        } catch (RuntimeException e) {
          // The spool is closed or failed for good: nothing of this batch was counted as
          // accepted; the sender sees the connection close.
          receiver.deliveryFailed(peer, e);
          channel.close();
        }
        if (inFlight.size() == MAX_IN_FLIGHT - 1) {
          resume = true;
        }
        head.reset();
        // In flight, plus the one being filled: that many circulate on a busy connection.
        if (free.size() <= MAX_IN_FLIGHT) {
          free.addLast(head);
        }
      }
    }
    if (resume) {
      channel.eventLoop().execute(this::updateReading);
    }
  }

  /** Reads again when the spool is writable and few enough batches are in flight. */
  void updateReading() {
    boolean read;
    synchronized (this) {
      read = inFlight.size() < MAX_IN_FLIGHT;
    }
    channel.config().setAutoRead(read && spool.isWritable());
  }
}
