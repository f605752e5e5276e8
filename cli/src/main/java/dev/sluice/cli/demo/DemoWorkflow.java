package dev.sluice.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.darktracesim.AlertSendingVerifier;
import dev.sluice.darktracesim.SyslogCefSettings;
import dev.sluice.darktracesim.VerifyResult;
import dev.sluice.darktracesim.alert.AlertMix;
import dev.sluice.darktracesim.send.LoadPlan;
import dev.sluice.darktracesim.send.LoadReport;
import dev.sluice.darktracesim.send.LoadRun;
import dev.sluice.darktracesim.send.Rate;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The whole seed workflow on one machine, through the public interfaces only: central + lake
 * ({@code sluice up}) as a child process; the tenant's domains and IPs, a Darktrace DETECT
 * integration with a new appliance, the image build and download through the REST API; an
 * appliance process booted from the downloaded image ({@code sluice appliance --image}); two
 * emulated Darktrace instances (the first verifies alert sending, then both send); a few invalid
 * messages; then it waits until the lake holds every alert and asks the lake and central what
 * arrived. Used by {@code sluice demo} and by the acceptance test.
 */
public final class DemoWorkflow implements AutoCloseable {

  private static final Pattern LISTENING = Pattern.compile("central: listening on (\\S+)");
  private static final Pattern FINGERPRINT =
      Pattern.compile("fingerprint ([0-9A-Fa-f]{2}(?::[0-9A-Fa-f]{2}){31})");
  private static final Pattern METRICS = Pattern.compile("Metrics on (http://\\S+/metrics)");
  private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
  private static final String DARKTRACE_DETECT = "darktrace-detect";

  private final DemoOptions options;
  private final List<SluiceProcess> processes = new ArrayList<>();
  private CentralApi api;
  private SluiceProcess central;
  private SluiceProcess appliance;
  private int step;

  public DemoWorkflow(DemoOptions options) {
    this.options = options;
  }

  /** Central's API client, logged in (after {@link #run()} started central). */
  public CentralApi api() {
    return api;
  }

  public Path logs() {
    return options.data().resolve("logs");
  }

  /** Runs every step; processes stay up until {@link #close()}. */
  public DemoResult run() throws IOException, InterruptedException {
    URI url = startCentral();
    say("logging in as %s", options.adminEmail());
    api.login(options.adminEmail(), options.adminPassword());

    say("saving the tenant's domains and IPs (internal domain corp.example.com, default ranges)");
    ObjectNode domains = CentralApi.object();
    domains.putArray("internalDomains").add("corp.example.com");
    JsonNode current = api.get("/api/v1/domains-and-ips");
    var ranges = domains.putArray("internalIpRanges");
    current.path("internalIpRanges").forEach(ranges::add);
    api.put("/api/v1/domains-and-ips", domains);

    JsonNode integration = createIntegration();
    String integrationId = safeId(integration.path("id").asText());
    int port = integration.path("port").asInt();
    String applianceId = safeId(applianceIdOf(integration));
    say("integration %s listens on %s:%d of new appliance %s", integrationId,
        options.syslogAddress(), port, applianceId);

    Path image = buildAndDownloadImage(applianceId);
    startAppliance(image, integrationId, port);

    SyslogCefSettings first = SyslogCefSettings.recommended(options.syslogAddress(), port);
    say("Darktrace instance %s: Verify alert sending", first.hostname());
    VerifyResult verify = new AlertSendingVerifier(Clock.systemUTC()).verify(first);
    if (!verify.sent()) {
      throw new DemoException("the test alert was not sent: " + verify);
    }
    say("  1 Alert Sent (test alert \"Unrestricted Test Model\")");

    LoadRun run = new LoadRun(first, new LoadPlan(2, new Rate(2L * options.rate()),
        OptionalLong.of(2L * options.alertsPerInstance()), Optional.empty(), options.seed(),
        options.start(), AlertMix.TYPICAL, options.alertsPerInstance(), Duration.ofSeconds(60)));
    say("two Darktrace instances send %,d alerts each at %,d/s: %s, %s",
        options.alertsPerInstance(), options.rate(), run.instanceSettings().get(0).hostname(),
        run.instanceSettings().get(1).hostname());
    LoadReport load = run.run();
    if (!load.completed() || load.sent() != 2L * options.alertsPerInstance()) {
      throw new DemoException("the emulated instances did not send everything:\n"
          + load.describe());
    }
    say("  %s", load.describe().lines().findFirst().orElse(""));

    say("sending %d invalid messages (not CEF, another vendor, truncated CEF)",
        DemoOptions.INVALID_MESSAGES.size());
    sendRaw(options.syslogAddress(), port, DemoOptions.INVALID_MESSAGES);

    long expected = load.sent() + 1;
    say("waiting until the lake holds all %,d alerts", expected);
    String where = "integration_id = '" + integrationId + "'";
    long[] rows = {0};
    awaitCondition(Duration.ofSeconds(120), Duration.ofMillis(500), () -> {
      rows[0] = count("SELECT count(*) FROM alerts WHERE " + where);
      return rows[0] >= expected;
    }, () -> "the lake holds " + rows[0] + " of " + expected + " alerts (appliance log "
        + appliance.log() + ")");
    Map<String, Long> rejects = new LinkedHashMap<>();
    JsonNode[] details = {null};
    awaitCondition(Duration.ofSeconds(60), Duration.ofMillis(500), () -> {
      details[0] = api.get("/api/v1/integrations/" + integrationId);
      rejects.clear();
      rejects.putAll(rejectedByReason(details[0]));
      return rejects.values().stream().mapToLong(Long::longValue).sum()
          >= DemoOptions.INVALID_MESSAGES.size();
    }, () -> "central does not report the rejected messages yet: " + details[0]);

    List<JsonNode> byKind = api.query("SELECT alert_kind, sender_hostname, test_alert, count(*)"
        + " AS alerts FROM alerts WHERE " + where
        + " GROUP BY alert_kind, sender_hostname, test_alert ORDER BY sender_hostname, alert_kind,"
        + " test_alert");
    List<JsonNode> topTypes = api.query("SELECT ocsf.finding_info.title AS title, count(*) AS"
        + " alerts FROM alerts WHERE " + where + " AND NOT test_alert GROUP BY 1"
        + " ORDER BY 2 DESC, 1 LIMIT 5");
    return new DemoResult(url, options.adminEmail(), options.adminPassword(), integrationId,
        applianceId, port, image, run.instanceSettings(), load, rows[0], byKind, topTypes, rejects,
        details[0]);
  }

  private URI startCentral() throws IOException {
    say("starting central + lake (sluice up) on port %d, data in %s", options.centralPort(),
        options.data().resolve("central"));
    central = start("central", List.of("up", "--data", options.data().resolve("central").toString(),
        "--port", Integer.toString(options.centralPort()), "--bind", "127.0.0.1",
        "--integration-ports", options.integrationPorts()),
        Map.of("SLUICE_BOOTSTRAP_ADMIN_EMAIL", options.adminEmail(),
            "SLUICE_BOOTSTRAP_ADMIN_PASSWORD", options.adminPassword()));
    Matcher fingerprint = central.awaitLine(FINGERPRINT, Duration.ofSeconds(120));
    central.awaitLine(LISTENING, Duration.ofSeconds(30));
    URI url = URI.create("https://127.0.0.1:" + options.centralPort() + "/");
    api = new CentralApi(url, fingerprint.group(1));
    return url;
  }

  private JsonNode createIntegration() {
    JsonNode products = api.get("/api/v1/marketplace/products");
    String productId = DARKTRACE_DETECT;
    for (JsonNode p : items(products)) {
      if (p.path("name").asText().equalsIgnoreCase("Darktrace DETECT")) {
        productId = p.path("id").asText(productId);
      }
    }
    say("adding a %s integration with a new appliance (ESXi, DHCP, syslog IP %s, TCP)",
        productId, options.syslogAddress());
    ObjectNode body = CentralApi.object()
        .put("product", productId)
        .put("name", "Darktrace DETECT (demo)")
        .put("description", "Two emulated Darktrace DETECT instances");
    ObjectNode fresh = body.putObject("appliance").putObject("new")
        .put("name", "demo-appliance")
        .put("description", "Collector for the demo")
        .put("platform", "esxi");
    fresh.putObject("network").put("mode", "dhcp");
    fresh.putObject("syslog").put("ipVersion", "ipv4").put("address", options.syslogAddress());
    return api.post("/api/v1/integrations", body);
  }

  /** {@code POST …/images}, wait until ready, download; returns the file. */
  public Path buildAndDownloadImage(String applianceId) throws InterruptedException {
    say("building the appliance image (OVA for ESXi)");
    ObjectNode request = CentralApi.object().put("platform", "esxi");
    api.post("/api/v1/appliances/" + applianceId + "/images", request);
    String path = "/api/v1/appliances/" + applianceId + "/images/esxi";
    JsonNode[] state = {null};
    awaitCondition(Duration.ofSeconds(120), Duration.ofMillis(300), () -> {
      state[0] = api.get(path);
      String s = state[0].path("state").asText();
      if (s.equalsIgnoreCase("failed")) {
        throw new DemoException("the image build failed: " + state[0]);
      }
      return s.equalsIgnoreCase("ready");
    }, () -> "the image is not ready: " + state[0]);
    Path file = options.data().resolve("images")
        .resolve(state[0].path("fileName").asText("sluice-appliance-" + applianceId + ".ova"));
    api.download(path + "/download", file);
    say("  downloaded %s", file);
    return file;
  }

  private void startAppliance(Path image, String integrationId, int port) throws IOException {
    say("booting the appliance from the image (sluice appliance --image)");
    appliance = startApplianceProcess("appliance", image, options.data().resolve("appliance"));
    // Ready once it lists its listeners, which it prints only after it started completely. A
    // port that accepts is not enough: a start that fails after the listener was bound closes
    // it again and resets the connections it had accepted.
    Matcher listening = appliance.awaitLine(Pattern.compile("Listening for integration "
        + Pattern.quote(integrationId) + " on \\S+ \\((\\w+)"), Duration.ofSeconds(120));
    if (!listening.group(1).equals("LISTENING")) {
      throw new DemoException("the appliance does not listen on " + options.syslogAddress() + ":"
          + port + ":\n" + appliance.tail(20));
    }
    Matcher metrics = appliance.awaitLine(METRICS, Duration.ofSeconds(30));
    say("  the appliance enrolled and listens on %s:%d (metrics on %s)", options.syslogAddress(),
        port, metrics.group(1));
  }

  /**
   * Starts another appliance process from {@code image} (e.g. a second deployment). Its metrics
   * endpoint takes any free port: the default one may belong to another appliance on this host.
   */
  public SluiceProcess startApplianceProcess(String name, Path image, Path data)
      throws IOException {
    return start(name, List.of("appliance", "--image", image.toString(), "--data",
        data.toString(), "--metrics-port", "0"), Map.of());
  }

  private SluiceProcess start(String name, List<String> args, Map<String, String> env)
      throws IOException {
    SluiceProcess process = SluiceProcess.start(name, args, env,
        logs().resolve(name + ".log"));
    processes.add(process);
    return process;
  }

  /** Sends raw LF-terminated lines on one TCP connection. */
  public static void sendRaw(String address, int port, List<String> lines) throws IOException {
    try (Socket socket = new Socket(address, port)) {
      OutputStream out = socket.getOutputStream();
      for (String line : lines) {
        out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
      }
      out.flush();
    }
  }

  private long count(String sql) {
    List<JsonNode> rows = api.query(sql);
    if (rows.isEmpty()) {
      return 0;
    }
    JsonNode row = rows.get(0);
    return row.isArray() ? row.get(0).asLong() : row.elements().next().asLong();
  }

  /** Every {@code rejectedByReason} object in central's answer, summed by reason. */
  static Map<String, Long> rejectedByReason(JsonNode node) {
    Map<String, Long> total = new LinkedHashMap<>();
    collectRejects(node, total);
    return total;
  }

  private static void collectRejects(JsonNode node, Map<String, Long> total) {
    if (node == null) {
      return;
    }
    if (node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        if (field.getKey().equals("rejectedByReason") && field.getValue().isObject()) {
          field.getValue().fields().forEachRemaining(
              r -> total.merge(r.getKey(), r.getValue().asLong(), Long::sum));
        } else if (!field.getKey().equals("senders")) {
          collectRejects(field.getValue(), total);
        }
      }
    } else if (node.isArray()) {
      node.forEach(child -> collectRejects(child, total));
    }
  }

  private static List<JsonNode> items(JsonNode node) {
    List<JsonNode> list = new ArrayList<>();
    (node.isArray() ? node : node.path("items")).forEach(list::add);
    return list;
  }

  private static String applianceIdOf(JsonNode integration) {
    JsonNode appliance = integration.path("appliance");
    if (appliance.isObject()) {
      return appliance.path("id").asText();
    }
    return integration.path("applianceId").asText();
  }

  private static String safeId(String id) {
    if (!SAFE_ID.matcher(id).matches()) {
      throw new DemoException("unexpected id from central: '" + id + "'");
    }
    return id;
  }

  /** Polls {@code condition} until true; throws with {@code describe} when the time is up. */
  public static void awaitCondition(Duration timeout, Duration every, BooleanSupplier condition,
      java.util.function.Supplier<String> describe) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      DemoException last = null;
      try {
        if (condition.getAsBoolean()) {
          return;
        }
      } catch (CentralApi.ApiError e) {
        last = e;
      }
      if (System.nanoTime() > deadline) {
        throw new DemoException("timed out after " + timeout.toSeconds() + " s: "
            + describe.get() + (last == null ? "" : " (last error: " + last.getMessage() + ")"));
      }
      Thread.sleep(every.toMillis());
    }
  }

  private void say(String format, Object... args) {
    if (format.startsWith("  ")) {
      options.out().printf(format + "%n", args);
    } else {
      options.out().printf("[%d] " + format + "%n", prepend(++step, args));
    }
    options.out().flush();
  }

  private static Object[] prepend(Object first, Object[] rest) {
    Object[] all = new Object[rest.length + 1];
    all[0] = first;
    System.arraycopy(rest, 0, all, 1, rest.length);
    return all;
  }

  /** Stops the appliance, then central (children started by this workflow only). */
  @Override
  public void close() {
    for (int i = processes.size() - 1; i >= 0; i--) {
      processes.get(i).close();
    }
  }
}
