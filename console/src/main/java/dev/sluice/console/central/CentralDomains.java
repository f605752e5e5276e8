package dev.sluice.console.central;

import dev.sluice.console.backend.DomainsAndIps;
import dev.sluice.console.backend.Outcome;
import dev.sluice.console.backend.Principal;
import java.util.List;

/** {@link DomainsAndIps.Store} on central's tenant service. */
final class CentralDomains implements DomainsAndIps.Store {

  private final CentralCalls calls;

  CentralDomains(CentralCalls calls) {
    this.calls = calls;
  }

  @Override
  public DomainsAndIps get(Principal principal) {
    return calls.read(principal, p -> convert(calls.central().tenants().domains(p)))
        .orElse(new DomainsAndIps(List.of(), DomainsAndIps.DEFAULT_RANGES, false));
  }

  @Override
  public Outcome<DomainsAndIps> save(Principal principal, List<String> domains, List<String> ranges) {
    return calls.attempt(principal,
        p -> convert(calls.central().tenants().saveDomains(p, domains, ranges)));
  }

  private static DomainsAndIps convert(dev.sluice.central.tenant.DomainsAndIps d) {
    return new DomainsAndIps(d.internalDomains(), d.internalIpRanges(), d.confirmed());
  }
}
