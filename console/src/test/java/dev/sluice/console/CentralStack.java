package dev.sluice.console;

import dev.sluice.central.Central;
import dev.sluice.central.CentralExtension;
import dev.sluice.central.CentralOptions;
import dev.sluice.central.CentralServer;
import dev.sluice.central.PortRange;
import dev.sluice.console.central.ConsoleExtension;
import dev.sluice.darktracesim.AlertSendingVerifier;
import dev.sluice.darktracesim.SyslogCefSettings;
import dev.sluice.darktracesim.VerifyResult;
import dev.sluice.darktracesim.send.LoadPlan;
import dev.sluice.darktracesim.send.LoadReport;
import dev.sluice.darktracesim.send.LoadRun;
import dev.sluice.lake.LakeConfig;
import dev.sluice.lake.LakeRoutes;
import dev.sluice.lake.LakeService;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The real thing, as {@code sluice up} runs it: central with the lake's routes and the console on
 * one HTTPS port, a real appliance booted from the downloaded image, and the Darktrace emulator
 * sending to it. Everything on loopback.
 */
final class CentralStack implements WorkflowStack {

  static final String EMAIL = "admin@example.com";
  static final String PASSWORD = "workflow-test-password-1";

  private final Path work;
  private final LakeService lake;
  private final CentralServer server;
  private final ApplianceRunner appliance;

  CentralStack(Path work) throws Exception {
    this.work = work;
    AtomicReference<Central> central = new AtomicReference<>();
    this.lake = LakeService.start(LakeConfig.defaults(Files.createDirectories(work.resolve("lake"))),
        (applianceIdentity, integrationId) -> central.get() != null
            && central.get().integrations().ownedBy(applianceIdentity.applianceId(), integrationId),
        Clock.systemUTC());
    CentralExtension lakeRoutes = (config, c) -> new LakeRoutes(lake,
        ctx -> c.auth().authenticate(ctx).map(p -> p.tenantId()),
        ctx -> c.appliances().authenticate(ctx)
            .map(a -> new dev.sluice.lake.ApplianceIdentity(a.tenantId(), a.applianceId())))
        .addTo(config.routes);
    int firstPort = freePortBlock();
    CentralOptions options = CentralOptions.builder(Files.createDirectories(work.resolve("central")))
        .bindHost("127.0.0.1")
        .port(0)
        .bootstrapAdmin(EMAIL, PASSWORD)
        .integrationPorts(new PortRange(firstPort, firstPort + 9))
        .heartbeatInterval(Duration.ofSeconds(1))
        .healthCheckInterval(Duration.ofSeconds(1))
        .out(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
        .build();
    this.server = CentralServer.start(options, List.of(lakeRoutes, new ConsoleExtension(() -> lake)));
    central.set(server.central());
    this.appliance = new ApplianceRunner(work.resolve("appliance"));
  }

  @Override
  public String baseUrl() {
    return "https://127.0.0.1:" + server.port();
  }

  @Override
  public String email() {
    return EMAIL;
  }

  @Override
  public String password() {
    return PASSWORD;
  }

  @Override
  public String syslogAddress() {
    return "127.0.0.1";
  }

  @Override
  public void bootAppliance(Path image) throws Exception {
    appliance.boot(image);
  }

  @Override
  public void sendAlerts(int port, int count) throws Exception {
    SyslogCefSettings settings = SyslogCefSettings.recommended("127.0.0.1", port)
        .withHostname("dt-lab-01.corp.example.com");
    VerifyResult verified = new AlertSendingVerifier(Clock.systemUTC()).verify(settings);
    if (!(verified instanceof VerifyResult.Sent)) {
      throw new IllegalStateException("verify alert sending failed: " + verified);
    }
    LoadReport report = new LoadRun(settings, LoadPlan.count(count, 7, Instant.now())).run();
    if (report.sent() != count) {
      throw new IllegalStateException("emulator sent " + report.describe());
    }
  }

  /** A block of 10 ports that were free a moment ago, for the integrations' listeners. */
  private static int freePortBlock() throws Exception {
    for (int attempt = 0; attempt < 50; attempt++) {
      int base;
      try (ServerSocket socket = new ServerSocket(0)) {
        base = socket.getLocalPort();
      }
      if (base + 10 > 65_535) {
        continue;
      }
      boolean free = true;
      for (int p = base; p < base + 10 && free; p++) {
        try (ServerSocket probe = new ServerSocket(p)) {
          probe.setReuseAddress(true);
        } catch (java.io.IOException e) {
          free = false;
        }
      }
      if (free) {
        return base;
      }
    }
    throw new IllegalStateException("no free block of 10 ports");
  }

  @Override
  public void close() throws Exception {
    appliance.close();
    server.close();
    lake.close();
  }
}
