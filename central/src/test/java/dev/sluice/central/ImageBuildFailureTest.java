package dev.sluice.central;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.central.image.PayloadSource;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A build that cannot finish ends {@code failed} with the reason, and nothing is downloadable. */
class ImageBuildFailureTest {
  @TempDir Path dir;
  TestCentral central;

  @AfterEach
  void stop() {
    central.close();
  }

  @Test
  void failedBuildReportsReasonAndRefusesDownload() throws Exception {
    Path missing = dir.resolve("gone.jar");
    central = new TestCentral(dir, TestDatabases.sqlite(), b -> b.payload(PayloadSource.of("0.0.0-broken", List.of(missing))));
    ApiClient admin = central.operator();
    TestCentral.confirmDomains(admin);
    String applianceId = admin.post("/api/v1/integrations", TestCentral.newApplianceIntegration("DT")).body()
        .get("appliance").get("id").asText();
    central.awaitImages();
    JsonNode image = admin.get("/api/v1/appliances/" + applianceId + "/images/esxi").body();
    assertEquals("failed", image.get("state").asText());
    assertTrue(image.get("failureReason").asText().contains("gone.jar"), image.toString());
    assertEquals("image-failed", admin.get("/api/v1/appliances/" + applianceId).body().get("state").asText());
    ApiClient.Response download = admin.get("/api/v1/appliances/" + applianceId + "/images/esxi/download");
    assertEquals(409, download.status());
    assertEquals("IMAGE_NOT_READY", download.code());
  }
}
