package dev.sluice.appliance.health;

import dev.sluice.appliance.receive.Listeners;
import dev.sluice.appliance.receive.ReceiveCounters;
import dev.sluice.spool.SpoolStats;
import dev.sluice.wire.control.Heartbeat;
import dev.sluice.wire.control.IntegrationConfig;
import dev.sluice.wire.control.IntegrationHeartbeat;
import dev.sluice.wire.control.ListenerState;
import dev.sluice.wire.control.SenderHeartbeat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Builds the heartbeat central receives from the appliance's live counters. */
public final class HeartbeatReport {
  private static final int MAX_SENDERS = 1000;

  private HeartbeatReport() {}

  public static Heartbeat build(String version, Instant now, long uptimeSeconds, String etag,
      SpoolStats spool, List<IntegrationConfig> integrations, List<Listeners.Status> listeners,
      List<ReceiveCounters.SenderSnapshot> senders) {
    Map<String, Listeners.Status> byId = new HashMap<>();
    listeners.forEach(l -> byId.put(l.integrationId(), l));
    Map<String, List<ReceiveCounters.SenderSnapshot>> sendersById = new HashMap<>();
    senders.forEach(s -> sendersById.computeIfAbsent(s.key().integrationId(),
        k -> new ArrayList<>()).add(s));
    List<IntegrationHeartbeat> out = new ArrayList<>();
    for (IntegrationConfig i : integrations) {
      Listeners.Status l = byId.get(i.id());
      List<ReceiveCounters.SenderSnapshot> ss = sendersById.getOrDefault(i.id(), List.of());
      long received = 0;
      long accepted = 0;
      long tests = 0;
      long last = 0;
      Map<String, Long> rejected = new TreeMap<>();
      for (ReceiveCounters.SenderSnapshot s : ss) {
        received += s.received();
        accepted += s.accepted();
        tests += s.testAlerts();
        last = Math.max(last, s.lastEventMillis());
        s.rejectedByCode().forEach((code, n) -> rejected.merge(code, n, Long::sum));
      }
      List<SenderHeartbeat> senderBeats = ss.stream()
          .sorted(Comparator.comparingLong(ReceiveCounters.SenderSnapshot::received).reversed())
          .limit(MAX_SENDERS)
          .map(s -> new SenderHeartbeat(s.key().hostname(), s.key().address(), s.received(),
              s.accepted(), s.rejected(),
              s.lastEventMillis() == 0 ? null : Instant.ofEpochMilli(s.lastEventMillis()),
              s.testAlerts()))
          .toList();
      out.add(new IntegrationHeartbeat(i.id(),
          l == null ? ListenerState.STOPPED : l.state(), l == null ? null : l.error(),
          received, accepted, rejected, last == 0 ? null : Instant.ofEpochMilli(last), tests,
          senderBeats));
    }
    return new Heartbeat(version, now, uptimeSeconds, etag, Math.max(0, spool.depth()),
        spool.diskBytes(), out);
  }
}
