package dev.sluice.console.backend;

import java.util.List;

/**
 * The tenant's internal domains and IP ranges. {@code confirmed} is false until an admin has
 * saved them once; the first integration asks for them.
 */
public record DomainsAndIps(List<String> domains, List<String> ipRanges, boolean confirmed) {

  public static final List<String> DEFAULT_RANGES = List.of(
      "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "127.0.0.1/32", "fc00::/7", "fe80::/10",
      "169.254.0.0/16");

  public DomainsAndIps {
    domains = List.copyOf(domains);
    ipRanges = List.copyOf(ipRanges);
  }

  /** Backed by central's domains-and-IPs service. */
  public interface Store {
    DomainsAndIps get(Principal principal);

    /** Field errors are keyed {@code domains} and {@code ipRanges}. */
    Outcome<DomainsAndIps> save(Principal principal, List<String> domains, List<String> ipRanges);
  }
}
