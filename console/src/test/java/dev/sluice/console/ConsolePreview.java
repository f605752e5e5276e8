package dev.sluice.console;

import dev.sluice.console.backend.Appliances;
import dev.sluice.console.backend.HealthAlerts;
import dev.sluice.console.backend.Integrations;
import dev.sluice.console.backend.LakeQueries;
import dev.sluice.console.backend.Outcome;
import io.javalin.Javalin;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The console on the fake backend, for looking at pages while central is elsewhere:
 * {@code java ... dev.sluice.console.ConsolePreview [port]}. Signs in as {@link FakeBackend#EMAIL}.
 */
public final class ConsolePreview {

  public static void main(String[] args) {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 7070;
    Clock clock = Clock.systemUTC();
    FakeBackend fake = seeded(clock);
    Console console = new Console(fake.backend(), clock, false);
    Javalin app = Javalin.create(console::addTo).start("127.0.0.1", port);
    System.out.println("console preview on http://127.0.0.1:" + app.port() + "/console/");
  }

  static FakeBackend seeded(Clock clock) {
    FakeBackend fake = new FakeBackend(clock);
    Instant now = clock.instant();
    fake.domains = new dev.sluice.console.backend.DomainsAndIps(List.of("corp.example.com"),
        dev.sluice.console.backend.DomainsAndIps.DEFAULT_RANGES, true);
    var p = fake.signIn(FakeBackend.EMAIL, FakeBackend.PASSWORD, "127.0.0.1");
    var principal = ((Outcome.Ok<dev.sluice.console.backend.Principal>) p).value();
    var created = fake.integrationsApi.create(principal, new Integrations.NewIntegration(
        "darktrace-detect", "London HQ <script>alert(1)</script>", "Primary \"DETECT\" cluster",
        null, new Integrations.NewAppliance("lon-collector-01", "Rack 4", Appliances.Platform.ESXI,
            Appliances.Network.dhcp(), Appliances.IpVersion.IPV4, "10.20.0.15")));
    var integration = ((Outcome.Ok<Integrations.Integration>) created).value();
    fake.appliancesApi.buildImage(principal, integration.applianceId(), Appliances.Platform.ESXI);
    fake.health.put(integration.id(), new Integrations.Health(true, now.minusSeconds(4), "0.1.0",
        12_482, 12_470, 12, 38.5,
        List.of(new Integrations.Sender("dt-master-01", "10.20.1.5", 9_001, 8_995, 6, now.minusSeconds(20)),
            new Integrations.Sender("dt-probe-lon", "10.20.1.9", 3_481, 3_475, 6, now.minusSeconds(95))),
        Map.of("NOT_CEF", 7L, "WRONG_VENDOR", 5L), 1, now.minus(Duration.ofMinutes(42))));
    fake.alerts.put("alert-1", new HealthAlerts.Alert("alert-1", "Medium",
        "Integration offline for 24 hours", "Paris branch has sent no heartbeat since yesterday.",
        integration.id(), integration.name(), now.minus(Duration.ofHours(3)), null, null));
    fake.lake = (sql, key) -> Outcome.ok(new LakeQueries.Page(
        List.of("receive_time", "alert_type", "device"),
        List.of(List.of("2026-11-27 18:01:02", "Anomalous Connection/High DGA Low DNS TTL", "ws-114"),
            List.of("2026-11-27 18:00:41", "Compromise/Beaconing Activity To External Rare", "srv-db-2")),
        null, null, 12));
    return fake;
  }
}
