package dev.sluice.central;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.central.auth.PasswordHasher;
import dev.sluice.central.image.PayloadSource;
import dev.sluice.pki.Identity;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** A running central for tests: temporary data, a movable clock, a tiny payload, fast password hashing. */
final class TestCentral implements AutoCloseable {
  static final String ADMIN_EMAIL = "operator@example.test";
  static final String ADMIN_PASSWORD = "operator-password-1";
  static final Instant START = Instant.parse("2026-11-27T10:00:00Z");

  final MutableClock clock = new MutableClock(START);
  final CentralServer server;
  final Path dataDir;
  final ByteArrayOutputStream output = new ByteArrayOutputStream();

  TestCentral(Path dataDir, TestDatabases.Choice database) throws IOException {
    this(dataDir, database, b -> { });
  }

  TestCentral(Path dataDir, TestDatabases.Choice database, java.util.function.Consumer<CentralOptions.Builder> customize)
      throws IOException {
    this.dataDir = dataDir;
    Path jar = Files.writeString(Files.createDirectories(dataDir.resolve("fake-install")).resolve("sluice-fake.jar"), "jar bytes");
    CentralOptions.Builder builder = CentralOptions.builder(dataDir.resolve("central"))
        .bindHost("127.0.0.1")
        .port(0)
        .bootstrapAdmin(ADMIN_EMAIL, ADMIN_PASSWORD)
        .passwordHasher(new PasswordHasher(64, 1, 1))
        .payload(PayloadSource.of("0.1.0-test", List.of(jar)))
        .healthCheckInterval(Duration.ofHours(1))
        .integrationPorts(new PortRange(20000, 20002))
        .clock(clock)
        .out(new PrintStream(output, true, java.nio.charset.StandardCharsets.UTF_8));
    database.url().ifPresent(builder::databaseUrl);
    customize.accept(builder);
    this.server = CentralServer.start(builder.build(), List.of());
  }

  Central central() {
    return server.central();
  }

  String baseUrl() {
    return "https://127.0.0.1:" + server.port();
  }

  ApiClient anonymous() {
    return new ApiClient(baseUrl(), central().serverIdentity().certificate(), Optional.empty(), null);
  }

  ApiClient withIdentity(Identity identity) {
    return new ApiClient(baseUrl(), central().serverIdentity().certificate(), Optional.of(identity), null);
  }

  ApiClient login(String email, String password) {
    ApiClient.Response response = anonymous().post("/api/v1/auth/login", Map.of("email", email, "password", password));
    if (response.status() != 200) {
      throw new AssertionError("login failed: " + response.status() + " " + response.body());
    }
    return anonymous().withToken(response.body().get("token").asText());
  }

  ApiClient operator() {
    return login(ADMIN_EMAIL, ADMIN_PASSWORD);
  }

  /** Creates a tenant with the packs and an admin in it; returns the admin's client. */
  ApiClient newTenantAdmin(String name, String email, List<String> packs) {
    ApiClient operator = operator();
    ApiClient.Response tenant = operator.post("/api/v1/tenants", Map.of("name", name, "licensePacks", packs));
    if (tenant.status() != 201) {
      throw new AssertionError("tenant creation failed: " + tenant.body());
    }
    String tenantId = tenant.body().get("id").asText();
    ApiClient.Response user = operator.post("/api/v1/tenants/" + tenantId + "/users",
        Map.of("email", email, "password", "password-of-" + email, "role", "admin"));
    if (user.status() != 201) {
      throw new AssertionError("user creation failed: " + user.body());
    }
    return login(email, "password-of-" + email);
  }

  static Map<String, Object> newApplianceIntegration(String name) {
    return Map.of(
        "product", "darktrace-detect",
        "name", name,
        "description", "DETECT in the data center",
        "appliance", Map.of("new", Map.of(
            "name", name + " appliance",
            "description", "collector",
            "platform", "esxi",
            "network", Map.of("mode", "dhcp"),
            "syslog", Map.of("ipVersion", "ipv4", "address", "127.0.0.1"))));
  }

  static void confirmDomains(ApiClient client) {
    ApiClient.Response response = client.put("/api/v1/domains-and-ips",
        Map.of("internalDomains", List.of("corp.example"), "internalIpRanges", List.of("10.0.0.0/8")));
    if (response.status() != 200) {
      throw new AssertionError("domains failed: " + response.body());
    }
  }

  void awaitImages() {
    try {
      central().imageBuilder().awaitIdle(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  static String text(JsonNode node, String... path) {
    JsonNode current = node;
    for (String field : path) {
      current = current.get(field);
      if (current == null) {
        return null;
      }
    }
    return current.asText();
  }

  @Override
  public void close() {
    server.close();
  }
}
