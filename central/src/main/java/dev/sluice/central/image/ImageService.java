package dev.sluice.central.image;

import dev.sluice.central.api.ApiException;
import dev.sluice.central.api.ErrorCode;
import dev.sluice.central.appliance.Appliance;
import dev.sluice.central.appliance.ApplianceRepository;
import dev.sluice.central.audit.AuditLog;
import dev.sluice.central.auth.Principal;
import dev.sluice.central.db.Database;
import dev.sluice.pki.Fingerprints;
import dev.sluice.pki.Identity;
import dev.sluice.pki.Pem;
import dev.sluice.wire.image.BootstrapConfig;
import dev.sluice.wire.image.Platform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Appliance images: creating one (which supersedes every unused older image of the appliance),
 * its state, and the file to download. Each image carries a fresh single-use enrollment secret of
 * which only the hash is stored.
 */
public final class ImageService {
  /** A file to send. */
  public record Download(Path file, String fileName, long size) {}

  private final Database database;
  private final ImageBuilder builder;
  private final AuditLog audit;
  private final Clock clock;
  private final Duration secretLifetime;
  private final Identity serverIdentity;
  private final Supplier<String> publicUrl;

  public ImageService(Database database, ImageBuilder builder, AuditLog audit, Clock clock, Duration secretLifetime,
      Identity serverIdentity, Supplier<String> publicUrl) {
    this.database = database;
    this.builder = builder;
    this.audit = audit;
    this.clock = clock;
    this.secretLifetime = secretLifetime;
    this.serverIdentity = serverIdentity;
    this.publicUrl = publicUrl;
    database.write(ImageRepository::failInterrupted);
  }

  /** Starts building a new image of the appliance for the platform (202). */
  public ApplianceImage request(Principal actor, String applianceId, Platform platform) {
    actor.requireAdmin();
    Pending pending = database.write(connection -> {
      Appliance appliance = ApplianceRepository.find(connection, actor.tenantId(), applianceId)
          .orElseThrow(() -> ApiException.notFound(ErrorCode.APPLIANCE_NOT_FOUND, "appliance", applianceId));
      Pending created = create(connection, appliance, platform);
      audit.record(connection, actor, "image.create", "appliance", applianceId, Map.of("platform", platform.id(),
          "imageId", created.image().id()));
      return created;
    });
    submit(pending);
    return pending.image();
  }

  /** An image row created in a caller's transaction; {@link #submit} it after commit. */
  public record Pending(ApplianceImage image, BootstrapConfig bootstrap) {}

  public Pending create(Connection connection, Appliance appliance, Platform platform) throws SQLException {
    Instant now = clock.instant();
    String imageId = UUID.randomUUID().toString();
    String secret = EnrollmentSecrets.create(imageId);
    ImageRepository.supersedeUnused(connection, appliance.id());
    ApplianceImage image = new ApplianceImage(imageId, appliance.tenantId(), appliance.id(), platform,
        ApplianceImage.BUILDING, null, null, null, null, ApplianceImage.UNUSED, now.plus(secretLifetime), now, null, null, 0);
    ImageRepository.insert(connection, image, EnrollmentSecrets.hash(secret));
    BootstrapConfig bootstrap = new BootstrapConfig(
        BootstrapConfig.FORMAT_VERSION,
        publicUrl.get(),
        Pem.encode(serverIdentity.certificate()),
        Fingerprints.sha256(serverIdentity.certificate()),
        appliance.tenantId(),
        appliance.id(),
        appliance.name(),
        platform,
        secret,
        image.secretExpiresAt(),
        appliance.network(),
        appliance.syslog(),
        now);
    return new Pending(image, bootstrap);
  }

  public void submit(Pending pending) {
    builder.submit(pending.image().id(), pending.bootstrap());
  }

  /** The newest image of the appliance for the platform. */
  public ApplianceImage status(Principal actor, String applianceId, Platform platform) {
    ApplianceImage image = database.read(connection -> {
      requireAppliance(connection, actor, applianceId);
      return ImageRepository.latest(connection, applianceId, platform)
          .orElseThrow(() -> new ApiException(ErrorCode.IMAGE_NOT_FOUND,
              "appliance " + applianceId + " has no " + platform.id() + " image; create one"));
    });
    return image.at(clock.instant()).withProgress(builder.progressPercent(image.id()));
  }

  public List<ApplianceImage> list(Connection connection, String applianceId) throws SQLException {
    Instant now = clock.instant();
    return ImageRepository.listForAppliance(connection, applianceId).stream()
        .map(image -> image.at(now).withProgress(builder.progressPercent(image.id()))).toList();
  }

  /** The newest image's file, if it is ready. */
  public Download download(Principal actor, String applianceId, Platform platform) {
    ApplianceImage image = status(actor, applianceId, platform);
    if (!ApplianceImage.READY.equals(image.state())) {
      throw new ApiException(ErrorCode.IMAGE_NOT_READY, "the " + platform.id() + " image is " + image.state()
          + (image.failureReason() == null ? "" : ": " + image.failureReason()));
    }
    Path file = builder.file(image.fileName());
    if (!Files.exists(file)) {
      throw new ApiException(ErrorCode.IMAGE_NOT_FOUND, "the image file is gone; create a new image");
    }
    String name = database.read(connection -> ApplianceRepository.find(connection, actor.tenantId(), applianceId))
        .map(Appliance::name).orElse(applianceId).replaceAll("[^A-Za-z0-9._-]+", "-");
    return new Download(file, "sluice-appliance-" + name + "." + platform.fileExtension(), image.sizeBytes());
  }

  private static void requireAppliance(Connection connection, Principal actor, String applianceId) throws SQLException {
    if (ApplianceRepository.find(connection, actor.tenantId(), applianceId).isEmpty()) {
      throw ApiException.notFound(ErrorCode.APPLIANCE_NOT_FOUND, "appliance", applianceId);
    }
  }
}
