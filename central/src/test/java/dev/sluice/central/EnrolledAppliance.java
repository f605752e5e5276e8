package dev.sluice.central;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.pki.CertificateRequests;
import dev.sluice.pki.Identity;
import dev.sluice.pki.KeyPairs;
import dev.sluice.pki.Pem;
import dev.sluice.wire.control.EnrollmentRequest;
import dev.sluice.wire.control.EnrollmentResponse;
import dev.sluice.wire.control.Heartbeat;
import dev.sluice.wire.control.IntegrationHeartbeat;
import dev.sluice.wire.image.ApplianceImageReader;
import dev.sluice.wire.image.ImageReadResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import java.util.Optional;

/** An appliance enrolled by hand from a downloaded image (the appliance's side, for tests). */
record EnrolledAppliance(TestCentral central, EnrollmentResponse enrollment, ApiClient client) {

  static EnrolledAppliance enroll(TestCentral central, ApiClient admin, String applianceId) throws Exception {
    central.awaitImages();
    Path ova = admin.download("/api/v1/appliances/" + applianceId + "/images/esxi/download",
        Files.createTempFile(central.dataDir, "image", ".ova"));
    ImageReadResult.Verified image = (ImageReadResult.Verified) ApplianceImageReader.read(ova);
    KeyPair keys = KeyPairs.generate();
    ApiClient pinned = new ApiClient(central.baseUrl(), Pem.readCertificate(image.bootstrap().centralCertificatePem()),
        Optional.empty(), null);
    ApiClient.Response response = pinned.post("/api/v1/appliance/enroll", new EnrollmentRequest(
        image.bootstrap().enrollmentSecret(), CertificateRequests.createPem(keys, "appliance"), "0.1.0", "collector"));
    if (response.status() != 200) {
      throw new AssertionError("enrollment failed: " + response.body());
    }
    EnrollmentResponse enrollment = ApiClient.JSON.treeToValue(response.body(), EnrollmentResponse.class);
    Identity identity = new Identity(keys.getPrivate(),
        List.of(Pem.readCertificate(enrollment.certificatePem()), Pem.readCertificate(enrollment.caCertificatePem())));
    return new EnrolledAppliance(central, enrollment, central.withIdentity(identity));
  }

  /** A new integration on a new appliance in the admin's tenant, enrolled. */
  static EnrolledAppliance enrollNew(TestCentral central, ApiClient admin) throws Exception {
    TestCentral.confirmDomains(admin);
    JsonNode integration = admin.post("/api/v1/integrations", TestCentral.newApplianceIntegration("other")).body();
    return enroll(central, admin, integration.get("appliance").get("id").asText());
  }

  ApiClient.Response heartbeat(List<IntegrationHeartbeat> integrations) {
    return client.post("/api/v1/appliance/heartbeat",
        new Heartbeat("0.1.0", central.clock.instant(), 10, enrollment.configEtag(), 0, 0, integrations));
  }

  void heartbeatWithoutIntegrations() {
    ApiClient.Response response = heartbeat(List.of());
    if (response.status() != 200) {
      throw new AssertionError("heartbeat failed: " + response.body());
    }
  }
}
