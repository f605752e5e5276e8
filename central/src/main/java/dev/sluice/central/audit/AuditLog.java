package dev.sluice.central.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.central.api.JsonBodies;
import dev.sluice.central.auth.Principal;
import dev.sluice.central.db.Database;
import dev.sluice.central.db.Rows;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The audit log: every change is recorded in the same transaction as the change itself, under the
 * acting user's tenant. Read with {@code GET /api/v1/audit} (newest first).
 */
public final class AuditLog {
  private static final ObjectMapper JSON = JsonBodies.mapper();

  private final Database database;
  private final Clock clock;
  private final AtomicLong sequence;

  public AuditLog(Database database, Clock clock) {
    this.database = database;
    this.clock = clock;
    this.sequence = new AtomicLong(database.read(connection -> Rows.one(connection,
        "SELECT COALESCE(MAX(seq), 0) AS last FROM audit_log", row -> row.getLong("last")).orElse(0L)));
  }

  /** Records a change made by a user. */
  public void record(Connection connection, Principal actor, String action, String targetType, String targetId,
      Map<String, ?> detail) throws SQLException {
    insert(connection, actor.tenantId(), actor.userId(), actor.email(), action, targetType, targetId, detail);
  }

  /** Records a change made by the system or an appliance (no user). */
  public void recordSystem(Connection connection, String tenantId, String actor, String action, String targetType,
      String targetId, Map<String, ?> detail) throws SQLException {
    insert(connection, tenantId, null, actor, action, targetType, targetId, detail);
  }

  /** The tenant's entries, newest first. */
  public List<AuditEntry> list(Principal reader, int limit) {
    int bounded = Math.max(1, Math.min(limit, 1000));
    return database.read(connection -> Rows.list(connection,
        "SELECT * FROM audit_log WHERE tenant_id = ? ORDER BY seq DESC LIMIT " + bounded,
        row -> {
          try {
            return new AuditEntry(row.getString("id"), row.getString("tenant_id"), row.getString("actor"),
                row.getString("action"), row.getString("target_type"), row.getString("target_id"),
                JSON.readTree(row.getString("detail")), Instant.ofEpochMilli(row.getLong("at")));
          } catch (JsonProcessingException e) {
            throw new SQLException("corrupt audit detail", e);
          }
        },
        reader.tenantId()));
  }

  private void insert(Connection connection, String tenantId, String actorId, String actor, String action,
      String targetType, String targetId, Map<String, ?> detail) throws SQLException {
    String json;
    try {
      json = JSON.writeValueAsString(detail);
    } catch (JsonProcessingException e) {
      throw new SQLException("cannot serialize audit detail", e);
    }
    Rows.update(connection,
        "INSERT INTO audit_log (id, tenant_id, actor_id, actor, action, target_type, target_id, detail, at, seq)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        UUID.randomUUID().toString(), tenantId, actorId, actor, action, targetType, targetId, json,
        clock.millis(), sequence.incrementAndGet());
  }
}
