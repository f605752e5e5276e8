package dev.sluice.central.enrollment;

import dev.sluice.central.api.ApiException;
import dev.sluice.central.api.ErrorCode;
import dev.sluice.central.appliance.Appliance;
import dev.sluice.central.appliance.ApplianceConfigs;
import dev.sluice.central.appliance.ApplianceRepository;
import dev.sluice.central.audit.AuditLog;
import dev.sluice.central.db.Database;
import dev.sluice.central.image.ApplianceImage;
import dev.sluice.central.image.EnrollmentSecrets;
import dev.sluice.central.image.ImageRepository;
import dev.sluice.pki.CertificateAuthority;
import dev.sluice.pki.Pem;
import dev.sluice.pki.PkiException;
import dev.sluice.wire.control.EnrollmentRequest;
import dev.sluice.wire.control.EnrollmentResponse;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Enrollment: an appliance trades its image's single-use secret and a CSR for a client
 * certificate from its tenant's CA and its configuration. The secret is checked in constant time
 * and must be unused (409 {@code ENROLLMENT_SECRET_USED} once consumed, 409
 * {@code ENROLLMENT_SECRET_SUPERSEDED} when a newer image exists) and unexpired (410).
 */
public final class EnrollmentService {
  public static final Duration CLIENT_CERTIFICATE_VALIDITY = Duration.ofDays(825);

  private final Database database;
  private final TenantAuthorities authorities;
  private final ApplianceConfigs configs;
  private final AuditLog audit;
  private final Clock clock;

  public EnrollmentService(Database database, TenantAuthorities authorities, ApplianceConfigs configs, AuditLog audit,
      Clock clock) {
    this.database = database;
    this.authorities = authorities;
    this.configs = configs;
    this.audit = audit;
    this.clock = clock;
  }

  public EnrollmentResponse enroll(EnrollmentRequest request) {
    String imageId = EnrollmentSecrets.imageId(request.enrollmentSecret()).orElseThrow(EnrollmentService::invalid);
    EnrollmentResponse response = database.write(connection -> {
      ImageRepository.WithSecret found = ImageRepository.findWithSecret(connection, imageId).orElseThrow(EnrollmentService::invalid);
      if (!EnrollmentSecrets.matches(request.enrollmentSecret(), found.secretHash())) {
        throw invalid();
      }
      ApplianceImage image = found.image();
      Instant now = clock.instant();
      switch (image.secretState()) {
        case ApplianceImage.USED -> throw new ApiException(ErrorCode.ENROLLMENT_SECRET_USED,
            "this image was already deployed once (" + image.usedAt() + "); each image enrolls one appliance: create a new image");
        case ApplianceImage.SUPERSEDED -> throw new ApiException(ErrorCode.ENROLLMENT_SECRET_SUPERSEDED,
            "a newer image of this appliance exists; deploy the newest image");
        default -> { }
      }
      if (!now.isBefore(image.secretExpiresAt())) {
        throw new ApiException(ErrorCode.ENROLLMENT_SECRET_EXPIRED,
            "this image's enrollment secret expired at " + image.secretExpiresAt() + "; create a new image");
      }
      Appliance appliance = ApplianceRepository.findAnyTenant(connection, image.applianceId()).orElseThrow(EnrollmentService::invalid);
      CertificateAuthority ca = authorities.forTenant(connection, appliance.tenantId());
      X509Certificate certificate;
      try {
        certificate = ca.issueClientCertificate(request.certificateRequestPem(),
            "CN=" + appliance.id() + ",OU=" + appliance.tenantId() + ",O=Sluice", CLIENT_CERTIFICATE_VALIDITY, clock);
      } catch (PkiException e) {
        throw new ApiException(ErrorCode.CSR_INVALID, "certificate request refused: " + e.getMessage());
      }
      if (!ImageRepository.consume(connection, image.id(), now)) {
        throw new ApiException(ErrorCode.ENROLLMENT_SECRET_USED, "this image was already deployed once; create a new image");
      }
      ApplianceRepository.recordEnrollment(connection, appliance.id(), certificate.getSerialNumber().toString(16), now,
          request.hostname(), request.applianceVersion());
      audit.recordSystem(connection, appliance.tenantId(), "appliance:" + appliance.id(), "appliance.enroll", "appliance",
          appliance.id(), Map.of("imageId", image.id(), "hostname", request.hostname(), "version", request.applianceVersion()));
      Appliance enrolled = ApplianceRepository.findAnyTenant(connection, appliance.id()).orElseThrow();
      ApplianceConfigs.Tagged config = configs.configFor(connection, enrolled);
      return new EnrollmentResponse(appliance.id(), appliance.tenantId(), Pem.encode(certificate), Pem.encode(ca.certificate()),
          config.config(), config.etag());
    });
    authorities.refresh();
    return response;
  }

  private static ApiException invalid() {
    return new ApiException(ErrorCode.ENROLLMENT_SECRET_INVALID, "unknown enrollment secret");
  }
}
