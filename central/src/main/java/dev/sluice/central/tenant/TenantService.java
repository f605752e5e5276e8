package dev.sluice.central.tenant;

import dev.sluice.central.api.ApiException;
import dev.sluice.central.api.ErrorCode;
import dev.sluice.central.audit.AuditLog;
import dev.sluice.central.auth.Principal;
import dev.sluice.central.db.Database;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Tenants (operators create and list them) and each tenant's domains and IPs. */
public final class TenantService {
  private final Database database;
  private final AuditLog audit;
  private final Clock clock;

  public TenantService(Database database, AuditLog audit, Clock clock) {
    this.database = database;
    this.audit = audit;
    this.clock = clock;
  }

  /** Creates a tenant (operators only), with the default domains and IPs, not yet confirmed. */
  public Tenant create(Principal actor, String name, List<String> licensePackIds) {
    actor.requireOperator();
    Tenant tenant = newTenant(name, licensePackIds);
    return database.write(connection -> {
      TenantRepository.insert(connection, tenant, DomainsAndIps.defaults());
      audit.record(connection, actor, "tenant.create", "tenant", tenant.id(),
          Map.of("name", tenant.name(), "licensePacks", licensePackIds));
      return tenant;
    });
  }

  /** Creates a tenant without an acting user (first start). */
  public Tenant createInitial(Connection connection, String name, List<String> licensePackIds) throws SQLException {
    Tenant tenant = newTenant(name, licensePackIds);
    TenantRepository.insert(connection, tenant, DomainsAndIps.defaults());
    return tenant;
  }

  /** Operators see every tenant; others only their own. */
  public List<Tenant> list(Principal actor) {
    return database.read(connection -> {
      if (actor.operator()) {
        return TenantRepository.list(connection);
      }
      return TenantRepository.find(connection, actor.tenantId()).map(List::of).orElse(List.of());
    });
  }

  /** A tenant the actor may see (its own, or any for operators); 404 otherwise. */
  public Tenant get(Principal actor, String tenantId) {
    requireVisible(actor, tenantId);
    return database.read(connection -> TenantRepository.find(connection, tenantId))
        .orElseThrow(() -> ApiException.notFound(ErrorCode.TENANT_NOT_FOUND, "tenant", tenantId));
  }

  /** Throws 404 unless the actor may see the tenant. */
  public static void requireVisible(Principal actor, String tenantId) {
    if (!actor.operator() && !actor.tenantId().equals(tenantId)) {
      throw ApiException.notFound(ErrorCode.TENANT_NOT_FOUND, "tenant", tenantId);
    }
  }

  /** The tenant of a principal, inside a transaction. */
  public static Tenant tenantOf(Connection connection, String tenantId) throws SQLException {
    return TenantRepository.find(connection, tenantId)
        .orElseThrow(() -> ApiException.notFound(ErrorCode.TENANT_NOT_FOUND, "tenant", tenantId));
  }

  public DomainsAndIps domains(Principal actor) {
    return database.read(connection -> domains(connection, actor.tenantId()));
  }

  public static DomainsAndIps domains(Connection connection, String tenantId) throws SQLException {
    return TenantRepository.domains(connection, tenantId)
        .orElseThrow(() -> ApiException.notFound(ErrorCode.TENANT_NOT_FOUND, "tenant", tenantId));
  }

  /** Validates and saves the tenant's domains and IPs, marking them confirmed. */
  public DomainsAndIps saveDomains(Principal actor, List<String> internalDomains, List<String> internalIpRanges) {
    actor.requireAdmin();
    DomainsAndIps saved = new DomainsAndIps(
        InternalNetworkRules.domains(internalDomains), InternalNetworkRules.ipRanges(internalIpRanges), true);
    return database.write(connection -> {
      TenantRepository.updateDomains(connection, actor.tenantId(), saved);
      audit.record(connection, actor, "domains-and-ips.update", "tenant", actor.tenantId(),
          Map.of("internalDomains", saved.internalDomains(), "internalIpRanges", saved.internalIpRanges()));
      return saved;
    });
  }

  private Tenant newTenant(String name, List<String> licensePackIds) {
    if (name == null || name.isBlank() || name.length() > 200) {
      throw new ApiException(ErrorCode.VALIDATION_FAILED, "name is required (at most 200 characters)");
    }
    Set<LicensePack> packs = EnumSet.noneOf(LicensePack.class);
    for (String id : licensePackIds == null ? List.<String>of() : new ArrayList<>(licensePackIds)) {
      packs.add(LicensePack.fromId(id).orElseThrow(() ->
          new ApiException(ErrorCode.VALIDATION_FAILED, "unknown license pack \"" + id + "\"")));
    }
    return new Tenant(UUID.randomUUID().toString(), name.strip(), packs, clock.instant());
  }
}
