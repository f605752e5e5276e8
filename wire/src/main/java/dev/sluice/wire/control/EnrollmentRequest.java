package dev.sluice.wire.control;

/**
 * What an appliance sends once, on first boot, to {@link ControlPaths#ENROLL}.
 *
 * @param enrollmentSecret the single-use secret from the appliance image
 * @param certificateRequestPem a PKCS#10 CSR (PEM) for the key the appliance generated; central
 *     uses only its public key and decides the subject itself
 * @param applianceVersion the appliance software version
 * @param hostname the appliance's host name (informational)
 */
public record EnrollmentRequest(
    String enrollmentSecret, String certificateRequestPem, String applianceVersion, String hostname) {

  public EnrollmentRequest {
    Validation.requireText(enrollmentSecret, "enrollmentSecret", 512);
    Validation.requireText(certificateRequestPem, "certificateRequestPem", 16_384);
    Validation.requireText(applianceVersion, "applianceVersion", 64);
    hostname = hostname == null ? "" : Validation.bounded(hostname, "hostname", 253);
  }
}
