package dev.sluice.wire.control;

import java.util.Objects;

/**
 * Central's answer to a successful enrollment.
 *
 * @param applianceId the appliance this identity belongs to
 * @param tenantId the appliance's tenant
 * @param certificatePem the client certificate issued for the CSR's key (PEM); subject
 *     {@code CN=<applianceId>, OU=<tenantId>}
 * @param caCertificatePem the tenant CA that issued it (PEM)
 * @param config the appliance's configuration at enrollment time
 * @param configEtag the configuration's entity tag, as {@link ControlPaths#CONFIG} would send it
 */
public record EnrollmentResponse(
    String applianceId,
    String tenantId,
    String certificatePem,
    String caCertificatePem,
    ApplianceConfig config,
    String configEtag) {

  public EnrollmentResponse {
    Validation.requireText(applianceId, "applianceId", 64);
    Validation.requireText(tenantId, "tenantId", 64);
    Validation.requireText(certificatePem, "certificatePem", 16_384);
    Validation.requireText(caCertificatePem, "caCertificatePem", 16_384);
    Objects.requireNonNull(config, "config");
    Validation.requireText(configEtag, "configEtag", 128);
  }
}
