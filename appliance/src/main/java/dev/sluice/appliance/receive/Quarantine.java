package dev.sluice.appliance.receive;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Rejected messages, kept for inspection: the most recent {@code capacity} entries (older ones
 * fall out, counted in {@link #evicted()}) with their reason, and a count per reason that never
 * resets. Memory is bounded by the capacity times {@link #EXCERPT_BYTES}.
 */
public final class Quarantine {
  /** How much of a rejected message is kept. */
  public static final int EXCERPT_BYTES = 512;

  /**
   * One rejected message.
   *
   * @param code stable rejection code (e.g. {@code NOT_CEF}, {@code FRAME_TOO_LARGE})
   * @param excerpt the first {@link #EXCERPT_BYTES} bytes, non-printable bytes as {@code \xNN}
   * @param frameBytes size of the whole message
   */
  public record Entry(Instant time, String integrationId, String senderAddress,
      String senderHostname, String code, String detail, String excerpt, int frameBytes) {
    public Entry {
      Objects.requireNonNull(time, "time");
      Objects.requireNonNull(code, "code");
    }
  }

  private final Entry[] ring;
  private long added;
  private final ConcurrentHashMap<String, LongAdder> byCode = new ConcurrentHashMap<>();

  public Quarantine(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive");
    }
    this.ring = new Entry[capacity];
  }

  public void add(Instant time, String integrationId, String senderAddress,
      String senderHostname, String code, String detail, byte[] frame, int offset, int length) {
    Entry e = new Entry(time, integrationId, senderAddress, senderHostname, code,
        detail == null ? "" : truncate(detail, 300), excerpt(frame, offset, length), length);
    byCode.computeIfAbsent(code, c -> new LongAdder()).increment();
    synchronized (ring) {
      ring[(int) (added % ring.length)] = e;
      added++;
    }
  }

  /** The most recent entries, newest first. */
  public List<Entry> recent(int limit) {
    List<Entry> out = new ArrayList<>();
    synchronized (ring) {
      long held = Math.min(added, ring.length);
      for (long i = 0; i < Math.min(held, limit); i++) {
        out.add(ring[(int) ((added - 1 - i) % ring.length)]);
      }
    }
    return out;
  }

  public Map<String, Long> countsByCode() {
    Map<String, Long> out = new TreeMap<>();
    byCode.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }

  public long total() {
    synchronized (ring) {
      return added;
    }
  }

  public long evicted() {
    synchronized (ring) {
      return Math.max(0, added - ring.length);
    }
  }

  static String excerpt(byte[] b, int offset, int length) {
    StringBuilder sb = new StringBuilder();
    int n = Math.min(length, EXCERPT_BYTES);
    for (int i = 0; i < n; i++) {
      int c = b[offset + i] & 0xFF;
      if (c >= 0x20 && c < 0x7F && c != '\\') {
        sb.append((char) c);
      } else {
        sb.append(String.format("\\x%02X", c));
      }
    }
    if (length > n) {
      sb.append("...");
    }
    return sb.toString();
  }

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max) + "...";
  }
}
