package dev.sluice.appliance.boot;

import dev.sluice.appliance.central.CentralClient;
import dev.sluice.pki.CertificateRequests;
import dev.sluice.pki.Identity;
import dev.sluice.pki.KeyPairs;
import dev.sluice.pki.Pem;
import dev.sluice.pki.TlsContexts;
import dev.sluice.wire.control.EnrollmentRequest;
import dev.sluice.wire.control.EnrollmentResponse;
import dev.sluice.wire.image.ApplianceImageReader;
import dev.sluice.wire.image.BootstrapConfig;
import dev.sluice.wire.image.ImageReadResult;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * First boot: reads and verifies the image, generates a key pair and a CSR, enrolls with central
 * using the image's single-use secret and stores the identity. Every refusal is a {@link
 * Result.Refused} with a stable code and a message an operator can act on; nothing is written
 * to the data directory unless enrollment succeeded.
 */
public final class Enrollment {
  private Enrollment() {}

  /** What enrolling came to. */
  public sealed interface Result {
    record Enrolled(ApplianceIdentity identity, EnrollmentResponse response) implements Result {}

    record Refused(String code, String message) implements Result {}
  }

  public static Result enroll(Path image, IdentityStore store, ConfigStore configs, Clock clock,
      String version, String hostname, Duration timeout) {
    ImageReadResult read = ApplianceImageReader.read(image);
    if (read instanceof ImageReadResult.Rejected rejected) {
      return new Result.Refused("IMAGE_" + rejected.code().name(), "the image " + image
          + " was refused (" + rejected.code() + "): " + rejected.detail()
          + ". Download the image again from the console.");
    }
    BootstrapConfig bootstrap = ((ImageReadResult.Verified) read).bootstrap();
    if (!clock.instant().isBefore(bootstrap.enrollmentSecretExpiresAt())) {
      return new Result.Refused("ENROLLMENT_SECRET_EXPIRED", "the image's enrollment secret "
          + "expired at " + bootstrap.enrollmentSecretExpiresAt()
          + ". Create a new image for this appliance in the console.");
    }
    X509Certificate central;
    try {
      central = Pem.readCertificate(bootstrap.centralCertificatePem());
    } catch (RuntimeException e) {
      return new Result.Refused("IMAGE_BOOTSTRAP_INVALID", "the image's central certificate "
          + "cannot be read: " + e.getMessage());
    }
    KeyPair keys = KeyPairs.generate();
    String csr = CertificateRequests.createPem(keys, bootstrap.applianceId());
    URI centralUrl = URI.create(bootstrap.centralUrl());
    CentralClient client = new CentralClient(centralUrl,
        TlsContexts.client(List.of(central), Optional.empty()), timeout);
    CentralClient.Outcome<EnrollmentResponse> outcome = client.enroll(
        new EnrollmentRequest(bootstrap.enrollmentSecret(), csr, version, hostname));
    if (outcome instanceof CentralClient.Outcome.Refused<EnrollmentResponse> refused) {
      return new Result.Refused(refused.error().code(), explain(refused.error().code(),
          refused.error().message()));
    }
    if (outcome instanceof CentralClient.Outcome.Failed<EnrollmentResponse> failed) {
      return new Result.Refused(failed.code(), failed.message());
    }
    if (!(outcome instanceof CentralClient.Outcome.Ok<EnrollmentResponse> ok)) {
      return new Result.Refused("CENTRAL_BAD_RESPONSE", "unexpected answer to enrollment");
    }
    EnrollmentResponse response = ok.value();
    Identity identity;
    try {
      List<X509Certificate> chain = new ArrayList<>(Pem.readCertificates(response.certificatePem()));
      chain.addAll(Pem.readCertificates(response.caCertificatePem()));
      identity = new Identity(keys.getPrivate(), chain);
      if (!identity.certificate().getPublicKey().equals(keys.getPublic())) {
        return new Result.Refused("CENTRAL_BAD_RESPONSE", "central issued a certificate for "
            + "another key");
      }
    } catch (RuntimeException e) {
      return new Result.Refused("CENTRAL_BAD_RESPONSE", "unreadable certificate from central: "
          + e.getMessage());
    }
    ApplianceIdentity id = new ApplianceIdentity(response.applianceId(), response.tenantId(),
        centralUrl, central, bootstrap.syslog().address(), identity);
    try {
      configs.save(response.config(), response.configEtag());
      store.save(id);
    } catch (IOException e) {
      configs.deleteQuietly();
      return new Result.Refused("DATA_DIRECTORY_UNWRITABLE", "enrolled, but the identity could "
          + "not be stored in " + store.directory() + ": " + e.getMessage()
          + ". The secret is now used: create a new image.");
    }
    return new Result.Enrolled(id, response);
  }

  private static String explain(String code, String message) {
    String advice = switch (code) {
      case "ENROLLMENT_SECRET_USED" -> " This image was already used to enroll an appliance;"
          + " each image enrolls once. Create a new image in the console.";
      case "ENROLLMENT_SECRET_SUPERSEDED" -> " A newer image exists for this appliance;"
          + " deploy that one.";
      case "ENROLLMENT_SECRET_EXPIRED" -> " Create a new image in the console.";
      case "ENROLLMENT_SECRET_INVALID" -> " This central does not know the image's secret:"
          + " is the image from this central?";
      default -> "";
    };
    return "central refused enrollment (" + code + "): " + message + "." + advice;
  }
}
