package dev.sluice.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.central.CentralOptions;
import dev.sluice.central.CentralServer;
import dev.sluice.central.PortRange;
import dev.sluice.console.central.ConsoleExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console mounted on a real central (in-process services, HTTPS), without a browser. */
class ConsoleOnCentralTest {

  static final String EMAIL = "admin@example.com";
  static final String PASSWORD = "console-on-central-1";

  @TempDir
  static Path data;
  private static CentralServer server;

  @BeforeAll
  static void start() {
    server = CentralServer.start(CentralOptions.builder(data)
        .bindHost("127.0.0.1").port(0)
        .bootstrapAdmin(EMAIL, PASSWORD)
        .integrationPorts(new PortRange(20514, 20520))
        .out(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
        .build(), List.of(new ConsoleExtension(() -> null)));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private ConsoleClient signedIn() throws Exception {
    ConsoleClient client = new ConsoleClient("https://127.0.0.1:" + server.port(),
        ConsoleClient.trustingLoopback());
    HttpResponse<String> response = client.signIn(EMAIL, PASSWORD);
    assertEquals(303, response.statusCode(), response.body());
    client.follow(response);
    return client;
  }

  @Test
  void wrongPasswordIsRefusedWithCentralsCode() throws Exception {
    ConsoleClient client = new ConsoleClient("https://127.0.0.1:" + server.port(),
        ConsoleClient.trustingLoopback());
    HttpResponse<String> response = client.signIn(EMAIL, "not the password");
    assertEquals(401, response.statusCode());
    assertTrue(response.body().contains("The email or password is not right."));
  }

  @Test
  void workflowUpToTheImageRunsOnCentralsServices() throws Exception {
    ConsoleClient client = signedIn();
    String marketplace = client.get("/console/integrations/marketplace").body();
    assertTrue(marketplace.contains("Darktrace DETECT"));
    assertTrue(marketplace.contains("Coming soon"), "Darktrace Email is not available yet");

    HttpResponse<String> setup = client.get("/console/integrations/products/darktrace-detect/new");
    if (setup.statusCode() == 303) {
      assertTrue(client.follow(setup).body().contains("First, your domains and IPs"));
      HttpResponse<String> saved = client.post("/console/settings/domains-and-ips", Map.of(
          "first", "darktrace-detect", "ipRanges", "10.0.0.0/8\n192.168.0.0/16",
          "domains", "corp.example.com"));
      assertEquals(303, saved.statusCode(), saved.body());
      client.follow(saved);
    }
    Map<String, String> form = new LinkedHashMap<>();
    form.put("name", "Lab <DETECT>");
    form.put("applianceMode", "new");
    form.put("applianceName", "lab-collector");
    form.put("platform", "hyperv");
    form.put("networkMode", "manual");
    form.put("address", "10.9.0.10");
    form.put("prefix", "24");
    form.put("gateway", "10.9.0.1");
    form.put("dns", "10.9.0.53");
    form.put("syslogIpVersion", "ipv4");
    form.put("syslogAddress", "127.0.0.1");
    HttpResponse<String> created = client.post("/console/integrations/products/darktrace-detect/new", form);
    assertEquals(303, created.statusCode(), created.body());
    String list = client.follow(created).body();
    assertTrue(list.contains("Lab &lt;DETECT&gt;"), list);
    assertTrue(list.matches("(?s).*listens on port 205\\d\\d.*"), "port from central's range");
    assertFalse(list.contains("Lab <DETECT>"));

    String appliances = client.get("/console/appliances").body();
    assertTrue(appliances.contains("lab-collector"));
    assertTrue(appliances.contains("Waiting for deployment"));
    String audit = client.get("/console/settings/audit-log").body();
    assertTrue(audit.contains("integration.create"), audit);
  }

  @Test
  void dataLakePageSaysWhenTheLakeRunsElsewhere() throws Exception {
    String page = signedIn().get("/console/data-lake?sql=select+1").body();
    assertTrue(page.contains("LAKE_NOT_IN_THIS_PROCESS"), page);
  }

  @Test
  void serverRootLeadsToTheConsole() throws Exception {
    ConsoleClient client = new ConsoleClient("https://127.0.0.1:" + server.port(),
        ConsoleClient.trustingLoopback());
    HttpResponse<String> root = client.get("/");
    assertEquals(302, root.statusCode());
    assertEquals("/console/", root.headers().firstValue("Location").orElseThrow());
  }

  @Test
  void signingOutEndsCentralsSessionToo() throws Exception {
    ConsoleClient client = signedIn();
    HttpResponse<String> out = client.post("/console/sign-out", Map.of());
    assertEquals(303, out.statusCode());
    assertEquals(303, client.get("/console/alerts").statusCode());
  }
}
