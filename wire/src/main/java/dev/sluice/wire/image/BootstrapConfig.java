package dev.sluice.wire.image;

import java.time.Instant;
import java.util.Objects;

/**
 * What an appliance image tells the appliance on first boot.
 *
 * @param formatVersion the image format version, {@value #FORMAT_VERSION}
 * @param centralUrl where central is (https)
 * @param centralCertificatePem central's TLS certificate (PEM); the appliance pins it
 * @param centralCertificateSha256 its SHA-256 fingerprint ({@code AB:CD:…}), for people comparing
 * @param tenantId the tenant the appliance belongs to
 * @param applianceId the appliance the image was built for
 * @param applianceName its name
 * @param platform the platform the image was built for
 * @param enrollmentSecret the single-use enrollment secret
 * @param enrollmentSecretExpiresAt after this, enrollment with the secret is refused
 * @param network the management network settings
 * @param syslog the syslog listening address
 * @param createdAt when the image was built
 */
public record BootstrapConfig(
    int formatVersion,
    String centralUrl,
    String centralCertificatePem,
    String centralCertificateSha256,
    String tenantId,
    String applianceId,
    String applianceName,
    Platform platform,
    String enrollmentSecret,
    Instant enrollmentSecretExpiresAt,
    NetworkSettings network,
    SyslogSettings syslog,
    Instant createdAt) {

  public static final int FORMAT_VERSION = 1;

  public BootstrapConfig {
    if (formatVersion != FORMAT_VERSION) {
      throw new IllegalArgumentException("unsupported image format version " + formatVersion);
    }
    requireText(centralUrl, "centralUrl");
    if (!centralUrl.startsWith("https://")) {
      throw new IllegalArgumentException("centralUrl must be https: " + centralUrl);
    }
    requireText(centralCertificatePem, "centralCertificatePem");
    if (!centralCertificatePem.contains("-----BEGIN CERTIFICATE-----")) {
      throw new IllegalArgumentException("centralCertificatePem is not a PEM certificate");
    }
    requireText(centralCertificateSha256, "centralCertificateSha256");
    requireText(tenantId, "tenantId");
    requireText(applianceId, "applianceId");
    applianceName = applianceName == null ? "" : applianceName;
    Objects.requireNonNull(platform, "platform");
    requireText(enrollmentSecret, "enrollmentSecret");
    Objects.requireNonNull(enrollmentSecretExpiresAt, "enrollmentSecretExpiresAt");
    Objects.requireNonNull(network, "network");
    Objects.requireNonNull(syslog, "syslog");
    Objects.requireNonNull(createdAt, "createdAt");
  }

  private static void requireText(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " is required");
    }
  }
}
