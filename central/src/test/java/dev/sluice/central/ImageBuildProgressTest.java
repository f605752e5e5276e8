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
 * An image that is building reports how far it is, measured by the builder (bytes read), never
 * 100 before it is ready; a ready image reports no progress.
 */
class ImageBuildProgressTest {
  @TempDir Path dir;
  TestCentral central;

  @AfterEach
  void stop() {
    central.close();
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
    TestCentral.confirmDomains(admin);
    String applianceId = admin.post("/api/v1/integrations", TestCentral.newApplianceIntegration("DT")).body()
        .get("appliance").get("id").asText();
    String path = "/api/v1/appliances/" + applianceId + "/images/esxi";

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
}
