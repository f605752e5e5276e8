package dev.sluice.spool;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads durable records in offset order, from a start offset on. One reader per consumer; not
 * thread-safe. It never sees a record before it is fsync'd.
 */
public final class SpoolReader {
  private final Spool spool;
  private long nextOffset;
  private Segment segment;
  private long position;
  private final ArrayDeque<SpoolRecord> buffered = new ArrayDeque<>();

  SpoolReader(Spool spool, long fromOffset) {
    this.spool = spool;
    this.nextOffset = fromOffset;
  }

  /** Offset of the next record this reader returns. */
  public long nextOffset() {
    return buffered.isEmpty() ? nextOffset : buffered.peekFirst().offset();
  }

  /**
   * Returns up to {@code maxRecords} records whose payloads add up to at most {@code maxBytes}
   * (always at least one record if any is available), waiting up to {@code wait} for the first.
   */
  public List<SpoolRecord> poll(int maxRecords, long maxBytes, Duration wait)
      throws IOException, InterruptedException {
    List<SpoolRecord> out = new ArrayList<>();
    if (buffered.isEmpty() && !fill()) {
      long start = System.nanoTime();
      long remaining = wait.toNanos();
      while (buffered.isEmpty() && remaining > 0) {
        spool.awaitReadable(nextOffset, remaining);
        fill();
        remaining = wait.toNanos() - (System.nanoTime() - start);
      }
    }
    long bytes = 0;
    while (out.size() < maxRecords) {
      if (buffered.isEmpty() && !fill()) {
        break;
      }
      SpoolRecord r = buffered.peekFirst();
      if (!out.isEmpty() && bytes + r.payload().length > maxBytes) {
        break;
      }
      out.add(buffered.pollFirst());
      bytes += r.payload().length;
    }
    return out;
  }

  /** Reads the next durable batch into the buffer; false if there is none yet. */
  private boolean fill() throws IOException {
    if (segment == null) {
      Map.Entry<Long, Segment> e = spool.segmentFor(nextOffset);
      if (e == null) {
        throw new IOException("offset " + nextOffset + " is no longer held");
      }
      segment = e.getValue();
      position = 0;
    }
    while (true) {
      long limit = segment.durableSize;
      if (position < limit) {
        Batch.ReadResult r = Batch.read(segment.channel, position, limit, -1,
            spool.maxBatchBytes());
        if (!(r instanceof Batch.Read read)) {
          throw new IOException("spool segment " + segment.path + " unreadable at " + position
              + ": " + r);
        }
        position = read.nextPosition();
        long o = read.baseOffset();
        for (byte[] payload : read.records()) {
          if (o >= nextOffset) {
            buffered.add(new SpoolRecord(o, payload));
          }
          o++;
        }
        if (o > nextOffset) {
          nextOffset = o;
        }
        if (!buffered.isEmpty()) {
          return true;
        }
        continue;
      }
      Map.Entry<Long, Segment> after = spool.segmentAfter(segment.baseOffset);
      // A later segment exists only once this one is complete and fsync'd, but its durable size
      // is published just before the roll: read it again before moving on.
      if (after == null || position < segment.durableSize) {
        return false;
      }
      segment = after.getValue();
      position = 0;
    }
  }
}
