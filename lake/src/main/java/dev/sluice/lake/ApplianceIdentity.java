package dev.sluice.lake;

import dev.sluice.wire.ingest.EventId;
import java.util.Objects;

/** An authenticated appliance: the tenant it belongs to and its id (from its client certificate). */
public record ApplianceIdentity(String tenantId, String applianceId) {
  public ApplianceIdentity {
    TenantIds.require(tenantId);
    Objects.requireNonNull(applianceId, "applianceId");
    if (!EventId.isValidApplianceId(applianceId)) {
      throw new IllegalArgumentException("invalid appliance id: " + applianceId);
    }
  }
}
