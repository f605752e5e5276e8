package dev.sluice.wire.control;

import java.util.List;

/**
 * The tenant context an appliance enriches events with.
 *
 * @param internalDomains the tenant's internal domains (e.g. {@code corp.example.com})
 * @param internalIpRanges the tenant's internal IP ranges in CIDR notation, IPv4 and IPv6
 */
public record TenantSettings(List<String> internalDomains, List<String> internalIpRanges) {
  public TenantSettings {
    internalDomains = internalDomains == null ? List.of() : List.copyOf(internalDomains);
    internalIpRanges = internalIpRanges == null ? List.of() : List.copyOf(internalIpRanges);
  }
}
