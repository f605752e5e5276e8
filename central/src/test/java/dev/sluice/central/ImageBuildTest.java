package dev.sluice.central;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.central.image.PayloadSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Image builds in the background: an image that is building reports how far it is, measured by
 * the builder (bytes read) and never 100 before it is ready; a build that cannot finish ends
 * {@code failed} with the reason, and nothing is downloadable.
 */
class ImageBuildTest {
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
    String applianceId = newAppliance(admin);
    central.awaitImages();
    JsonNode image = admin.get("/api/v1/appliances/" + applianceId + "/images/esxi").body();
    assertEquals("failed", image.get("state").asText());
    assertTrue(image.get("failureReason").asText().contains("gone.jar"), image.toString());
    assertEquals("image-failed", admin.get("/api/v1/appliances/" + applianceId).body().get("state").asText());
    ApiClient.Response download = admin.get("/api/v1/appliances/" + applianceId + "/images/esxi/download");
    assertEquals(409, download.status());
    assertEquals("IMAGE_NOT_READY", download.code());
  }

  @Test
  void buildingImageReportsMeasuredProgressUntilReady() throws Exception {
    Path jar = Files.write(dir.resolve("appliance.jar"), new byte[32 << 20]);
    CountDownLatch release = new CountDownLatch(1);
    PayloadSource gated = new PayloadSource() {
      @Override
      public String version() {
        return "0.0.0-progress";
      }

      @Override
      public List<Path> jars() {
        try {
          release.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return List.of(jar);
      }
    };
    central = new TestCentral(dir, TestDatabases.sqlite(), b -> b.payload(gated));
    ApiClient admin = central.operator();
    String path = "/api/v1/appliances/" + newAppliance(admin) + "/images/esxi";

    JsonNode started = admin.get(path).body();
    assertEquals("building", started.get("state").asText());
    assertEquals(0, started.get("progressPercent").asInt(), "nothing read yet: " + started);

    release.countDown();
    List<Integer> seen = new ArrayList<>();
    JsonNode image = admin.get(path).body();
    while ("building".equals(image.get("state").asText())) {
      seen.add(image.get("progressPercent").asInt());
      image = admin.get(path).body();
    }
    assertEquals("ready", image.get("state").asText(), image.toString());
    assertTrue(!image.hasNonNull("progressPercent"), "a ready image has no progress: " + image);
    for (int i = 0; i < seen.size(); i++) {
      int percent = seen.get(i);
      assertTrue(percent >= 0 && percent <= 99, "progress " + percent + " out of 0–99: " + seen);
      assertTrue(i == 0 || percent >= seen.get(i - 1), "progress went backwards: " + seen);
    }
  }

  /** A new appliance integration; its first image starts building at once. */
  private static String newAppliance(ApiClient admin) {
    TestCentral.confirmDomains(admin);
    return admin.post("/api/v1/integrations", TestCentral.newApplianceIntegration("DT")).body()
        .get("appliance").get("id").asText();
  }
}
