package dev.sluice.central;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every REST endpoint and every refusal, against one database (subclasses choose SQLite or
 * PostgreSQL, so the repositories run on both). Each test works in its own new tenant.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CentralApiContract {
  Path dir;
  TestCentral central;
  ApiClient operator;

  abstract TestDatabases.Choice database();

  @BeforeAll
  void start() throws Exception {
    dir = Files.createTempDirectory("central-api");
    central = new TestCentral(dir, database());
    operator = central.operator();
  }

  @AfterAll
  void stop() {
    if (central != null) {
      central.close();
    }
  }

  private ApiClient tenantAdmin(List<String> packs) {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    return central.newTenantAdmin("Tenant " + suffix, "admin-" + suffix + "@example.test", packs);
  }

  private ApiClient readyTenant() {
    ApiClient admin = tenantAdmin(List.of("network-integrations"));
    TestCentral.confirmDomains(admin);
    return admin;
  }

  private static void assertRefused(int status, String code, ApiClient.Response response) {
    assertEquals(status, response.status(), String.valueOf(response.body()));
    assertEquals(code, response.code(), String.valueOf(response.body()));
    assertNotNull(response.body().get("message"));
  }

  // --- auth ---------------------------------------------------------------------------------

  @Test
  void loginReturnsBearerTokenAndMeDescribesTheUser() {
    ApiClient.Response login = central.anonymous().post("/api/v1/auth/login",
        Map.of("email", TestCentral.ADMIN_EMAIL, "password", TestCentral.ADMIN_PASSWORD));
    assertEquals(200, login.status());
    assertTrue(login.body().get("token").asText().startsWith("slc_"));
    JsonNode me = central.anonymous().withToken(login.body().get("token").asText()).get("/api/v1/auth/me").body();
    assertEquals(TestCentral.ADMIN_EMAIL, me.get("user").get("email").asText());
    assertTrue(me.get("operator").asBoolean());
    assertEquals("admin", me.get("role").asText());
  }

  @Test
  void wrongPasswordIsRefused() {
    assertRefused(401, "LOGIN_FAILED", central.anonymous().post("/api/v1/auth/login",
        Map.of("email", TestCentral.ADMIN_EMAIL, "password", "not-the-password")));
  }

  @Test
  void repeatedFailedLoginsAreRateLimited() {
    String email = "nobody-" + UUID.randomUUID() + "@example.test";
    for (int i = 0; i < 5; i++) {
      central.anonymous().post("/api/v1/auth/login", Map.of("email", email, "password", "guess-" + i));
    }
    ApiClient.Response limited = central.anonymous().post("/api/v1/auth/login", Map.of("email", email, "password", "x"));
    assertRefused(429, "LOGIN_RATE_LIMITED", limited);
    central.clock.advance(Duration.ofMinutes(16));
    assertRefused(401, "LOGIN_FAILED", central.anonymous().post("/api/v1/auth/login", Map.of("email", email, "password", "x")));
    central.clock.advance(Duration.ofMinutes(16));
  }

  @Test
  void requestsWithoutValidTokenAreRefused() {
    assertRefused(401, "UNAUTHENTICATED", central.anonymous().get("/api/v1/integrations"));
    assertRefused(401, "UNAUTHENTICATED", central.anonymous().withToken("slc_forged").get("/api/v1/integrations"));
  }

  @Test
  void malformedJsonIsRefused() {
    assertRefused(400, "REQUEST_INVALID", operator.send("POST", "/api/v1/tenants", "{not json"));
  }

  @Test
  void unknownRouteAnswersJson404() {
    assertRefused(404, "ROUTE_NOT_FOUND", operator.get("/api/v1/nothing-here"));
  }

  @Test
  void apiTokenAuthenticatesUntilRevoked() {
    ApiClient admin = tenantAdmin(List.of());
    ApiClient.Response created = admin.post("/api/v1/auth/tokens", Map.of("name", "automation"));
    assertEquals(201, created.status());
    ApiClient automation = central.anonymous().withToken(created.body().get("token").asText());
    assertEquals(200, automation.get("/api/v1/domains-and-ips").status());
    JsonNode listed = admin.get("/api/v1/auth/tokens").body().get("items");
    assertEquals(1, listed.size());
    assertFalse(listed.get(0).has("token"), "the secret is shown only once");
    assertEquals(204, admin.delete("/api/v1/auth/tokens/" + created.body().get("id").asText()).status());
    assertRefused(401, "UNAUTHENTICATED", automation.get("/api/v1/domains-and-ips"));
    assertRefused(404, "TOKEN_NOT_FOUND", admin.delete("/api/v1/auth/tokens/" + created.body().get("id").asText()));
  }

  @Test
  void readOnlyTokenCannotChangeAnything() {
    ApiClient admin = readyTenant();
    ApiClient.Response created = admin.post("/api/v1/auth/tokens", Map.of("name", "reporting", "role", "read-only"));
    ApiClient readOnly = central.anonymous().withToken(created.body().get("token").asText());
    assertEquals(200, readOnly.get("/api/v1/integrations").status());
    assertRefused(403, "READ_ONLY_ROLE", readOnly.put("/api/v1/domains-and-ips",
        Map.of("internalDomains", List.of(), "internalIpRanges", List.of("10.0.0.0/8"))));
    assertRefused(403, "READ_ONLY_ROLE", readOnly.post("/api/v1/integrations", TestCentral.newApplianceIntegration("x")));
  }

  @Test
  void readOnlyUserReadsButCannotChange() {
    ApiClient admin = readyTenant();
    String tenantId = admin.get("/api/v1/auth/me").body().get("tenantId").asText();
    String email = "viewer-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
    assertEquals(201, admin.post("/api/v1/tenants/" + tenantId + "/users",
        Map.of("email", email, "password", "viewer-password-1", "role", "read-only")).status());
    ApiClient viewer = central.login(email, "viewer-password-1");
    assertEquals(200, viewer.get("/api/v1/alerts").status());
    assertRefused(403, "READ_ONLY_ROLE", viewer.post("/api/v1/auth/tokens", Map.of("name", "t", "role", "admin")));
    assertRefused(403, "READ_ONLY_ROLE", viewer.post("/api/v1/tenants/" + tenantId + "/users",
        Map.of("email", "x-" + email, "password", "viewer-password-1")));
  }

  @Test
  void logoutEndsTheSession() {
    ApiClient session = central.operator();
    assertEquals(204, session.post("/api/v1/auth/logout", null).status());
    assertRefused(401, "UNAUTHENTICATED", session.get("/api/v1/auth/me"));
  }

  // --- tenants and users --------------------------------------------------------------------

  @Test
  void operatorCreatesAndListsTenants() {
    ApiClient.Response created = operator.post("/api/v1/tenants", Map.of("name", "Acme", "licensePacks", List.of("network-integrations")));
    assertEquals(201, created.status());
    assertEquals("network-integrations", created.body().get("licensePacks").get(0).asText());
    String id = created.body().get("id").asText();
    assertEquals("Acme", operator.get("/api/v1/tenants/" + id).body().get("name").asText());
    List<String> ids = new ArrayList<>();
    operator.get("/api/v1/tenants").body().get("items").forEach(t -> ids.add(t.get("id").asText()));
    assertTrue(ids.contains(id));
  }

  @Test
  void tenantRequestsAreValidated() {
    assertRefused(400, "VALIDATION_FAILED", operator.post("/api/v1/tenants", Map.of("name", "X", "licensePacks", List.of("gold"))));
    assertRefused(400, "VALIDATION_FAILED", operator.post("/api/v1/tenants", Map.of("name", " ")));
  }

  @Test
  void onlyOperatorsCreateTenants() {
    assertRefused(403, "OPERATOR_REQUIRED", tenantAdmin(List.of()).post("/api/v1/tenants", Map.of("name", "Mine")));
  }

  @Test
  void usersAreCreatedListedAndValidated() {
    ApiClient admin = tenantAdmin(List.of());
    String tenantId = admin.get("/api/v1/auth/me").body().get("tenantId").asText();
    String email = "u-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
    assertEquals(201, admin.post("/api/v1/tenants/" + tenantId + "/users", Map.of("email", email, "password", "long-enough-pw")).status());
    assertRefused(409, "EMAIL_TAKEN", admin.post("/api/v1/tenants/" + tenantId + "/users",
        Map.of("email", email.toUpperCase(), "password", "long-enough-pw")));
    assertRefused(400, "PASSWORD_TOO_WEAK", admin.post("/api/v1/tenants/" + tenantId + "/users",
        Map.of("email", "y" + email, "password", "short")));
    assertRefused(400, "VALIDATION_FAILED", admin.post("/api/v1/tenants/" + tenantId + "/users",
        Map.of("email", "not-an-email", "password", "long-enough-pw")));
    assertEquals(2, admin.get("/api/v1/tenants/" + tenantId + "/users").body().get("items").size());
  }

  // --- marketplace --------------------------------------------------------------------------

  @Test
  void marketplaceListsDetectAndEmailAsSeparateProducts() {
    JsonNode items = operator.get("/api/v1/marketplace/products").body().get("items");
    Map<String, JsonNode> byId = new HashMap<>();
    items.forEach(p -> byId.put(p.get("id").asText(), p));
    JsonNode detect = byId.get("darktrace-detect");
    assertEquals("network-integrations", detect.get("licensePack").asText());
    assertEquals("log-collector", detect.get("collectionMethod").asText());
    assertEquals("syslog-cef-tcp", detect.get("protocol").asText());
    assertEquals("network", detect.get("category").asText());
    assertTrue(detect.get("available").asBoolean());
    JsonNode email = byId.get("darktrace-email");
    assertEquals("api", email.get("collectionMethod").asText());
    assertFalse(email.get("available").asBoolean());
    assertEquals(200, operator.get("/api/v1/marketplace/products/darktrace-detect").status());
    assertRefused(404, "PRODUCT_NOT_FOUND", operator.get("/api/v1/marketplace/products/nope"));
  }

  // --- domains and IPs ----------------------------------------------------------------------

  @Test
  void domainsAndIpsStartWithTheSevenDefaultsUnconfirmed() {
    JsonNode domains = tenantAdmin(List.of()).get("/api/v1/domains-and-ips").body();
    List<String> ranges = new ArrayList<>();
    domains.get("internalIpRanges").forEach(r -> ranges.add(r.asText()));
    assertEquals(List.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "127.0.0.1/32", "fc00::/7", "fe80::/10",
        "169.254.0.0/16"), ranges);
    assertFalse(domains.get("confirmed").asBoolean());
  }

  @Test
  void domainsAndIpsAreSavedNormalizedAndConfirmed() {
    ApiClient admin = tenantAdmin(List.of());
    ApiClient.Response saved = admin.put("/api/v1/domains-and-ips",
        Map.of("internalDomains", List.of("Corp.Example.", "lab.corp.example"), "internalIpRanges", List.of("192.168.0.15/24", "2001:db8::/32", "1.1.1.1/32")));
    assertEquals(200, saved.status(), String.valueOf(saved.body()));
    assertEquals("corp.example", saved.body().get("internalDomains").get(0).asText());
    assertTrue(admin.get("/api/v1/domains-and-ips").body().get("confirmed").asBoolean());
  }

  @Test
  void invalidRangeIsRefusedNamingTheOffendingValue() {
    ApiClient admin = tenantAdmin(List.of());
    for (String bad : List.of("10.0.0.0", "10.0.0.0/33", "2001:db8::/129", "example.com/8", "10.0.0.256/8")) {
      ApiClient.Response refused = admin.put("/api/v1/domains-and-ips",
          Map.of("internalDomains", List.of(), "internalIpRanges", List.of("10.0.0.0/8", bad)));
      assertRefused(400, "INVALID_CIDR", refused);
      assertTrue(refused.body().get("message").asText().contains("\"" + bad + "\""), refused.body().toString());
    }
    ApiClient.Response domain = admin.put("/api/v1/domains-and-ips",
        Map.of("internalDomains", List.of("bad_domain!"), "internalIpRanges", List.of()));
    assertRefused(400, "INVALID_DOMAIN", domain);
    assertTrue(domain.body().get("message").asText().contains("bad_domain!"));
    assertFalse(admin.get("/api/v1/domains-and-ips").body().get("confirmed").asBoolean());
  }

  // --- integrations -------------------------------------------------------------------------

  @Test
  void firstIntegrationWaitsForDomainsAndIps() {
    ApiClient admin = tenantAdmin(List.of("network-integrations"));
    assertRefused(409, "DOMAINS_AND_IPS_REQUIRED", admin.post("/api/v1/integrations", TestCentral.newApplianceIntegration("DT")));
    TestCentral.confirmDomains(admin);
    assertEquals(201, admin.post("/api/v1/integrations", TestCentral.newApplianceIntegration("DT")).status());
  }

  @Test
  void integrationNeedsTheProductsLicensePack() {
    ApiClient admin = tenantAdmin(List.of("firewall-integrations"));
    TestCentral.confirmDomains(admin);
    assertRefused(403, "LICENSE_PACK_REQUIRED", admin.post("/api/v1/integrations", TestCentral.newApplianceIntegration("DT")));
    assertEquals(0, admin.get("/api/v1/appliances").body().get("items").size(), "nothing is created on refusal");
  }

  @Test
  void darktraceEmailCannotBeAddedYet() {
    Map<String, Object> request = new HashMap<>(TestCentral.newApplianceIntegration("mail"));
    request.put("product", "darktrace-email");
    assertRefused(409, "PRODUCT_NOT_AVAILABLE", readyTenant().post("/api/v1/integrations", request));
  }

  @Test
  void integrationWithNewApplianceGetsPortApplianceAndImage() {
    ApiClient admin = readyTenant();
    ApiClient.Response created = admin.post("/api/v1/integrations", TestCentral.newApplianceIntegration("DT"));
    assertEquals(201, created.status(), String.valueOf(created.body()));
    JsonNode integration = created.body();
    assertEquals(20000, integration.get("port").asInt());
    assertEquals("tcp", integration.get("protocol").asText());
    assertEquals("127.0.0.1", integration.get("syslogAddress").asText());
    assertEquals("waiting-for-deployment", integration.get("health").get("status").asText());
    JsonNode appliance = integration.get("appliance");
    assertEquals("esxi", appliance.get("platform").asText());
    assertEquals("dhcp", appliance.get("network").get("mode").asText());
    assertEquals("tcp", appliance.get("syslog").get("protocol").asText());
    String applianceId = appliance.get("id").asText();
    central.awaitImages();
    JsonNode image = admin.get("/api/v1/appliances/" + applianceId + "/images/esxi").body();
    assertEquals("ready", image.get("state").asText(), image.toString());
    assertEquals("unused", image.get("secretState").asText());
    assertEquals("ready-to-download", admin.get("/api/v1/appliances/" + applianceId).body().get("state").asText());
    assertEquals(1, admin.get("/api/v1/integrations").body().get("items").size());
    assertEquals(1, admin.get("/api/v1/appliances").body().get("items").size());
  }

  @Test
  void portsAreUniquePerApplianceAndFreedOnDelete() {
    ApiClient admin = readyTenant();
    JsonNode first = admin.post("/api/v1/integrations", TestCentral.newApplianceIntegration("A")).body();
    String applianceId = first.get("appliance").get("id").asText();
    Map<String, Object> onSame = Map.of("product", "darktrace-detect", "name", "B", "appliance", Map.of("id", applianceId));
    JsonNode second = admin.post("/api/v1/integrations", onSame).body();
    assertEquals(20001, second.get("port").asInt());
    Map<String, Object> clash = Map.of("product", "darktrace-detect", "name", "C", "appliance", Map.of("id", applianceId), "port", 20000);
    assertRefused(409, "PORT_IN_USE", admin.post("/api/v1/integrations", clash));
    Map<String, Object> outside = Map.of("product", "darktrace-detect", "name", "C", "appliance", Map.of("id", applianceId), "port", 514);
    assertRefused(400, "PORT_OUT_OF_RANGE", admin.post("/api/v1/integrations", outside));
    assertEquals(20002, admin.post("/api/v1/integrations", onSame).body().get("port").asInt());
    assertRefused(409, "NO_PORT_AVAILABLE", admin.post("/api/v1/integrations", onSame));

    assertEquals(204, admin.delete("/api/v1/integrations/" + first.get("id").asText()).status());
    assertRefused(404, "INTEGRATION_NOT_FOUND", admin.get("/api/v1/integrations/" + first.get("id").asText()));
    assertEquals(20000, admin.post("/api/v1/integrations", onSame).body().get("port").asInt(), "the freed port is reused");
    JsonNode other = admin.post("/api/v1/integrations", TestCentral.newApplianceIntegration("D")).body();
    assertEquals(20000, other.get("port").asInt(), "ports are per appliance");
  }

  @Test
  void patchRenamesAndMovesPortButRefusesClash() {
    ApiClient admin = readyTenant();
    JsonNode first = admin.post("/api/v1/integrations", TestCentral.newApplianceIntegration("A")).body();
    String applianceId = first.get("appliance").get("id").asText();
    JsonNode second = admin.post("/api/v1/integrations",
        Map.of("product", "darktrace-detect", "name", "B", "appliance", Map.of("id", applianceId))).body();
    String path = "/api/v1/integrations/" + second.get("id").asText();
    ApiClient.Response patched = admin.patch(path, Map.of("name", "Renamed", "port", 20002));
    assertEquals(200, patched.status(), String.valueOf(patched.body()));
    assertEquals("Renamed", patched.body().get("name").asText());
    assertEquals(20002, patched.body().get("port").asInt());
    assertRefused(409, "PORT_IN_USE", admin.patch(path, Map.of("port", 20000)));
    assertRefused(400, "PORT_OUT_OF_RANGE", admin.patch(path, Map.of("port", 70000)));
    assertEquals(20002, admin.patch(path, Map.of("description", "same port")).body().get("port").asInt());
  }

  @Test
  void newApplianceSettingsAreValidated() {
    ApiClient admin = readyTenant();
    List<Map<String, Object>> bad = List.of(
        Map.of("platform", "kvm", "network", Map.of("mode", "dhcp"), "syslog", Map.of("ipVersion", "ipv4", "address", "10.0.0.5")),
        Map.of("platform", "esxi", "network", Map.of("mode", "dhcp"), "syslog", Map.of("ipVersion", "ipv4", "address", "10.0.0.5", "protocol", "udp")),
        Map.of("platform", "esxi", "network", Map.of("mode", "dhcp"), "syslog", Map.of("ipVersion", "ipv6", "address", "10.0.0.5")),
        Map.of("platform", "esxi", "network", Map.of("mode", "manual", "address", "10.0.0.5"), "syslog", Map.of("ipVersion", "ipv4", "address", "10.0.0.5")),
        Map.of("platform", "hyperv", "network", Map.of("mode", "manual", "address", "10.0.0.5", "prefix", 24, "gateway", "10.0.0.1", "dns", List.of("dns.example")),
            "syslog", Map.of("ipVersion", "ipv4", "address", "10.0.0.6")));
    for (Map<String, Object> settings : bad) {
      Map<String, Object> appliance = new HashMap<>(settings);
      appliance.put("name", "X");
      ApiClient.Response refused = admin.post("/api/v1/integrations",
          Map.of("product", "darktrace-detect", "name", "X", "appliance", Map.of("new", appliance)));
      assertRefused(400, "VALIDATION_FAILED", refused);
    }
    Map<String, Object> manual = Map.of("name", "M", "platform", "hyperv",
        "network", Map.of("mode", "manual", "address", "10.0.0.5", "prefix", 24, "gateway", "10.0.0.1", "dns", List.of("10.0.0.53")),
        "syslog", Map.of("ipVersion", "ipv6", "address", "2001:db8::5"));
    ApiClient.Response created = admin.post("/api/v1/integrations",
        Map.of("product", "darktrace-detect", "name", "M", "appliance", Map.of("new", manual)));
    assertEquals(201, created.status(), String.valueOf(created.body()));
    assertEquals("10.0.0.53", created.body().get("appliance").get("network").get("dns").get(0).asText());
    assertRefused(400, "VALIDATION_FAILED", admin.post("/api/v1/integrations",
        Map.of("product", "darktrace-detect", "name", "X", "appliance", Map.of())));
    assertRefused(404, "APPLIANCE_NOT_FOUND", admin.post("/api/v1/integrations",
        Map.of("product", "darktrace-detect", "name", "X", "appliance", Map.of("id", "missing"))));
    assertRefused(404, "PRODUCT_NOT_FOUND", admin.post("/api/v1/integrations",
        Map.of("product", "nope", "name", "X", "appliance", Map.of("id", "missing"))));
  }

  // --- images -------------------------------------------------------------------------------

  @Test
  void imagesAreCreatedPerPlatformAndDownloaded() throws Exception {
    ApiClient admin = readyTenant();
    String applianceId = admin.post("/api/v1/integrations", TestCentral.newApplianceIntegration("A")).body()
        .get("appliance").get("id").asText();
    assertRefused(404, "IMAGE_NOT_FOUND", admin.get("/api/v1/appliances/" + applianceId + "/images/hyperv"));
    ApiClient.Response accepted = admin.post("/api/v1/appliances/" + applianceId + "/images", Map.of("platform", "hyperv"));
    assertEquals(202, accepted.status());
    assertEquals("building", accepted.body().get("state").asText());
    central.awaitImages();
    assertEquals("ready", admin.get("/api/v1/appliances/" + applianceId + "/images/hyperv").body().get("state").asText());
    assertEquals("superseded", admin.get("/api/v1/appliances/" + applianceId + "/images/esxi").body().get("secretState").asText());
    Path zip = admin.download("/api/v1/appliances/" + applianceId + "/images/hyperv/download", dir.resolve(applianceId + ".zip"));
    assertTrue(Files.size(zip) > 0);
    assertRefused(400, "VALIDATION_FAILED", admin.post("/api/v1/appliances/" + applianceId + "/images", Map.of("platform", "xen")));
    assertRefused(400, "VALIDATION_FAILED", admin.get("/api/v1/appliances/" + applianceId + "/images/xen"));
    assertRefused(404, "APPLIANCE_NOT_FOUND", admin.post("/api/v1/appliances/missing/images", Map.of("platform", "esxi")));
  }

  // --- audit --------------------------------------------------------------------------------

  @Test
  void everyChangeIsAudited() {
    ApiClient admin = readyTenant();
    String integrationId = admin.post("/api/v1/integrations", TestCentral.newApplianceIntegration("A")).body().get("id").asText();
    admin.patch("/api/v1/integrations/" + integrationId, Map.of("name", "B"));
    admin.delete("/api/v1/integrations/" + integrationId);
    List<String> actions = new ArrayList<>();
    admin.get("/api/v1/audit").body().get("items").forEach(e -> actions.add(e.get("action").asText()));
    assertTrue(actions.containsAll(List.of("domains-and-ips.update", "appliance.create", "integration.create",
        "integration.update", "integration.delete", "auth.login")), actions.toString());
    assertEquals("integration.delete", actions.get(0));
  }

  // --- alerts -------------------------------------------------------------------------------

  @Test
  void unknownAlertCannotBeAcknowledged() {
    ApiClient admin = readyTenant();
    assertEquals(0, admin.get("/api/v1/alerts").body().get("items").size());
    assertRefused(404, "ALERT_NOT_FOUND", admin.post("/api/v1/alerts/missing/acknowledge", null));
  }

  // --- OpenAPI ------------------------------------------------------------------------------

  @Test
  void openApiDocumentDescribesEveryEndpoint() {
    ApiClient.Response document = central.anonymous().get("/api/v1/openapi.json");
    assertEquals(200, document.status());
    assertTrue(document.body().get("openapi").asText().startsWith("3."));
    JsonNode paths = document.body().get("paths");
    Map<String, List<String>> expected = Map.ofEntries(
        Map.entry("/auth/login", List.of("post")), Map.entry("/auth/logout", List.of("post")),
        Map.entry("/auth/me", List.of("get")), Map.entry("/auth/tokens", List.of("get", "post")),
        Map.entry("/auth/tokens/{id}", List.of("delete")), Map.entry("/tenants", List.of("get", "post")),
        Map.entry("/tenants/{tenantId}", List.of("get")), Map.entry("/tenants/{tenantId}/users", List.of("get", "post")),
        Map.entry("/marketplace/products", List.of("get")), Map.entry("/marketplace/products/{productId}", List.of("get")),
        Map.entry("/domains-and-ips", List.of("get", "put")), Map.entry("/integrations", List.of("get", "post")),
        Map.entry("/integrations/{id}", List.of("get", "patch", "delete")), Map.entry("/appliances", List.of("get")),
        Map.entry("/appliances/{id}", List.of("get")), Map.entry("/appliances/{id}/images", List.of("post")),
        Map.entry("/appliances/{id}/images/{platform}", List.of("get")),
        Map.entry("/appliances/{id}/images/{platform}/download", List.of("get")),
        Map.entry("/appliance/enroll", List.of("post")), Map.entry("/appliance/config", List.of("get")),
        Map.entry("/appliance/heartbeat", List.of("post")), Map.entry("/alerts", List.of("get")),
        Map.entry("/alerts/{id}/acknowledge", List.of("post")), Map.entry("/audit", List.of("get")),
        Map.entry("/openapi.json", List.of("get")));
    expected.forEach((path, methods) -> {
      JsonNode item = paths.get(path);
      assertNotNull(item, "OpenAPI lacks " + path);
      methods.forEach(method -> assertNotNull(item.get(method), "OpenAPI lacks " + method + " " + path));
    });
  }
}
