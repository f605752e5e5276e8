package dev.sluice.wire.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ControlMessagesTest {
  private final ObjectMapper json = ControlJson.mapper();

  @Test
  void heartbeatRoundTripsWithIsoInstants() throws Exception {
    Heartbeat heartbeat = new Heartbeat("0.1.0", Instant.parse("2026-11-27T10:00:00Z"), 60, "\"abc\"", 5, 4096,
        List.of(new IntegrationHeartbeat("int-1", ListenerState.LISTENING, null, 10, 8, Map.of("NOT_CEF", 2L),
            Instant.parse("2026-11-27T09:59:00Z"), 1,
            List.of(new SenderHeartbeat("dt-1", "10.0.0.9", 10, 8, 2, Instant.parse("2026-11-27T09:59:00Z"), 1)))));
    String text = json.writeValueAsString(heartbeat);
    assertEquals(heartbeat, json.readValue(text, Heartbeat.class));
    assertEquals("2026-11-27T10:00:00Z", json.readTree(text).get("sentAt").asText());
    assertEquals("listening", json.readTree(text).get("integrations").get(0).get("listener").asText());
    assertEquals(2, heartbeat.integrations().get(0).rejected());
  }

  @Test
  void configRoundTripsAndDefaultsProtocolAndFormats() throws Exception {
    ApplianceConfig config = new ApplianceConfig("app-1", "ten-1", "Office", "https://127.0.0.1:8443/api/v1/lake/ingest",
        null, 30,
        List.of(new IntegrationConfig("int-1", "darktrace-detect", "DT", "Darktrace", "DCIP", null, "10.0.0.5", 10514, null)),
        new TenantSettings(List.of("corp.example"), List.of("10.0.0.0/8")));
    ApplianceConfig read = json.readValue(json.writeValueAsString(config), ApplianceConfig.class);
    assertEquals(config, read);
    assertEquals("tcp", read.integrations().get(0).protocol());
    assertEquals(List.of("cef"), read.integrations().get(0).acceptedFormats());
  }

  @Test
  void enrollmentRequestReadsDocumentedJson() throws Exception {
    EnrollmentRequest request = json.readValue(
        "{\"enrollmentSecret\":\"s\",\"certificateRequestPem\":\"pem\",\"applianceVersion\":\"0.1.0\",\"hostname\":\"h\",\"future\":1}",
        EnrollmentRequest.class);
    assertEquals(new EnrollmentRequest("s", "pem", "0.1.0", "h"), request);
  }

  @Test
  void refusesNegativeCountersAndBadPorts() {
    assertThrows(IllegalArgumentException.class, () -> new SenderHeartbeat("h", "p", -1, 0, 0, null, 0));
    assertThrows(IllegalArgumentException.class,
        () -> new IntegrationConfig("i", "p", "n", "v", "d", "udp", "10.0.0.1", 514, null));
    assertThrows(IllegalArgumentException.class,
        () -> new IntegrationConfig("i", "p", "n", "v", "d", "tcp", "10.0.0.1", 70000, null));
  }
}
