package dev.sluice.central.appliance;

import dev.sluice.central.health.ApplianceState;
import dev.sluice.central.image.ApplianceImage;
import dev.sluice.wire.image.NetworkSettings;
import dev.sluice.wire.image.Platform;
import java.time.Instant;
import java.util.List;

/** An appliance as the API shows it. */
public record ApplianceView(
    String id,
    String name,
    String description,
    Platform platform,
    NetworkSettings network,
    Syslog syslog,
    ApplianceState state,
    String version,
    String hostname,
    Instant enrolledAt,
    Instant lastHeartbeatAt,
    Long uptimeSeconds,
    Long spoolDepthEvents,
    Long spoolBytes,
    List<IntegrationSummary> integrations,
    List<ApplianceImage> images,
    Instant createdAt) {

  /** Where the appliance listens for syslog; the protocol is always TCP. */
  public record Syslog(String ipVersion, String address, String protocol) {}

  /** An integration the appliance collects for. */
  public record IntegrationSummary(String id, String name, String product, int port) {}
}
