package dev.sluice.wire.control;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What an appliance reports every {@link ApplianceConfig#heartbeatIntervalSeconds()} to
 * {@link ControlPaths#HEARTBEAT}. Counters are totals since the appliance process started
 * (central computes rates from consecutive heartbeats).
 *
 * @param applianceVersion the running software version
 * @param sentAt when the appliance sent it (appliance clock)
 * @param uptimeSeconds seconds since the appliance process started
 * @param configEtag the configuration the appliance currently runs
 * @param spoolDepthEvents events in the spool not yet acknowledged by the lake
 * @param spoolBytes bytes the spool occupies on disk
 * @param integrations one entry per configured integration
 */
public record Heartbeat(
    String applianceVersion,
    Instant sentAt,
    long uptimeSeconds,
    String configEtag,
    long spoolDepthEvents,
    long spoolBytes,
    List<IntegrationHeartbeat> integrations) {

  public Heartbeat {
    Validation.requireText(applianceVersion, "applianceVersion", 64);
    Objects.requireNonNull(sentAt, "sentAt");
    Validation.requireNonNegative(uptimeSeconds, "uptimeSeconds");
    configEtag = configEtag == null ? "" : configEtag;
    Validation.requireNonNegative(spoolDepthEvents, "spoolDepthEvents");
    Validation.requireNonNegative(spoolBytes, "spoolBytes");
    integrations = integrations == null ? List.of() : List.copyOf(integrations);
    if (integrations.size() > 1_000) {
      throw new IllegalArgumentException("at most 1000 integrations per heartbeat");
    }
  }
}
