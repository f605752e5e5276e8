package dev.sluice.console.backend;

import java.util.Objects;

/**
 * Everything the console asks of central and the lake, in-process. {@code main} builds one from
 * the real services; tests may build one from fakes.
 */
public record ConsoleBackend(
    Accounts accounts,
    Catalog catalog,
    DomainsAndIps.Store domainsAndIps,
    Integrations integrations,
    Appliances appliances,
    HealthAlerts healthAlerts,
    LakeQueries lake) {

  public ConsoleBackend {
    Objects.requireNonNull(accounts, "accounts");
    Objects.requireNonNull(catalog, "catalog");
    Objects.requireNonNull(domainsAndIps, "domainsAndIps");
    Objects.requireNonNull(integrations, "integrations");
    Objects.requireNonNull(appliances, "appliances");
    Objects.requireNonNull(healthAlerts, "healthAlerts");
    Objects.requireNonNull(lake, "lake");
  }
}
