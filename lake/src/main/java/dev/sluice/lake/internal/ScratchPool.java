package dev.sluice.lake.internal;

import com.github.luben.zstd.ZstdCompressCtx;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The large buffers of the ack path, reused across requests instead of allocated per batch: the
 * payload (a batch's Arrow IPC stream, ≈ 8 MB for 5,000 events) and the WAL record (its zstd
 * frame behind an 8-byte header), both direct so that nothing of them lands on the Java heap
 * and the file write needs no copy, plus a zstd context. Bounded: at most {@code maxPooled}
 * scratches are kept (concurrent requests beyond that get a fresh one, dropped after use), and a
 * scratch whose buffers grew beyond {@code maxRetainedBytes} (an unusually large batch) is not
 * kept. Not per thread: the HTTP server has many threads, but only a few append at a time.
 */
final class ScratchPool {

  private final ArrayBlockingQueue<Scratch> pooled;
  private final int maxRetainedBytes;
  private final int zstdLevel;
  private final AtomicLong created = new AtomicLong();

  ScratchPool(int maxPooled, int maxRetainedBytes, int zstdLevel) {
    this.pooled = new ArrayBlockingQueue<>(maxPooled);
    this.maxRetainedBytes = maxRetainedBytes;
    this.zstdLevel = zstdLevel;
  }

  /** A pooled scratch, or a new one when all are in use. */
  Scratch acquire() {
    Scratch scratch = pooled.poll();
    if (scratch == null) {
      created.incrementAndGet();
      scratch = new Scratch(new ZstdCompressCtx().setLevel(zstdLevel));
    }
    scratch.payload.reset();
    return scratch;
  }

  /** Returns a scratch for reuse, or frees it when the pool is full or its buffers grew too large. */
  void release(Scratch scratch) {
    boolean small = scratch.payload.buffer.capacity() <= maxRetainedBytes
        && (scratch.record == null || scratch.record.capacity() <= maxRetainedBytes);
    if (!small || !pooled.offer(scratch)) {
      scratch.zstd.close();
    }
  }

  /** Scratches waiting for reuse. */
  int pooled() {
    return pooled.size();
  }

  /** Scratches made so far (reuse keeps this at the number of concurrent appends). */
  long created() {
    return created.get();
  }

  /** Frees the pooled scratches' zstd contexts (the direct buffers go with the garbage collector). */
  void close() {
    for (Scratch s; (s = pooled.poll()) != null; ) {
      s.zstd.close();
    }
  }

  /** One append's buffers. */
  static final class Scratch {
    final Growable payload = new Growable();
    final ZstdCompressCtx zstd;
    private ByteBuffer record;

    private Scratch(ZstdCompressCtx zstd) {
      this.zstd = zstd;
    }

    /** The record buffer with at least {@code capacity} bytes, position 0, limit capacity. */
    ByteBuffer record(int capacity) {
      if (record == null || record.capacity() < capacity) {
        record = ByteBuffer.allocateDirect(Growable.grown(record == null ? 0 : record.capacity(), capacity));
      }
      record.clear();
      return record;
    }
  }

  /** A channel writing into a direct buffer that grows as needed. */
  static final class Growable implements WritableByteChannel {
    private ByteBuffer buffer = ByteBuffer.allocateDirect(0);

    void reset() {
      buffer.clear();
    }

    /** Makes room for {@code more} bytes after what was written. */
    void reserve(int more) {
      long needed = (long) buffer.position() + more;
      if (needed > buffer.capacity()) {
        if (needed > Integer.MAX_VALUE - 8) {
          throw new IllegalStateException("payload larger than 2 GiB");
        }
        ByteBuffer bigger = ByteBuffer.allocateDirect(grown(buffer.capacity(), (int) needed));
        buffer.flip();
        bigger.put(buffer);
        buffer = bigger;
      }
    }

    static int grown(int capacity, int needed) {
      return (int) Math.min(Integer.MAX_VALUE - 8, Math.max(needed, capacity + (long) capacity / 2));
    }

    @Override
    public int write(ByteBuffer src) {
      int n = src.remaining();
      reserve(n);
      buffer.put(src);
      return n;
    }

    /** The bytes written, as a read-only view (position 0). */
    ByteBuffer written() {
      return buffer.duplicate().flip();
    }

    int capacity() {
      return buffer.capacity();
    }

    @Override
    public boolean isOpen() {
      return true;
    }

    @Override
    public void close() {
      // the buffer belongs to the pool
    }
  }
}
