package dev.sluice.central.tenant;

import java.util.List;

/**
 * A tenant's internal domains and internal IP ranges (CIDR, IPv4 and IPv6), used to mark alert
 * addresses internal or external. {@code confirmed} turns true the first time an admin saves them;
 * until then the first integration is refused with {@code DOMAINS_AND_IPS_REQUIRED}.
 */
public record DomainsAndIps(List<String> internalDomains, List<String> internalIpRanges, boolean confirmed) {
  /** The ranges every tenant starts with: private, loopback, unique-local and link-local. */
  public static final List<String> DEFAULT_IP_RANGES = List.of(
      "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "127.0.0.1/32", "fc00::/7", "fe80::/10", "169.254.0.0/16");

  public DomainsAndIps {
    internalDomains = List.copyOf(internalDomains);
    internalIpRanges = List.copyOf(internalIpRanges);
  }

  public static DomainsAndIps defaults() {
    return new DomainsAndIps(List.of(), DEFAULT_IP_RANGES, false);
  }
}
