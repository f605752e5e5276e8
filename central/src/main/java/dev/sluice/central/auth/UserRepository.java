package dev.sluice.central.auth;

import dev.sluice.central.db.Rows;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** JDBC access to {@code users}. */
final class UserRepository {
  record Stored(User user, String passwordHash) {}

  private UserRepository() {}

  static void insert(Connection connection, User user, String passwordHash) throws SQLException {
    Rows.update(connection,
        "INSERT INTO users (id, tenant_id, email, name, password_hash, role, operator, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        user.id(), user.tenantId(), user.email(), user.name(), passwordHash, user.role().id(), user.operator(),
        user.createdAt().toEpochMilli());
  }

  static Optional<Stored> findByEmail(Connection connection, String email) throws SQLException {
    return Rows.one(connection, "SELECT * FROM users WHERE email = ?", UserRepository::stored, email);
  }

  static Optional<User> find(Connection connection, String id) throws SQLException {
    return Rows.one(connection, "SELECT * FROM users WHERE id = ?", UserRepository::stored, id).map(Stored::user);
  }

  static List<User> listByTenant(Connection connection, String tenantId) throws SQLException {
    return Rows.list(connection, "SELECT * FROM users WHERE tenant_id = ? ORDER BY created_at, email",
        row -> stored(row).user(), tenantId);
  }

  static long count(Connection connection) throws SQLException {
    return Rows.one(connection, "SELECT COUNT(*) AS n FROM users", row -> row.getLong("n")).orElse(0L);
  }

  private static Stored stored(ResultSet row) throws SQLException {
    return new Stored(new User(row.getString("id"), row.getString("tenant_id"), row.getString("email"),
        row.getString("name"), Role.fromId(row.getString("role")).orElse(Role.READ_ONLY), row.getInt("operator") != 0,
        Instant.ofEpochMilli(row.getLong("created_at"))), row.getString("password_hash"));
  }
}
