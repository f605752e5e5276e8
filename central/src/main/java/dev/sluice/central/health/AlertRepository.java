package dev.sluice.central.health;

import dev.sluice.central.db.Rows;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** JDBC access to {@code alerts}. */
final class AlertRepository {
  private AlertRepository() {}

  static void insert(Connection connection, String id, String tenantId, String integrationId, String applianceId, String kind,
      String severity, String message, Instant at) throws SQLException {
    Rows.update(connection,
        "INSERT INTO alerts (id, tenant_id, integration_id, appliance_id, kind, severity, message, raised_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        id, tenantId, integrationId, applianceId, kind, severity, message, at.toEpochMilli());
  }

  static boolean hasOpen(Connection connection, String integrationId) throws SQLException {
    return Rows.one(connection,
        "SELECT COUNT(*) AS n FROM alerts WHERE integration_id = ? AND resolved_at IS NULL AND acknowledged_at IS NULL",
        row -> row.getLong("n") > 0, integrationId).orElse(false);
  }

  static int resolveOpen(Connection connection, String integrationId, Instant at) throws SQLException {
    return Rows.update(connection,
        "UPDATE alerts SET resolved_at = ? WHERE integration_id = ? AND resolved_at IS NULL AND acknowledged_at IS NULL",
        at.toEpochMilli(), integrationId);
  }

  static List<Alert> list(Connection connection, String tenantId, boolean openOnly) throws SQLException {
    return Rows.list(connection, "SELECT * FROM alerts WHERE tenant_id = ?"
            + (openOnly ? " AND resolved_at IS NULL AND acknowledged_at IS NULL" : "") + " ORDER BY raised_at DESC, id LIMIT 1000",
        AlertRepository::alert, tenantId);
  }

  static Optional<Alert> find(Connection connection, String tenantId, String id) throws SQLException {
    return Rows.one(connection, "SELECT * FROM alerts WHERE id = ? AND tenant_id = ?", AlertRepository::alert, id, tenantId);
  }

  static void acknowledge(Connection connection, String id, String by, Instant at) throws SQLException {
    Rows.update(connection, "UPDATE alerts SET acknowledged_at = ?, acknowledged_by = ? WHERE id = ? AND acknowledged_at IS NULL",
        at.toEpochMilli(), by, id);
  }

  private static Alert alert(ResultSet row) throws SQLException {
    Long acknowledged = Rows.nullableLong(row, "acknowledged_at");
    Long resolved = Rows.nullableLong(row, "resolved_at");
    String state = resolved != null ? "resolved" : acknowledged != null ? "acknowledged" : "open";
    return new Alert(row.getString("id"), row.getString("integration_id"), row.getString("appliance_id"), row.getString("kind"),
        row.getString("severity"), row.getString("message"), state, Instant.ofEpochMilli(row.getLong("raised_at")),
        acknowledged == null ? null : Instant.ofEpochMilli(acknowledged), row.getString("acknowledged_by"),
        resolved == null ? null : Instant.ofEpochMilli(resolved));
  }
}
