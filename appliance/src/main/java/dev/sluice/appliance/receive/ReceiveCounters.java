package dev.sluice.appliance.receive;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters per integration and per sender. A sender is identified by the syslog hostname it puts
 * in its messages and the peer address of its connection, so several Darktrace instances behind
 * one port are told apart. The number of senders tracked per integration is bounded: beyond
 * {@link #MAX_SENDERS_PER_INTEGRATION}, messages count under the sender {@code (other)}, so a
 * sender that invents hostnames cannot exhaust memory.
 */
public final class ReceiveCounters {
  public static final int MAX_SENDERS_PER_INTEGRATION = 256;
  public static final String OTHER = "(other)";

  /** A sender on one integration; {@code hostname} is null when no header was readable. */
  public record SenderKey(String integrationId, String hostname, String address) {
    public SenderKey {
      Objects.requireNonNull(integrationId, "integrationId");
      Objects.requireNonNull(address, "address");
    }
  }

  /** The live counters of one sender. */
  public static final class Sender {
    public final SenderKey key;
    final LongAdder received = new LongAdder();
    final LongAdder accepted = new LongAdder();
    final LongAdder testAlerts = new LongAdder();
    final ConcurrentHashMap<String, LongAdder> rejected = new ConcurrentHashMap<>();
    volatile long lastEventMillis;

    Sender(SenderKey key) {
      this.key = key;
    }

    public void received(long atMillis) {
      received.increment();
      lastEventMillis = atMillis;
    }

    public void accepted(boolean testAlert) {
      accepted.increment();
      if (testAlert) {
        testAlerts.increment();
      }
    }

    public void rejected(String code) {
      rejected.computeIfAbsent(code, c -> new LongAdder()).increment();
    }

    public SenderSnapshot snapshot() {
      Map<String, Long> r = new TreeMap<>();
      rejected.forEach((k, v) -> r.put(k, v.sum()));
      return new SenderSnapshot(key, received.sum(), accepted.sum(), r, lastEventMillis,
          testAlerts.sum());
    }
  }

  /** A point-in-time copy of one sender's counters. */
  public record SenderSnapshot(SenderKey key, long received, long accepted,
      Map<String, Long> rejectedByCode, long lastEventMillis, long testAlerts) {
    public SenderSnapshot {
      rejectedByCode = Map.copyOf(rejectedByCode);
    }

    public long rejected() {
      return rejectedByCode.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  private final ConcurrentHashMap<SenderKey, Sender> senders = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, LongAdder> sendersPerIntegration =
      new ConcurrentHashMap<>();

  /** The counters of a sender, created on first use (or {@code (other)} beyond the bound). */
  public Sender sender(String integrationId, String hostname, String address) {
    SenderKey key = new SenderKey(integrationId, hostname, address);
    Sender s = senders.get(key);
    if (s != null) {
      return s;
    }
    LongAdder count = sendersPerIntegration.computeIfAbsent(integrationId, i -> new LongAdder());
    if (count.sum() >= MAX_SENDERS_PER_INTEGRATION) {
      key = new SenderKey(integrationId, OTHER, OTHER);
    }
    return senders.computeIfAbsent(key, k -> {
      count.increment();
      return new Sender(k);
    });
  }

  public List<SenderSnapshot> snapshot() {
    List<SenderSnapshot> out = new ArrayList<>();
    for (Sender s : senders.values()) {
      out.add(s.snapshot());
    }
    out.sort((a, b) -> {
      int c = a.key().integrationId().compareTo(b.key().integrationId());
      if (c != 0) {
        return c;
      }
      c = a.key().address().compareTo(b.key().address());
      return c != 0 ? c : String.valueOf(a.key().hostname())
          .compareTo(String.valueOf(b.key().hostname()));
    });
    return out;
  }
}
