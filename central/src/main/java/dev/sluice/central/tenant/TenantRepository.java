package dev.sluice.central.tenant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.central.api.JsonBodies;
import dev.sluice.central.db.Rows;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** JDBC access to {@code tenants}. */
final class TenantRepository {
  private static final ObjectMapper JSON = JsonBodies.mapper();
  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

  private TenantRepository() {}

  static void insert(Connection connection, Tenant tenant, DomainsAndIps domains) throws SQLException {
    Rows.update(connection,
        "INSERT INTO tenants (id, name, license_packs, internal_domains, internal_ip_ranges, domains_confirmed, created_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?)",
        tenant.id(), tenant.name(), packs(tenant.licensePacks()), json(domains.internalDomains()),
        json(domains.internalIpRanges()), domains.confirmed(), tenant.createdAt().toEpochMilli());
  }

  static Optional<Tenant> find(Connection connection, String id) throws SQLException {
    return Rows.one(connection, "SELECT * FROM tenants WHERE id = ?", TenantRepository::tenant, id);
  }

  static List<Tenant> list(Connection connection) throws SQLException {
    return Rows.list(connection, "SELECT * FROM tenants ORDER BY created_at, id", TenantRepository::tenant);
  }

  static Optional<DomainsAndIps> domains(Connection connection, String tenantId) throws SQLException {
    return Rows.one(connection, "SELECT internal_domains, internal_ip_ranges, domains_confirmed FROM tenants WHERE id = ?",
        row -> new DomainsAndIps(list(row.getString("internal_domains")), list(row.getString("internal_ip_ranges")),
            row.getInt("domains_confirmed") != 0),
        tenantId);
  }

  static void updateDomains(Connection connection, String tenantId, DomainsAndIps domains) throws SQLException {
    Rows.update(connection,
        "UPDATE tenants SET internal_domains = ?, internal_ip_ranges = ?, domains_confirmed = ? WHERE id = ?",
        json(domains.internalDomains()), json(domains.internalIpRanges()), domains.confirmed(), tenantId);
  }

  private static Tenant tenant(ResultSet row) throws SQLException {
    Set<LicensePack> packs = EnumSet.noneOf(LicensePack.class);
    Arrays.stream(row.getString("license_packs").split(","))
        .filter(id -> !id.isBlank())
        .forEach(id -> LicensePack.fromId(id).ifPresent(packs::add));
    return new Tenant(row.getString("id"), row.getString("name"), packs, Instant.ofEpochMilli(row.getLong("created_at")));
  }

  private static String packs(Set<LicensePack> packs) {
    return packs.stream().map(LicensePack::id).sorted().collect(Collectors.joining(","));
  }

  private static String json(List<String> values) throws SQLException {
    try {
      return JSON.writeValueAsString(values);
    } catch (JsonProcessingException e) {
      throw new SQLException(e);
    }
  }

  private static List<String> list(String json) throws SQLException {
    try {
      return JSON.readValue(json, STRINGS);
    } catch (JsonProcessingException e) {
      throw new SQLException("corrupt list column", e);
    }
  }
}
