package dev.sluice.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.console.backend.DomainsAndIps;
import io.javalin.Javalin;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The console's pages over real HTTP on a real server, with the fake backend behind them. */
class ConsolePagesTest {

  private FakeBackend fake;
  private Javalin app;
  private ConsoleClient client;

  @BeforeEach
  void start() {
    fake = new FakeBackend(Clock.systemUTC());
    Console console = new Console(fake.backend(), Clock.systemUTC(), false);
    app = Javalin.create(console::addTo).start("127.0.0.1", 0);
    client = new ConsoleClient("http://127.0.0.1:" + app.port());
  }

  @AfterEach
  void stop() {
    app.stop();
  }

  private void signIn() throws Exception {
    HttpResponse<String> response = client.signIn(FakeBackend.EMAIL, FakeBackend.PASSWORD);
    assertEquals(303, response.statusCode());
    client.follow(response);
  }

  private void confirmDomains() {
    fake.domains = new DomainsAndIps(List.of(), DomainsAndIps.DEFAULT_RANGES, true);
  }

  private static Map<String, String> setupForm(String name) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("name", name);
    form.put("description", "desc \"quoted\" <b>bold</b>");
    form.put("applianceMode", "new");
    form.put("applianceName", "collector-01");
    form.put("platform", "esxi");
    form.put("networkMode", "dhcp");
    form.put("syslogIpVersion", "ipv4");
    form.put("syslogAddress", "10.1.2.3");
    return form;
  }

  @Test
  void sendsVisitorsWithoutSessionToSignInAndBackAfterwards() throws Exception {
    HttpResponse<String> response = client.get("/console/data-lake");
    assertEquals(303, response.statusCode());
    assertEquals("/console/sign-in?next=%2Fconsole%2Fdata-lake",
        response.headers().firstValue("Location").orElseThrow());
  }

  @Test
  void wrongPasswordKeepsTheEmailAndSaysWhatWentWrong() throws Exception {
    HttpResponse<String> response = client.signIn("admin@example.com", "nope");
    assertEquals(401, response.statusCode());
    assertTrue(response.body().contains("value=\"admin@example.com\""), response.body());
    assertTrue(response.body().contains("The email or password is not right."));
  }

  @Test
  void headerShowsTenantAndUser() throws Exception {
    signIn();
    String body = client.get("/console/integrations/marketplace").body();
    assertTrue(body.contains("Example Corp"));
    assertTrue(body.contains("Alex Admin"));
    assertTrue(body.contains("Darktrace DETECT"));
    assertTrue(body.contains("Darktrace Email"));
    assertTrue(body.contains("Coming soon"));
  }

  @Test
  void namesWithScriptTagsAndQuotesRenderAsText() throws Exception {
    signIn();
    confirmDomains();
    client.get("/console/integrations/products/darktrace-detect/new");
    String evil = "<script>alert(\"pwned\")</script>'\"><img src=x onerror=alert(1)>";
    HttpResponse<String> created = client.post(
        "/console/integrations/products/darktrace-detect/new", setupForm(evil));
    assertEquals(303, created.statusCode());
    String list = client.follow(created).body();
    assertFalse(list.contains("<script>alert"), "raw script tag in page");
    assertFalse(list.contains("<img src=x"), "raw img tag in page");
    assertTrue(list.contains("&lt;script&gt;alert(\"pwned\")&lt;/script&gt;"), list);
    assertFalse(list.contains("title=\"desc \"quoted"), "quote inside an attribute escaped");
    String id = fake.integrations.keySet().iterator().next();
    String details = client.get("/console/integrations/" + id).body();
    assertFalse(details.contains("<script>alert"));
    assertFalse(details.contains("<b>bold</b>"));
  }

  @Test
  void refusesFormsWithoutTheSessionsCsrfToken() throws Exception {
    signIn();
    confirmDomains();
    Map<String, String> form = setupForm("no token");
    form.put("_csrf", "forged");
    HttpResponse<String> response =
        client.post("/console/integrations/products/darktrace-detect/new", form);
    assertEquals(403, response.statusCode());
    assertTrue(response.body().contains("CONSOLE_CSRF_MISMATCH"));
    assertTrue(fake.integrations.isEmpty());
  }

  @Test
  void setupErrorsAppearNextToTheirFieldAndKeepWhatWasTyped() throws Exception {
    signIn();
    confirmDomains();
    client.get("/console/integrations/products/darktrace-detect/new");
    Map<String, String> form = setupForm("Paris");
    form.put("networkMode", "manual");
    form.put("address", "10.0.0.300");
    form.put("prefix", "abc");
    form.put("gateway", "10.0.0.1");
    form.put("syslogAddress", "fe80::1");
    HttpResponse<String> response =
        client.post("/console/integrations/products/darktrace-detect/new", form);
    assertEquals(422, response.statusCode());
    String body = response.body();
    assertTrue(body.contains("id=\"address-error\""), body);
    assertTrue(body.contains("10.0.0.300"));
    assertTrue(body.contains("id=\"prefix-error\""));
    assertTrue(body.contains("is an IPv6 address; choose IPv6"));
    assertTrue(body.contains("value=\"Paris\""));
    assertTrue(body.contains("value=\"collector-01\""));
    assertTrue(fake.integrations.isEmpty());
  }

  @Test
  void firstIntegrationAsksForDomainsAndIpsThenContinuesToSetup() throws Exception {
    signIn();
    HttpResponse<String> response = client.get("/console/integrations/products/darktrace-detect/new");
    assertEquals(303, response.statusCode());
    String prompt = client.follow(response).body();
    assertTrue(prompt.contains("First, your domains and IPs"));
    assertTrue(prompt.contains("169.254.0.0/16"));
    HttpResponse<String> bad = client.post("/console/settings/domains-and-ips",
        Map.of("first", "darktrace-detect", "ipRanges", "10.0.0.0/8\n300.1.1.0/24", "domains", "corp.example.com"));
    assertEquals(422, bad.statusCode());
    assertTrue(bad.body().contains("300.1.1.0/24"));
    assertTrue(bad.body().contains("10.0.0.0/8\n300.1.1.0/24"), "input kept");
    HttpResponse<String> good = client.post("/console/settings/domains-and-ips",
        Map.of("first", "darktrace-detect", "ipRanges", "10.0.0.0/8\n192.168.1.7/32", "domains", "corp.example.com"));
    assertEquals(303, good.statusCode());
    assertEquals("/console/integrations/products/darktrace-detect/new",
        good.headers().firstValue("Location").orElseThrow());
    assertTrue(fake.domains.confirmed());
    assertEquals(List.of("10.0.0.0/8", "192.168.1.7/32"), fake.domains.ipRanges());
  }

  @Test
  void rangeCheckAsYouTypeNamesTheWrongValue() throws Exception {
    signIn();
    client.get("/console/settings/domains-and-ips");
    HttpResponse<String> response = client.post("/console/settings/domains-and-ips/check?field=ipRanges",
        Map.of("ipRanges", "10.0.0.0/8\n10.0.0.1"));
    assertEquals(200, response.statusCode());
    assertTrue(response.body().contains("id=\"ipRanges-check\""));
    assertTrue(response.body().contains("10.0.0.1"));
    assertTrue(response.body().contains("/32"));
  }

  @Test
  void savingAnIntegrationShowsItsPortAndStartsTheImage() throws Exception {
    signIn();
    confirmDomains();
    client.get("/console/integrations/products/darktrace-detect/new");
    String list = client.follow(client.post(
        "/console/integrations/products/darktrace-detect/new", setupForm("Lyon"))).body();
    assertTrue(list.contains("listens on port 6514"), list);
    assertTrue(list.contains(">6514<"));
    assertTrue(list.contains("aria-label=\"Image build progress\""), "image build shown");
    assertEquals(1, fake.imageStarted.size());
  }

  @Test
  void everyResponseForbidsInlineScriptsAndFraming() throws Exception {
    HttpResponse<String> response = client.get("/console/sign-in");
    String csp = response.headers().firstValue("Content-Security-Policy").orElseThrow();
    assertTrue(csp.contains("script-src 'self'"));
    assertFalse(csp.contains("unsafe-inline"));
    assertEquals("DENY", response.headers().firstValue("X-Frame-Options").orElseThrow());
    assertFalse(response.body().contains("<script>"), "no inline scripts");
  }

  @Test
  void acknowledgingAnAlertRecordsWhoDidIt() throws Exception {
    signIn();
    fake.alerts.put("a1", new dev.sluice.console.backend.HealthAlerts.Alert("a1", "Medium",
        "Integration offline for 24 hours", "No heartbeat", null, "Paris", java.time.Instant.now(), null, null));
    assertTrue(client.get("/console/alerts").body().contains("Acknowledge"));
    HttpResponse<String> response = client.post("/console/alerts/a1/acknowledge", Map.of());
    assertEquals(303, response.statusCode());
    assertTrue(fake.alerts.get("a1").acknowledged());
    assertTrue(client.follow(response).body().contains("Acknowledged by admin@example.com"));
  }

  @Test
  void queryErrorsShowTheLakesCode() throws Exception {
    signIn();
    fake.lake = (sql, key) -> sql.startsWith("DROP")
        ? dev.sluice.console.backend.Outcome.refused("QUERY_NOT_SELECT", "Only SELECT queries can run.")
        : dev.sluice.console.backend.Outcome.ok(new dev.sluice.console.backend.LakeQueries.Page(
            List.of("n"), List.of(), null, null, 1));
    String body = client.get("/console/data-lake?sql=DROP+TABLE+alerts").body();
    assertTrue(body.contains("QUERY_NOT_SELECT"));
    assertTrue(body.contains("Only SELECT queries can run."));
    assertTrue(body.contains("DROP TABLE alerts"), "query kept in the editor");
  }
}
