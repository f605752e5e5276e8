package dev.sluice.central;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.pki.CertificateRequests;
import dev.sluice.pki.Identity;
import dev.sluice.pki.KeyPairs;
import dev.sluice.pki.Pem;
import dev.sluice.wire.control.EnrollmentRequest;
import dev.sluice.wire.control.EnrollmentResponse;
import dev.sluice.wire.control.Heartbeat;
import dev.sluice.wire.control.IntegrationHeartbeat;
import dev.sluice.wire.control.ListenerState;
import dev.sluice.wire.control.SenderHeartbeat;
import dev.sluice.wire.image.ApplianceImageReader;
import dev.sluice.wire.image.ImageReadResult;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The appliance's side of enrollment, done by hand: image → enroll → mTLS config and heartbeat. */
class EnrollmentRoundTripTest {
  @TempDir Path dir;
  static TestCentral central;
  ApiClient admin;
  JsonNode integration;

  @BeforeAll
  static void startCentral() throws Exception {
    central = new TestCentral(java.nio.file.Files.createTempDirectory("enrollment"), TestDatabases.sqlite());
  }

  @AfterAll
  static void stopCentral() {
    central.close();
  }

  /** Each test in its own tenant (and with a fresh session: some tests move the clock by days). */
  @BeforeEach
  void newTenantWithIntegration() {
    String suffix = java.util.UUID.randomUUID().toString().substring(0, 8);
    admin = central.newTenantAdmin("T" + suffix, "admin-" + suffix + "@example.test", List.of("network-integrations"));
    TestCentral.confirmDomains(admin);
    ApiClient.Response created = admin.post("/api/v1/integrations", TestCentral.newApplianceIntegration("DT"));
    assertEquals(201, created.status(), String.valueOf(created.body()));
    integration = created.body();
    central.awaitImages();
  }

  private ImageReadResult.Verified downloadImage(String name) {
    String applianceId = integration.get("appliance").get("id").asText();
    Path ova = admin.download("/api/v1/appliances/" + applianceId + "/images/esxi/download", dir.resolve(name));
    return assertInstanceOf(ImageReadResult.Verified.class, ApplianceImageReader.read(ova));
  }

  private ApiClient.Response enroll(ImageReadResult.Verified image, KeyPair keys) {
    ApiClient pinned = new ApiClient(central.baseUrl(), Pem.readCertificate(image.bootstrap().centralCertificatePem()),
        Optional.empty(), null);
    return pinned.post("/api/v1/appliance/enroll", new EnrollmentRequest(image.bootstrap().enrollmentSecret(),
        CertificateRequests.createPem(keys, "appliance"), "0.1.0", "collector-1"));
  }

  @Test
  void enrollsOnceThenTalksMutualTlsAndRefusesSecondDeployment() throws Exception {
    ImageReadResult.Verified image = downloadImage("a.ova");
    assertEquals(central.baseUrl(), image.bootstrap().centralUrl());
    KeyPair keys = KeyPairs.generate();
    ApiClient.Response enrolled = enroll(image, keys);
    assertEquals(200, enrolled.status(), String.valueOf(enrolled.body()));
    EnrollmentResponse response = ApiClient.JSON.treeToValue(enrolled.body(), EnrollmentResponse.class);
    assertEquals(integration.get("appliance").get("id").asText(), response.applianceId());
    assertEquals(1, response.config().integrations().size());
    assertEquals(integration.get("port").asInt(), response.config().integrations().get(0).port());
    assertEquals("127.0.0.1", response.config().integrations().get(0).bindAddress());

    Identity identity = new Identity(keys.getPrivate(),
        List.of(Pem.readCertificate(response.certificatePem()), Pem.readCertificate(response.caCertificatePem())));
    ApiClient appliance = central.withIdentity(identity);
    ApiClient.Response config = appliance.get("/api/v1/appliance/config");
    assertEquals(200, config.status(), String.valueOf(config.body()));
    assertEquals(response.configEtag(), config.header("ETag"));
    assertEquals(304, appliance.get("/api/v1/appliance/config", "If-None-Match", response.configEtag()).status());

    ApiClient.Response heartbeat = appliance.post("/api/v1/appliance/heartbeat", new Heartbeat("0.1.0",
        central.clock.instant(), 5, response.configEtag(), 0, 0,
        List.of(new IntegrationHeartbeat(response.config().integrations().get(0).id(), ListenerState.LISTENING, null, 3, 2,
            Map.of("NOT_CEF", 1L), central.clock.instant(), 1,
            List.of(new SenderHeartbeat("dt-1", "10.0.0.9", 3, 2, 1, central.clock.instant(), 1))))));
    assertEquals(200, heartbeat.status(), String.valueOf(heartbeat.body()));
    assertEquals(response.configEtag(), heartbeat.body().get("configEtag").asText());

    JsonNode details = admin.get("/api/v1/integrations/" + integration.get("id").asText()).body();
    assertEquals("receiving-data", details.get("health").get("status").asText());
    assertEquals("dt-1", details.get("health").get("senders").get(0).get("hostname").asText());
    assertEquals("online", details.get("appliance").get("state").asText());

    ApiClient.Response again = enroll(image, KeyPairs.generate());
    assertEquals(409, again.status());
    assertEquals("ENROLLMENT_SECRET_USED", again.code());
  }

  @Test
  void configWithoutClientCertificateIsRefused() {
    ApiClient.Response response = central.anonymous().get("/api/v1/appliance/config");
    assertEquals(401, response.status());
    assertEquals("APPLIANCE_CERTIFICATE_REQUIRED", response.code());
  }

  @Test
  void newImageSupersedesUnusedOlderOne() {
    ImageReadResult.Verified first = downloadImage("first.ova");
    String applianceId = integration.get("appliance").get("id").asText();
    assertEquals(202, admin.post("/api/v1/appliances/" + applianceId + "/images", Map.of("platform", "hyperv")).status());
    central.awaitImages();
    ApiClient.Response refused = enroll(first, KeyPairs.generate());
    assertEquals(409, refused.status());
    assertEquals("ENROLLMENT_SECRET_SUPERSEDED", refused.code());
  }

  @Test
  void expiredSecretIsRefused() {
    ImageReadResult.Verified image = downloadImage("a.ova");
    central.clock.advance(Duration.ofDays(31));
    ApiClient.Response refused = enroll(image, KeyPairs.generate());
    assertEquals(410, refused.status());
    assertEquals("ENROLLMENT_SECRET_EXPIRED", refused.code());
    assertNotNull(refused.body().get("message"));
  }

  @Test
  void unknownSecretIsRefused() {
    ApiClient.Response refused = central.anonymous().post("/api/v1/appliance/enroll",
        new EnrollmentRequest("nope.nope", CertificateRequests.createPem(KeyPairs.generate(), "x"), "0.1.0", "h"));
    assertEquals(401, refused.status());
    assertEquals("ENROLLMENT_SECRET_INVALID", refused.code());
  }
}
