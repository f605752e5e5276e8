package dev.sluice.central.appliance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.central.api.JsonBodies;
import dev.sluice.central.db.Rows;
import dev.sluice.wire.image.IpVersion;
import dev.sluice.wire.image.NetworkSettings;
import dev.sluice.wire.image.Platform;
import dev.sluice.wire.image.SyslogSettings;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** JDBC access to {@code appliances}. */
public final class ApplianceRepository {
  private static final ObjectMapper JSON = JsonBodies.mapper();

  private ApplianceRepository() {}

  static void insert(Connection connection, Appliance appliance) throws SQLException {
    Rows.update(connection,
        "INSERT INTO appliances (id, tenant_id, name, description, platform, network, syslog_ip_version, syslog_address, created_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        appliance.id(), appliance.tenantId(), appliance.name(), appliance.description(), appliance.platform().id(),
        json(appliance.network()), appliance.syslog().ipVersion().id(), appliance.syslog().address(),
        appliance.createdAt().toEpochMilli());
  }

  /** The appliance if it belongs to the tenant. */
  public static Optional<Appliance> find(Connection connection, String tenantId, String id) throws SQLException {
    return Rows.one(connection, "SELECT * FROM appliances WHERE id = ? AND tenant_id = ?", ApplianceRepository::appliance,
        id, tenantId);
  }

  /** The appliance whoever's it is (appliance-facing calls resolve the tenant from it). */
  public static Optional<Appliance> findAnyTenant(Connection connection, String id) throws SQLException {
    return Rows.one(connection, "SELECT * FROM appliances WHERE id = ?", ApplianceRepository::appliance, id);
  }

  static List<Appliance> list(Connection connection, String tenantId) throws SQLException {
    return Rows.list(connection, "SELECT * FROM appliances WHERE tenant_id = ? ORDER BY created_at, id",
        ApplianceRepository::appliance, tenantId);
  }

  public static List<Appliance> listAll(Connection connection) throws SQLException {
    return Rows.list(connection, "SELECT * FROM appliances ORDER BY created_at, id", ApplianceRepository::appliance);
  }

  public static void recordEnrollment(Connection connection, String id, String serial, Instant at, String hostname,
      String version) throws SQLException {
    Rows.update(connection,
        "UPDATE appliances SET certificate_serial = ?, enrolled_at = ?, hostname = ?, version = ?, last_heartbeat_at = NULL,"
            + " last_heartbeat = NULL WHERE id = ?",
        serial, at.toEpochMilli(), hostname, version, id);
  }

  public static void recordHeartbeat(Connection connection, String id, Instant at, String version, String heartbeatJson)
      throws SQLException {
    Rows.update(connection, "UPDATE appliances SET last_heartbeat_at = ?, version = ?, last_heartbeat = ? WHERE id = ?",
        at.toEpochMilli(), version, heartbeatJson, id);
  }

  private static Appliance appliance(ResultSet row) throws SQLException {
    try {
      Long enrolled = Rows.nullableLong(row, "enrolled_at");
      Long heartbeat = Rows.nullableLong(row, "last_heartbeat_at");
      return new Appliance(
          row.getString("id"),
          row.getString("tenant_id"),
          row.getString("name"),
          row.getString("description"),
          Platform.fromId(row.getString("platform")).orElseThrow(),
          JSON.readValue(row.getString("network"), NetworkSettings.class),
          new SyslogSettings(IpVersion.fromId(row.getString("syslog_ip_version")).orElseThrow(), row.getString("syslog_address")),
          row.getString("certificate_serial"),
          enrolled == null ? null : Instant.ofEpochMilli(enrolled),
          row.getString("hostname"),
          row.getString("version"),
          heartbeat == null ? null : Instant.ofEpochMilli(heartbeat),
          row.getString("last_heartbeat"),
          Instant.ofEpochMilli(row.getLong("created_at")));
    } catch (JsonProcessingException e) {
      throw new SQLException("corrupt appliance network column", e);
    }
  }

  private static String json(Object value) throws SQLException {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new SQLException(e);
    }
  }
}
