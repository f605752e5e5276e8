package dev.sluice.central.appliance;

import dev.sluice.wire.image.NetworkSettings;
import dev.sluice.wire.image.Platform;
import dev.sluice.wire.image.SyslogSettings;
import java.time.Instant;
import java.util.Objects;

/**
 * A collector appliance of one tenant, as stored.
 *
 * @param certificateSerial the serial (hex) of its current client certificate; absent until enrolled
 * @param lastHeartbeat the last heartbeat's JSON, absent until the first one
 */
public record Appliance(
    String id,
    String tenantId,
    String name,
    String description,
    Platform platform,
    NetworkSettings network,
    SyslogSettings syslog,
    String certificateSerial,
    Instant enrolledAt,
    String hostname,
    String version,
    Instant lastHeartbeatAt,
    String lastHeartbeat,
    Instant createdAt) {

  public Appliance {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(network, "network");
    Objects.requireNonNull(syslog, "syslog");
  }

  public boolean enrolled() {
    return enrolledAt != null;
  }
}
