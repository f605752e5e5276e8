package dev.sluice.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.cef.CefParseResult;
import dev.sluice.cef.CefParser;
import dev.sluice.cli.demo.CentralApi;
import dev.sluice.cli.demo.DemoOptions;
import dev.sluice.cli.demo.DemoResult;
import dev.sluice.cli.demo.DemoWorkflow;
import dev.sluice.cli.demo.SluiceProcess;
import dev.sluice.darktracesim.AlertFilter;
import dev.sluice.darktracesim.SyslogCefSettings;
import dev.sluice.darktracesim.alert.AlertGenerator;
import dev.sluice.darktracesim.alert.AlertKind;
import dev.sluice.darktracesim.alert.AlertMix;
import dev.sluice.darktracesim.alert.DarktraceAlert;
import dev.sluice.darktracesim.render.SyslogMessageWriter;
import dev.sluice.darktracesim.send.LoadRun;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * The whole product end to end, as {@code sluice demo} runs it: central + lake and an appliance as
 * real child processes on loopback, everything driven through the REST API, two emulated
 * Darktrace instances. Then exact checks: every alert sent is in the lake once with the right
 * kind, sender and fields; the test alert is marked; invalid messages are quarantined and
 * counted, not stored; a second deployment of the same image is refused.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 4, unit = java.util.concurrent.TimeUnit.MINUTES)
class EndToEndAcceptanceTest {

  private static final int ALERTS_PER_INSTANCE = 1_500;
  private static final long SEED = 20_261_127;

  private DemoOptions options;
  private DemoWorkflow workflow;
  private DemoResult result;
  private CentralApi api;
  private List<Row> rows;
  private ServerSocket defaultMetricsPort;

  /** One alert as the lake holds it. */
  record Row(String sender, String kind, boolean test, String cef, String title, String deviceIp) {}

  @BeforeAll
  void runTheDemoWorkflow() throws Exception {
    Path data = Path.of("target", "acceptance-" + System.currentTimeMillis()).toAbsolutePath();
    Files.createDirectories(data);
    SplittableRandom random = new SplittableRandom();
    String syslogAddress = "127.0." + (1 + random.nextInt(250)) + "." + (2 + random.nextInt(250));
    // Below Linux's ephemeral range, on an address of its own: no clash with other tests' ports.
    int firstPort = 20_000 + random.nextInt(12_000);
    PrintStream progress = new PrintStream(Files.newOutputStream(data.resolve("demo.out")), true);
    options = new DemoOptions(data, freePort(), syslogAddress, firstPort + "-" + (firstPort + 20),
        ALERTS_PER_INSTANCE, 3_000, SEED, Instant.now().minus(Duration.ofMinutes(30))
            .truncatedTo(ChronoUnit.SECONDS),
        "admin@acceptance.test", "acceptance-password-" + random.nextInt(1_000_000), progress);
    // Another appliance on this host (another test run, a demo) may hold the appliance's default
    // metrics port; the demo must not depend on it being free. Hold it unless it is held already.
    try {
      defaultMetricsPort = new ServerSocket(9464, 1, InetAddress.getLoopbackAddress());
    } catch (IOException heldAlready) {
      defaultMetricsPort = null;
    }
    workflow = new DemoWorkflow(options);
    result = workflow.run();
    api = workflow.api();
    rows = fetchRows(result.integrationId());
  }

  @AfterAll
  void stopProcesses() throws IOException {
    if (workflow != null) {
      workflow.close();
    }
    if (defaultMetricsPort != null) {
      defaultMetricsPort.close();
    }
  }

  @Test
  @Order(1)
  void everyAlertSentIsInTheLakeExactlyOnceWithItsSender() {
    Map<String, Integer> expected = new HashMap<>();
    for (Map.Entry<String, List<String>> sent : expectedMessages().entrySet()) {
      for (String cef : sent.getValue()) {
        expected.merge(sent.getKey() + "\u0000" + cef, 1, Integer::sum);
      }
    }
    Map<String, Integer> actual = new HashMap<>();
    for (Row row : rows) {
      actual.merge(row.sender() + "\u0000" + row.cef(), 1, Integer::sum);
    }
    assertEquals(2 * ALERTS_PER_INSTANCE + 1, rows.size());
    assertEquals(2 * ALERTS_PER_INSTANCE + 1, result.lakeRows());
    List<String> missing = new ArrayList<>();
    expected.forEach((key, n) -> {
      if (!n.equals(actual.get(key))) {
        missing.add(key.replace('\u0000', ' ') + " expected " + n + ", found " + actual.get(key));
      }
    });
    assertTrue(missing.isEmpty(), missing.size() + " alerts not in the lake exactly once, e.g. "
        + missing.subList(0, Math.min(3, missing.size())));
    assertEquals(expected.size(), actual.size(), "nothing else is in the lake");
  }

  @Test
  @Order(2)
  void eachAlertKeepsItsKindTitleAndDevice() {
    CefParser parser = new CefParser();
    Map<AlertKind, String> kindNames = new EnumMap<>(AlertKind.class);
    for (Row row : rows) {
      var event = ((CefParseResult.Parsed) parser.parse(row.cef())).event();
      AlertKind kind = kindOf(event.deviceProduct(), event.name(), event.get("darktraceUrl"));
      String previous = kindNames.putIfAbsent(kind, row.kind());
      assertEquals(previous == null ? row.kind() : previous, row.kind(),
          "one lake alert kind per Darktrace kind: " + row);
      assertEquals(alertType(event.name()), alertType(row.title()),
          "the title is the CEF name (the normalizer may tidy spaces around '/')");
      String dvc = event.get("dvc");
      if (dvc != null && !dvc.equals("0.0.0.0")) {
        assertEquals(dvc, row.deviceIp(), "the device is the breaching device");
      }
      assertEquals(kind == AlertKind.TEST, row.test(), "only the test alert is marked: " + row);
    }
    assertEquals(4, kindNames.size(), "every kind arrived: " + kindNames);
    assertEquals(4, kindNames.values().stream().distinct().count(),
        "the kinds are told apart: " + kindNames);
  }

  @Test
  @Order(3)
  void theVerifyTestAlertIsInTheLakeMarkedAsTestAlert() {
    List<Row> tests = rows.stream().filter(Row::test).toList();
    assertEquals(1, tests.size());
    assertEquals(result.instances().get(0).hostname(), tests.get(0).sender());
    assertTrue(tests.get(0).cef().contains("|Unrestricted Test Model|"));
  }

  @Test
  @Order(4)
  void invalidMessagesAreQuarantinedWithReasonsAndCountedNotStored() {
    long rejected = result.rejectedByReason().values().stream().mapToLong(Long::longValue).sum();
    assertEquals(DemoOptions.INVALID_MESSAGES.size(), rejected, result.rejectedByReason().toString());
    assertTrue(result.rejectedByReason().size() >= 2,
        "different faults have different reasons: " + result.rejectedByReason());
    assertTrue(rows.stream().noneMatch(r -> r.cef().contains("|Acme|")));
    assertTrue(rows.stream().noneMatch(r -> r.cef().endsWith("|DCIP|6.2.4")));
  }

  @Test
  @Order(5)
  void aSecondDeploymentOfTheSameImageIsRefused() throws Exception {
    Path secondData = options.data().resolve("appliance-second");
    SluiceProcess second =
        workflow.startApplianceProcess("appliance-second", result.image(), secondData);
    Optional<Integer> exit = second.awaitExit(Duration.ofSeconds(90));
    assertTrue(exit.isPresent(), "the second deployment must stop, not run:\n" + second.tail(20));
    assertNotEquals(0, exit.get());
    String output = second.output();
    assertTrue(output.contains("ENROLLMENT_SECRET_USED") || output.contains("already used"),
        "the refusal says the image was used already:\n" + second.tail(20));
    long count = api.query("SELECT count(*) FROM alerts WHERE integration_id = '"
        + result.integrationId() + "'").get(0).get(0).asLong();
    assertEquals(2 * ALERTS_PER_INSTANCE + 1, count, "still exactly once after all this");
  }

  /** The messages each instance sent (CEF part), regenerated from the seeds. */
  private Map<String, List<String>> expectedMessages() {
    Map<String, List<String>> byHost = new HashMap<>();
    SyslogCefSettings first = SyslogCefSettings.recommended(options.syslogAddress(),
        result.syslogPort());
    for (int i = 0; i < 2; i++) {
      SyslogCefSettings mine = first.withHostname(LoadRun.hostnameFor(first.hostname(), i));
      AlertGenerator generator = new AlertGenerator(SEED + i, options.start(), AlertMix.TYPICAL);
      AlertFilter filter = new AlertFilter(mine);
      SyslogMessageWriter writer = new SyslogMessageWriter(mine);
      List<String> messages = new ArrayList<>();
      while (messages.size() < ALERTS_PER_INSTANCE) {
        DarktraceAlert alert = generator.next();
        if (filter.sends(alert)) {
          messages.add(cefPart(writer.message(alert)));
        }
      }
      byHost.put(mine.hostname(), messages);
    }
    byHost.get(first.hostname()).add(cefOfTestAlert());
    return byHost;
  }

  private String cefOfTestAlert() {
    return rows.stream().filter(Row::test).map(Row::cef).findFirst().orElse("<no test alert>");
  }

  private List<Row> fetchRows(String integrationId) {
    List<Row> all = new ArrayList<>();
    for (int offset = 0; ; offset += 1_000) {
      List<JsonNode> page = api.query("SELECT sender_hostname, alert_kind, test_alert, raw_data,"
          + " ocsf.finding_info.title, ocsf.device.ip FROM alerts WHERE integration_id = '"
          + integrationId + "' ORDER BY event_id LIMIT 1000 OFFSET " + offset);
      for (JsonNode r : page) {
        all.add(new Row(r.get(0).asText(), r.get(1).asText(), r.get(2).asBoolean(),
            cefPart(r.get(3).asText()), r.get(4).asText(null), r.get(5).asText(null)));
      }
      if (page.size() < 1_000) {
        return all;
      }
    }
  }

  private static String cefPart(String message) {
    int at = message.indexOf("CEF:");
    return at < 0 ? message : message.substring(at);
  }

  private static AlertKind kindOf(String product, String name, String url) {
    if (name.equals("Unrestricted Test Model")) {
      return AlertKind.TEST;
    }
    if (product.equals("AI Analyst")) {
      return AlertKind.AI_ANALYST;
    }
    return url != null && url.contains("/sysstatus") ? AlertKind.SYSTEM_STATUS
        : AlertKind.MODEL_BREACH;
  }

  private static String alertType(String name) {
    return name == null ? null : name.replaceAll("\\s*/\\s*", "/");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
