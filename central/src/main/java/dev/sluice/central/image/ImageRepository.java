package dev.sluice.central.image;

import dev.sluice.central.db.Rows;
import dev.sluice.wire.image.Platform;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** JDBC access to {@code images}. */
public final class ImageRepository {
  private ImageRepository() {}

  static void insert(Connection connection, ApplianceImage image, String secretHash) throws SQLException {
    Rows.update(connection,
        "INSERT INTO images (id, tenant_id, appliance_id, platform, state, secret_hash, secret_state, secret_expires_at, created_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        image.id(), image.tenantId(), image.applianceId(), image.platform().id(), image.state(), secretHash,
        image.secretState(), image.secretExpiresAt().toEpochMilli(), image.createdAt().toEpochMilli());
  }

  /** Marks every unused secret of the appliance superseded (a newer image replaces them). */
  static int supersedeUnused(Connection connection, String applianceId) throws SQLException {
    return Rows.update(connection,
        "UPDATE images SET secret_state = 'superseded' WHERE appliance_id = ? AND secret_state = 'unused'", applianceId);
  }

  static void markReady(Connection connection, String id, String fileName, long size, String sha256, Instant at)
      throws SQLException {
    Rows.update(connection, "UPDATE images SET state = 'ready', file_name = ?, size_bytes = ?, sha256 = ?, ready_at = ? WHERE id = ?",
        fileName, size, sha256, at.toEpochMilli(), id);
  }

  static void markFailed(Connection connection, String id, String reason) throws SQLException {
    Rows.update(connection, "UPDATE images SET state = 'failed', failure_reason = ? WHERE id = ?", reason, id);
  }

  /** Builds interrupted by a restart can never finish. */
  static int failInterrupted(Connection connection) throws SQLException {
    return Rows.update(connection,
        "UPDATE images SET state = 'failed', failure_reason = 'central stopped during the build; create a new image'"
            + " WHERE state = 'building'");
  }

  /** The newest image of the appliance for the platform. */
  public static Optional<ApplianceImage> latest(Connection connection, String applianceId, Platform platform)
      throws SQLException {
    return Rows.list(connection, "SELECT * FROM images WHERE appliance_id = ? AND platform = ? ORDER BY created_at DESC, id",
        ImageRepository::image, applianceId, platform.id()).stream().findFirst();
  }

  public static List<ApplianceImage> listForAppliance(Connection connection, String applianceId) throws SQLException {
    return Rows.list(connection, "SELECT * FROM images WHERE appliance_id = ? ORDER BY created_at DESC, id",
        ImageRepository::image, applianceId);
  }

  /** An image with its secret hash, for enrollment. */
  public record WithSecret(ApplianceImage image, String secretHash) {}

  public static Optional<WithSecret> findWithSecret(Connection connection, String id) throws SQLException {
    return Rows.one(connection, "SELECT * FROM images WHERE id = ?",
        row -> new WithSecret(image(row), row.getString("secret_hash")), id);
  }

  /** Consumes an unused secret; false when it was consumed or superseded concurrently. */
  public static boolean consume(Connection connection, String id, Instant at) throws SQLException {
    return Rows.update(connection, "UPDATE images SET secret_state = 'used', used_at = ? WHERE id = ? AND secret_state = 'unused'",
        at.toEpochMilli(), id) == 1;
  }

  private static ApplianceImage image(ResultSet row) throws SQLException {
    Long size = Rows.nullableLong(row, "size_bytes");
    Long ready = Rows.nullableLong(row, "ready_at");
    Long used = Rows.nullableLong(row, "used_at");
    return new ApplianceImage(
        row.getString("id"),
        row.getString("tenant_id"),
        row.getString("appliance_id"),
        Platform.fromId(row.getString("platform")).orElseThrow(),
        row.getString("state"),
        row.getString("failure_reason"),
        row.getString("file_name"),
        size,
        row.getString("sha256"),
        row.getString("secret_state"),
        Instant.ofEpochMilli(row.getLong("secret_expires_at")),
        Instant.ofEpochMilli(row.getLong("created_at")),
        ready == null ? null : Instant.ofEpochMilli(ready),
        used == null ? null : Instant.ofEpochMilli(used),
        null);
  }
}
