package dev.sluice.central;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.wire.image.BootstrapProperties;
import dev.sluice.wire.image.OvfDescriptor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The downloaded OVA, checked with standard tools: {@code tar} lists descriptor, manifest, disk
 * in that order; the OVF parses and satisfies {@link OvfDescriptor}'s rules; {@code sha256sum}
 * of each extracted member equals the manifest.
 */
class OvaStructureTest {
  @TempDir Path dir;
  TestCentral central;
  ApiClient admin;

  @BeforeEach
  void start() throws Exception {
    central = new TestCentral(dir, TestDatabases.sqlite());
    admin = central.operator();
    TestCentral.confirmDomains(admin);
  }

  @AfterEach
  void stop() {
    central.close();
  }

  @Test
  void ovaIsATarOfDescriptorManifestDiskWithMatchingDigests() throws Exception {
    JsonNode integration = admin.post("/api/v1/integrations", TestCentral.newApplianceIntegration("DT")).body();
    String applianceId = integration.get("appliance").get("id").asText();
    central.awaitImages();
    Path ova = admin.download("/api/v1/appliances/" + applianceId + "/images/esxi/download", dir.resolve("a.ova"));

    List<String> members = run(dir, "tar", "-tf", ova.toString());
    String base = "sluice-appliance-" + applianceId;
    assertEquals(List.of(base + ".ovf", base + ".mf", base + "-disk1.tar"), members);

    Path extracted = Files.createDirectories(dir.resolve("x"));
    run(extracted, "tar", "-xf", ova.toString());
    byte[] ovf = Files.readAllBytes(extracted.resolve(base + ".ovf"));
    OvfDescriptor.Valid valid = assertInstanceOf(OvfDescriptor.Valid.class, OvfDescriptor.parse(ovf));
    assertEquals(4, valid.descriptor().hardware().cpus());
    assertEquals(central.baseUrl(), valid.descriptor().properties().get("sluice.centralUrl"));
    assertTrue(valid.descriptor().properties().keySet().containsAll(BootstrapProperties.REQUIRED_KEYS));
    assertTrue(new String(ovf, StandardCharsets.UTF_8).contains("<rasd:ResourceType>10</rasd:ResourceType>"), "network adapters");

    Pattern line = Pattern.compile("SHA256\\((.+)\\)= ([0-9a-f]{64})");
    List<String> manifest = Files.readAllLines(extracted.resolve(base + ".mf"));
    assertEquals(2, manifest.size());
    for (String entry : manifest) {
      Matcher matcher = line.matcher(entry);
      assertTrue(matcher.matches(), entry);
      String sum = run(extracted, "sha256sum", matcher.group(1)).get(0).split(" ")[0];
      assertEquals(matcher.group(2), sum, "digest of " + matcher.group(1));
    }

    List<String> payload = run(extracted, "tar", "-tf", base + "-disk1.tar");
    assertTrue(payload.containsAll(List.of("sluice/VERSION", "sluice/bin/sluice-appliance", "sluice/lib/sluice-fake.jar")), payload.toString());
  }

  @Test
  void hyperVPackageManifestChecksWithSha256sum() throws Exception {
    Map<String, Object> request = Map.of("product", "darktrace-detect", "name", "H", "appliance", Map.of("new", Map.of(
        "name", "hv", "platform", "hyperv", "network", Map.of("mode", "dhcp"), "syslog", Map.of("ipVersion", "ipv4", "address", "127.0.0.1"))));
    String applianceId = admin.post("/api/v1/integrations", request).body().get("appliance").get("id").asText();
    central.awaitImages();
    Path zip = admin.download("/api/v1/appliances/" + applianceId + "/images/hyperv/download", dir.resolve("a.zip"));
    Path extracted = Files.createDirectories(dir.resolve("z"));
    try (var in = new java.util.zip.ZipInputStream(Files.newInputStream(zip))) {
      List<String> names = new ArrayList<>();
      for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        names.add(entry.getName());
        Files.copy(in, extracted.resolve(entry.getName()));
      }
      String base = "sluice-appliance-" + applianceId;
      assertEquals(List.of(base + ".json", base + ".sha256", base + "-disk1.tar"), names);
      List<String> check = run(extracted, "sha256sum", "-c", base + ".sha256");
      assertEquals(List.of(base + ".json: OK", base + "-disk1.tar: OK"), check);
    }
  }

  private static List<String> run(Path workingDirectory, String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).directory(workingDirectory.toFile()).redirectErrorStream(true).start();
    List<String> lines = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    assertEquals(0, process.waitFor(), String.join(" ", command) + ": " + lines);
    return lines;
  }
}
