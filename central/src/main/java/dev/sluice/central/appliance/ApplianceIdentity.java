package dev.sluice.central.appliance;

import java.util.Objects;

/** An appliance authenticated by its client certificate. */
public record ApplianceIdentity(String tenantId, String applianceId) {
  public ApplianceIdentity {
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(applianceId, "applianceId");
  }
}
