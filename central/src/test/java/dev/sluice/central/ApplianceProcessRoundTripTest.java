package dev.sluice.central;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole path up to "Deploy the appliance" with a real appliance process: add the integration,
 * download the OVA, boot a separate JVM from it (it enrolls over pinned TLS, pulls its config over
 * mTLS, opens the integration's port, heartbeats), send it one Darktrace alert, see the integration
 * receive data; a second deployment of the same image is refused.
 */
class ApplianceProcessRoundTripTest {
  static final String CEF = "<134>1 2026-11-27T10:00:00Z dt-master darktrace - - - CEF:0|Darktrace|DCIP|6.1|100|"
      + "Anomalous Connection/Data Sent to Rare Domain|7|dvc=10.0.0.9 src=10.0.0.9 dst=203.0.113.7\n";

  @TempDir Path dir;
  TestCentral central;
  final List<Process> processes = new ArrayList<>();

  @AfterEach
  void stop() {
    processes.forEach(Process::destroyForcibly);
    if (central != null) {
      central.close();
    }
  }

  private Process appliance(Path image, Path data, Path log) throws IOException {
    Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), ApplianceProcessMain.class.getName(), image.toString(), data.toString())
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    processes.add(process);
    return process;
  }

  private static JsonNode await(java.util.function.Supplier<JsonNode> read, Predicate<JsonNode> done, Duration timeout, String what) {
    return org.awaitility.Awaitility.await(what).atMost(timeout).pollInterval(Duration.ofMillis(250))
        .until(read::get, last -> last != null && done.test(last));
  }


  @Test
  void applianceBootedFromDownloadedImageEnrollsReceivesAndRefusesReuse() throws Exception {
    central = new TestCentral(dir, TestDatabases.sqlite(), b -> b.clock(Clock.systemUTC()).heartbeatInterval(Duration.ofSeconds(1)));
    ApiClient admin = central.operator();
    TestCentral.confirmDomains(admin);
    JsonNode integration = admin.post("/api/v1/integrations", TestCentral.newApplianceIntegration("DETECT")).body();
    String integrationId = integration.get("id").asText();
    String applianceId = integration.get("appliance").get("id").asText();
    int port = integration.get("port").asInt();
    central.awaitImages();
    Path ova = admin.download("/api/v1/appliances/" + applianceId + "/images/esxi/download", dir.resolve("collector.ova"));

    Path log = dir.resolve("appliance.log");
    appliance(ova, dir.resolve("appliance-data"), log);
    await(() -> admin.get("/api/v1/appliances/" + applianceId).body(), a -> a.get("state").asText().equals("online"),
        Duration.ofSeconds(60), "the appliance to come online (log: " + log + ")");
    await(() -> admin.get("/api/v1/integrations/" + integrationId).body(),
        i -> i.get("health").get("status").asText().equals("waiting-for-data"), Duration.ofSeconds(30), "the listener");

    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      OutputStream out = socket.getOutputStream();
      out.write(CEF.getBytes(StandardCharsets.UTF_8));
      out.flush();
    }
    JsonNode received = await(() -> admin.get("/api/v1/integrations/" + integrationId).body(),
        i -> i.get("health").get("accepted").asLong() == 1, Duration.ofSeconds(30), "the alert to be counted");
    assertEquals("receiving-data", received.get("health").get("status").asText());
    assertEquals("127.0.0.1", received.get("health").get("senders").get(0).get("peerAddress").asText());

    Path secondLog = dir.resolve("second.log");
    Process second = appliance(ova, dir.resolve("second-data"), secondLog);
    assertTrue(second.waitFor(60, TimeUnit.SECONDS), "the second deployment stops");
    assertEquals(3, second.exitValue());
    String output = Files.readString(secondLog);
    assertTrue(output.contains("ENROLLMENT_SECRET_USED"), output);
  }
}
