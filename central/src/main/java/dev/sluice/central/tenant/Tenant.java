package dev.sluice.central.tenant;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/** An organization using Sluice, with its entitlements. */
public record Tenant(String id, String name, Set<LicensePack> licensePacks, Instant createdAt) {
  public Tenant {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    licensePacks = Set.copyOf(licensePacks);
    Objects.requireNonNull(createdAt, "createdAt");
  }

  public boolean holds(LicensePack pack) {
    return licensePacks.contains(pack);
  }
}
