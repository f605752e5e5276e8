package dev.sluice.central.integration;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.sluice.wire.image.NetworkSettings;

/** Request bodies of the integration endpoints. */
public final class IntegrationRequests {
  private IntegrationRequests() {}

  /** {@code POST /api/v1/integrations}. {@code port} is optional (allocated when absent). */
  public record Create(String product, String name, String description, ApplianceChoice appliance, Integer port) {}

  /** Either an existing appliance ({@code id}) or a new one ({@code new}). */
  public record ApplianceChoice(String id, @JsonProperty("new") NewApplianceRequest newAppliance) {}

  /** A new appliance; {@code protocol}, if sent, must be {@code tcp}. */
  public record NewApplianceRequest(String name, String description, String platform, NetworkSettings network,
      SyslogRequest syslog) {}

  public record SyslogRequest(String ipVersion, String address, String protocol) {}

  /** {@code PATCH /api/v1/integrations/{id}}: absent fields stay as they are. */
  public record Update(String name, String description, Integer port) {}
}
