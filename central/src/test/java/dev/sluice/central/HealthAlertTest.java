package dev.sluice.central;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.wire.control.IntegrationHeartbeat;
import dev.sluice.wire.control.ListenerState;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Integration health from heartbeats and the 24-hour alert, on an injected clock. */
class HealthAlertTest {
  static TestCentral central;
  String email;
  String integrationId;
  EnrolledAppliance appliance;

  @BeforeAll
  static void startCentral() throws Exception {
    central = new TestCentral(java.nio.file.Files.createTempDirectory("health"), TestDatabases.sqlite(),
        b -> b.offlineAfter(Duration.ofMinutes(2)));
  }

  @AfterAll
  static void stopCentral() {
    central.close();
  }

  /** Each test in its own tenant with one enrolled appliance. */
  @BeforeEach
  void enrolledIntegration() throws Exception {
    String suffix = java.util.UUID.randomUUID().toString().substring(0, 8);
    email = "admin-" + suffix + "@example.test";
    ApiClient admin = central.newTenantAdmin("T" + suffix, email, List.of("network-integrations"));
    TestCentral.confirmDomains(admin);
    JsonNode integration = admin.post("/api/v1/integrations", TestCentral.newApplianceIntegration("DT")).body();
    integrationId = integration.get("id").asText();
    appliance = EnrolledAppliance.enroll(central, admin, integration.get("appliance").get("id").asText());
  }

  /** Sessions last 12 hours and these tests move the clock by days: sign in afresh. */
  private ApiClient admin() {
    return central.login(email, "password-of-" + email);
  }

  private String status() {
    return admin().get("/api/v1/integrations/" + integrationId).body().get("health").get("status").asText();
  }

  private JsonNode alerts() {
    return admin().get("/api/v1/alerts").body().get("items");
  }

  private void heartbeat(ListenerState listener, long accepted) {
    assertEquals(200, appliance.heartbeat(List.of(new IntegrationHeartbeat(integrationId, listener,
        listener == ListenerState.FAILED ? "address already in use" : null, accepted, accepted, Map.of(),
        accepted > 0 ? central.clock.instant() : null, 0, List.of()))).status());
  }

  private void hoursPass(int hours) {
    for (int i = 0; i < hours; i++) {
      central.clock.advance(Duration.ofHours(1));
      central.central().health().evaluateAll();
    }
  }

  @Test
  void statusFollowsHeartbeatsAndRate() {
    heartbeat(ListenerState.LISTENING, 0);
    assertEquals("waiting-for-data", status());
    central.clock.advance(Duration.ofMinutes(1));
    heartbeat(ListenerState.LISTENING, 120);
    JsonNode health = admin().get("/api/v1/integrations/" + integrationId).body().get("health");
    assertEquals("receiving-data", health.get("status").asText());
    assertEquals(120.0, health.get("eventsPerMinute").asDouble(), 0.001);
    heartbeat(ListenerState.FAILED, 120);
    health = admin().get("/api/v1/integrations/" + integrationId).body().get("health");
    assertEquals("failed", health.get("status").asText());
    assertEquals("address already in use", health.get("reason").asText());
    central.clock.advance(Duration.ofMinutes(3));
    assertEquals("offline", status());
    assertEquals("offline", admin().get("/api/v1/appliances/" + appliance.enrollment().applianceId()).body().get("state").asText());
  }

  @Test
  void offlineForTwentyFourHoursRaisesOneMediumAlertThatResolvesWhenHealthy() {
    heartbeat(ListenerState.LISTENING, 5);
    hoursPass(23);
    assertEquals(0, alerts().size(), "not before 24 hours");
    hoursPass(2);
    JsonNode raised = alerts();
    assertEquals(1, raised.size());
    assertEquals("medium", raised.get(0).get("severity").asText());
    assertEquals("open", raised.get(0).get("state").asText());
    assertTrue(raised.get(0).get("message").asText().contains("DT"));
    hoursPass(30);
    assertEquals(1, alerts().size(), "one alert per episode");
    heartbeat(ListenerState.LISTENING, 6);
    assertEquals("resolved", alerts().get(0).get("state").asText());
    assertEquals(0, admin().get("/api/v1/alerts?state=open").body().get("items").size());
  }

  @Test
  void failedListenerRaisesAlertAndAcknowledgingRestartsTheCountdown() {
    heartbeat(ListenerState.FAILED, 0);
    for (int i = 0; i < 25; i++) {
      central.clock.advance(Duration.ofHours(1));
      heartbeat(ListenerState.FAILED, 0);
    }
    assertEquals(1, alerts().size());
    String alertId = alerts().get(0).get("id").asText();
    ApiClient.Response acknowledged = admin().post("/api/v1/alerts/" + alertId + "/acknowledge", null);
    assertEquals(200, acknowledged.status());
    assertEquals("acknowledged", acknowledged.body().get("state").asText());
    for (int i = 0; i < 23; i++) {
      central.clock.advance(Duration.ofHours(1));
      heartbeat(ListenerState.FAILED, 0);
    }
    assertEquals(1, alerts().size(), "the countdown restarted at acknowledgement");
    central.clock.advance(Duration.ofHours(2));
    heartbeat(ListenerState.FAILED, 0);
    assertEquals(2, alerts().size());
  }

  @Test
  void waitingForDeploymentIsHealthy() {
    JsonNode second = admin().post("/api/v1/integrations", TestCentral.newApplianceIntegration("later")).body();
    hoursPass(30);
    assertEquals("waiting-for-deployment",
        admin().get("/api/v1/integrations/" + second.get("id").asText()).body().get("health").get("status").asText());
  }
}
