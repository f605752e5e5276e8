package dev.sluice.darktracesim.send;

import dev.sluice.darktracesim.AlertFilter;
import dev.sluice.darktracesim.alert.AlertGenerator;
import dev.sluice.darktracesim.alert.AlertKind;
import dev.sluice.darktracesim.alert.DarktraceAlert;
import dev.sluice.darktracesim.render.SyslogMessageWriter;
import java.nio.ByteBuffer;
import java.util.EnumMap;
import java.util.Map;

/**
 * Messages rendered ahead of sending, so that sending is only copying bytes to the socket.
 *
 * <p>Layout: one direct buffer holding the framed messages back to back, {@code ends[i]} = the
 * offset just past message {@code i}, and per kind a prefix count of how many of the first
 * {@code i} messages are of that kind (to count what was sent by kind without touching the
 * messages). The pool is the first {@link #size()} alerts of the generator that the integration's
 * filters let through; a longer stream cycles through the pool again.
 */
public final class MessagePool {

  private final ByteBuffer bytes;
  private final int[] ends;
  private final int[][] kindPrefix;

  private MessagePool(ByteBuffer bytes, int[] ends, int[][] kindPrefix) {
    this.bytes = bytes;
    this.ends = ends;
    this.kindPrefix = kindPrefix;
  }

  /**
   * Renders the first {@code size} alerts that pass the filter.
   *
   * @throws IllegalArgumentException when the filter lets (almost) nothing through
   */
  public static MessagePool render(
      AlertGenerator generator, AlertFilter filter, SyslogMessageWriter writer, int size) {
    if (size < 1) {
      throw new IllegalArgumentException("pool size must be positive");
    }
    byte[][] frames = new byte[size][];
    AlertKind[] kinds = new AlertKind[size];
    long total = 0;
    long attempts = 0;
    long maxAttempts = 1000L * size + 100_000;
    for (int i = 0; i < size; ) {
      DarktraceAlert alert = generator.next();
      if (++attempts > maxAttempts) {
        throw new IllegalArgumentException(
            "the integration's settings filter out (almost) every alert; lower the minimums or"
                + " turn more alert kinds on");
      }
      if (!filter.sends(alert)) {
        continue;
      }
      frames[i] = writer.frame(alert);
      kinds[i] = alert.kind();
      total += frames[i].length;
      i++;
    }
    if (total > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("pool of " + size + " messages exceeds 2 GB; use a"
          + " smaller pool");
    }
    ByteBuffer buffer = ByteBuffer.allocateDirect((int) total);
    int[] ends = new int[size];
    int[][] prefix = new int[AlertKind.values().length][size + 1];
    for (int i = 0; i < size; i++) {
      buffer.put(frames[i]);
      ends[i] = buffer.position();
      for (AlertKind k : AlertKind.values()) {
        prefix[k.ordinal()][i + 1] = prefix[k.ordinal()][i] + (kinds[i] == k ? 1 : 0);
      }
    }
    buffer.flip();
    return new MessagePool(buffer, ends, prefix);
  }

  public int size() {
    return ends.length;
  }

  int start(int index) {
    return index == 0 ? 0 : ends[index - 1];
  }

  int end(int index) {
    return ends[index];
  }

  /** The bytes of messages {@code [from, to)} as a fresh view (position 0). */
  ByteBuffer slice(int from, int to) {
    ByteBuffer view = bytes.duplicate();
    view.limit(end(to - 1)).position(start(from));
    return view.slice();
  }

  /** How many whole messages of {@code [from, …)} fit in the first {@code written} bytes. */
  int completeMessages(int from, long written) {
    long limit = start(from) + written;
    int lo = from;
    int hi = ends.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (ends[mid] <= limit) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo - from;
  }

  /** Bytes of message {@code index}. */
  public byte[] message(int index) {
    byte[] out = new byte[end(index) - start(index)];
    bytes.duplicate().position(start(index)).get(out);
    return out;
  }

  /** Counts by kind of the first {@code sent} messages of a stream cycling through this pool. */
  public Map<AlertKind, Long> kindsOfFirst(long sent) {
    long cycles = sent / size();
    int rest = (int) (sent % size());
    Map<AlertKind, Long> counts = new EnumMap<>(AlertKind.class);
    for (AlertKind k : AlertKind.values()) {
      counts.put(k, cycles * kindPrefix[k.ordinal()][size()] + kindPrefix[k.ordinal()][rest]);
    }
    return counts;
  }

  /** Total bytes of the first {@code sent} messages of a stream cycling through this pool. */
  public long bytesOfFirst(long sent) {
    long cycles = sent / size();
    int rest = (int) (sent % size());
    return cycles * ends[size() - 1] + (rest == 0 ? 0 : ends[rest - 1]);
  }
}
