package dev.sluice.central;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A user of tenant B cannot read, change or learn of tenant A's resources: every endpoint that
 * names one of A's resources answers 404 exactly as for a resource that does not exist, and lists
 * never include them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantIsolationTest {
  TestCentral central;
  ApiClient tenantA;
  ApiClient tenantB;
  String tenantAId;
  String integrationId;
  String applianceId;
  String alertId;

  @BeforeAll
  void start() throws Exception {
    central = new TestCentral(java.nio.file.Files.createTempDirectory("isolation"), TestDatabases.sqlite(), b -> b.offlineAfter(Duration.ofMinutes(2)));
    tenantA = central.newTenantAdmin("A", "a@example.test", List.of("network-integrations"));
    tenantB = central.newTenantAdmin("B", "b@example.test", List.of("network-integrations"));
    TestCentral.confirmDomains(tenantA);
    JsonNode integration = tenantA.post("/api/v1/integrations", TestCentral.newApplianceIntegration("A's")).body();
    integrationId = integration.get("id").asText();
    applianceId = integration.get("appliance").get("id").asText();
    tenantAId = tenantA.get("/api/v1/auth/me").body().get("tenantId").asText();
    central.awaitImages();
    EnrolledAppliance.enroll(central, tenantA, applianceId).heartbeatWithoutIntegrations();
    central.clock.advance(Duration.ofHours(25));
    central.central().health().evaluateAll();
    central.clock.advance(Duration.ofHours(25));
    central.central().health().evaluateAll();
    tenantA = central.login("a@example.test", "password-of-a@example.test");
    tenantB = central.login("b@example.test", "password-of-b@example.test");
    alertId = tenantA.get("/api/v1/alerts").body().get("items").get(0).get("id").asText();
  }

  @AfterAll
  void stop() {
    central.close();
  }

  private void assertNotFoundLikeMissing(ApiClient.Response forOther, ApiClient.Response forMissing) {
    assertEquals(404, forOther.status(), String.valueOf(forOther.body()));
    assertEquals(forMissing.status(), forOther.status());
    assertEquals(forMissing.code(), forOther.code());
  }

  @Test
  void integrationsOfAnotherTenantAreInvisible() {
    assertNotFoundLikeMissing(tenantB.get("/api/v1/integrations/" + integrationId), tenantB.get("/api/v1/integrations/missing"));
    assertNotFoundLikeMissing(tenantB.patch("/api/v1/integrations/" + integrationId, Map.of("name", "mine")),
        tenantB.patch("/api/v1/integrations/missing", Map.of("name", "mine")));
    assertNotFoundLikeMissing(tenantB.delete("/api/v1/integrations/" + integrationId), tenantB.delete("/api/v1/integrations/missing"));
    assertFalse(tenantB.get("/api/v1/integrations").body().toString().contains(integrationId));
    assertEquals("A's", tenantA.get("/api/v1/integrations/" + integrationId).body().get("name").asText(), "unchanged");
  }

  @Test
  void appliancesAndImagesOfAnotherTenantAreInvisible() {
    assertNotFoundLikeMissing(tenantB.get("/api/v1/appliances/" + applianceId), tenantB.get("/api/v1/appliances/missing"));
    assertNotFoundLikeMissing(tenantB.post("/api/v1/appliances/" + applianceId + "/images", Map.of("platform", "esxi")),
        tenantB.post("/api/v1/appliances/missing/images", Map.of("platform", "esxi")));
    assertNotFoundLikeMissing(tenantB.get("/api/v1/appliances/" + applianceId + "/images/esxi"),
        tenantB.get("/api/v1/appliances/missing/images/esxi"));
    assertNotFoundLikeMissing(tenantB.get("/api/v1/appliances/" + applianceId + "/images/esxi/download"),
        tenantB.get("/api/v1/appliances/missing/images/esxi/download"));
    assertFalse(tenantB.get("/api/v1/appliances").body().toString().contains(applianceId));
  }

  @Test
  void integrationCannotBeAddedToAnotherTenantsAppliance() {
    TestCentral.confirmDomains(tenantB);
    ApiClient.Response refused = tenantB.post("/api/v1/integrations",
        Map.of("product", "darktrace-detect", "name", "sneaky", "appliance", Map.of("id", applianceId)));
    assertEquals(404, refused.status());
    assertEquals("APPLIANCE_NOT_FOUND", refused.code());
  }

  @Test
  void alertsOfAnotherTenantAreInvisible() {
    assertEquals(0, tenantB.get("/api/v1/alerts").body().get("items").size());
    assertNotFoundLikeMissing(tenantB.post("/api/v1/alerts/" + alertId + "/acknowledge", null),
        tenantB.post("/api/v1/alerts/missing/acknowledge", null));
    assertEquals("open", tenantA.get("/api/v1/alerts").body().get("items").get(0).get("state").asText());
  }

  @Test
  void tenantUsersAndSettingsOfAnotherTenantAreInvisible() {
    assertNotFoundLikeMissing(tenantB.get("/api/v1/tenants/" + tenantAId), tenantB.get("/api/v1/tenants/missing"));
    assertNotFoundLikeMissing(tenantB.get("/api/v1/tenants/" + tenantAId + "/users"), tenantB.get("/api/v1/tenants/missing/users"));
    assertNotFoundLikeMissing(tenantB.post("/api/v1/tenants/" + tenantAId + "/users", Map.of("email", "x@example.test", "password", "long-enough-pw")),
        tenantB.post("/api/v1/tenants/missing/users", Map.of("email", "x@example.test", "password", "long-enough-pw")));
    JsonNode tenants = tenantB.get("/api/v1/tenants").body().get("items");
    assertEquals(1, tenants.size());
    assertFalse(tenants.get(0).get("id").asText().equals(tenantAId));
  }

  @Test
  void auditOfAnotherTenantIsInvisible() {
    tenantB.get("/api/v1/audit").body().get("items").forEach(entry -> {
      assertFalse(entry.get("targetId").asText().equals(integrationId));
      assertFalse(entry.get("targetId").asText().equals(applianceId));
    });
  }

  @Test
  void applianceCertificateCannotActForAnotherTenant() throws Exception {
    ApiClient.Response config = EnrolledAppliance.enrollNew(central, tenantB).client().get("/api/v1/appliance/config");
    assertEquals(200, config.status());
    assertFalse(config.body().toString().contains(integrationId));
  }
}
