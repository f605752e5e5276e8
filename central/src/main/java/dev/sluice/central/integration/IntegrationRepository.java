package dev.sluice.central.integration;

import dev.sluice.central.db.Rows;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** JDBC access to {@code integrations}. */
public final class IntegrationRepository {
  private IntegrationRepository() {}

  static void insert(Connection connection, Integration integration) throws SQLException {
    Rows.update(connection,
        "INSERT INTO integrations (id, tenant_id, appliance_id, product, name, description, port, created_at, health_status)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        integration.id(), integration.tenantId(), integration.applianceId(), integration.product(), integration.name(),
        integration.description(), integration.port(), integration.createdAt().toEpochMilli(), integration.healthStatus());
  }

  static Optional<Integration> find(Connection connection, String tenantId, String id) throws SQLException {
    return Rows.one(connection, "SELECT * FROM integrations WHERE id = ? AND tenant_id = ?", IntegrationRepository::integration,
        id, tenantId);
  }

  static List<Integration> list(Connection connection, String tenantId) throws SQLException {
    return Rows.list(connection, "SELECT * FROM integrations WHERE tenant_id = ? ORDER BY created_at, id",
        IntegrationRepository::integration, tenantId);
  }

  static long countForTenant(Connection connection, String tenantId) throws SQLException {
    return Rows.one(connection, "SELECT COUNT(*) AS n FROM integrations WHERE tenant_id = ?", row -> row.getLong("n"), tenantId)
        .orElse(0L);
  }

  public static List<Integration> listForAppliance(Connection connection, String applianceId) throws SQLException {
    return Rows.list(connection, "SELECT * FROM integrations WHERE appliance_id = ? ORDER BY port, id",
        IntegrationRepository::integration, applianceId);
  }

  public static List<Integration> listAll(Connection connection) throws SQLException {
    return Rows.list(connection, "SELECT * FROM integrations ORDER BY created_at, id", IntegrationRepository::integration);
  }

  static List<Integer> portsInUse(Connection connection, String applianceId) throws SQLException {
    return Rows.list(connection, "SELECT port FROM integrations WHERE appliance_id = ? ORDER BY port", row -> row.getInt("port"),
        applianceId);
  }

  static void update(Connection connection, Integration integration) throws SQLException {
    Rows.update(connection, "UPDATE integrations SET name = ?, description = ?, port = ? WHERE id = ?",
        integration.name(), integration.description(), integration.port(), integration.id());
  }

  static int delete(Connection connection, String tenantId, String id) throws SQLException {
    return Rows.update(connection, "DELETE FROM integrations WHERE id = ? AND tenant_id = ?", id, tenantId);
  }

  public static void updateHealth(Connection connection, String id, String status, String reason, Instant unhealthySince)
      throws SQLException {
    Rows.update(connection, "UPDATE integrations SET health_status = ?, health_reason = ?, unhealthy_since = ? WHERE id = ?",
        status, reason, unhealthySince == null ? null : unhealthySince.toEpochMilli(), id);
  }

  public static boolean ownedBy(Connection connection, String applianceId, String integrationId) throws SQLException {
    return Rows.one(connection, "SELECT 1 AS one FROM integrations WHERE id = ? AND appliance_id = ?", row -> true,
        integrationId, applianceId).isPresent();
  }

  private static Integration integration(ResultSet row) throws SQLException {
    Long since = Rows.nullableLong(row, "unhealthy_since");
    return new Integration(row.getString("id"), row.getString("tenant_id"), row.getString("appliance_id"),
        row.getString("product"), row.getString("name"), row.getString("description"), row.getInt("port"),
        Instant.ofEpochMilli(row.getLong("created_at")), row.getString("health_status"), row.getString("health_reason"),
        since == null ? null : Instant.ofEpochMilli(since));
  }
}
