package dev.sluice.console;

import dev.sluice.console.backend.Integrations;
import dev.sluice.console.backend.LakeQueries;
import dev.sluice.console.backend.Outcome;
import io.javalin.Javalin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The workflow on the fake backend: "booting" marks the appliance online and "sending" records
 * the alerts as a heartbeat and lake rows would. For looking at pages; the real workflow is
 * {@code CentralStack}.
 */
final class FakeStack implements WorkflowStack {

  private final FakeBackend fake;
  private final Javalin app;
  private final List<List<String>> rows = new ArrayList<>();

  FakeStack() {
    Clock clock = Clock.systemUTC();
    fake = new FakeBackend(clock);
    fake.buildTime = Duration.ofSeconds(3);
    app = Javalin.create(new Console(fake.backend(), clock, false)::addTo).start("127.0.0.1", 0);
    fake.lake = (sql, key) -> sql.contains("AS bucket")
        ? Outcome.ok(new LakeQueries.Page(List.of("bucket", "alerts"),
            rows.isEmpty() ? List.of() : List.of(List.of(
                Long.toString(Instant.now().getEpochSecond() / 3600 * 3600),
                Integer.toString(rows.size()))), null, 2))
        : sql.contains("AS type_name")
            ? Outcome.ok(new LakeQueries.Page(List.of("alert_type", "alerts"),
                rows.isEmpty() ? List.of() : List.of(List.of("Anomalous Connection/High DGA Low DNS TTL",
                    Integer.toString(rows.size()))), null, 2))
            : Outcome.ok(new LakeQueries.Page(List.of("receive_time", "alert_kind", "alert_type"),
                rows, null, 4));
  }

  @Override
  public String baseUrl() {
    return "http://127.0.0.1:" + app.port();
  }

  @Override
  public String email() {
    return FakeBackend.EMAIL;
  }

  @Override
  public String password() {
    return FakeBackend.PASSWORD;
  }

  @Override
  public String syslogAddress() {
    return "127.0.0.1";
  }

  @Override
  public void bootAppliance(Path image) throws Exception {
    if (Files.size(image) == 0) {
      throw new IllegalStateException("empty image");
    }
    for (var entry : fake.appliances.entrySet()) {
      var a = entry.getValue();
      fake.appliances.put(entry.getKey(), new dev.sluice.console.backend.Appliances.Appliance(
          a.id(), a.name(), a.description(), a.platform(), a.network(), a.syslogIpVersion(),
          a.syslogAddress(), "online", true, Instant.now(), "0.1.0", a.integrationCount(),
          a.createdAt()));
    }
    for (String id : fake.integrations.keySet()) {
      fake.health.put(id, new Integrations.Health(true, Instant.now(), "0.1.0", 0, 0, 0,
          List.of(), Map.of(), 0, null));
    }
  }

  @Override
  public void sendAlerts(int port, int count) {
    Instant now = Instant.now();
    for (int i = 0; i < count; i++) {
      rows.add(List.of(now.toString(), "model_breach", "Anomalous Connection/High DGA Low DNS TTL"));
    }
    for (String id : fake.integrations.keySet()) {
      fake.health.put(id, new Integrations.Health(true, now, "0.1.0", count + 1, count + 1, 0,
          List.of(new Integrations.Sender("dt-lab-01", "127.0.0.1", count + 1, count + 1, 0, now)),
          Map.of(), 1, now));
    }
  }

  @Override
  public void close() {
    app.stop();
  }
}
