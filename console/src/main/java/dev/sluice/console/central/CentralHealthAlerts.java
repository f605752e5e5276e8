package dev.sluice.console.central;

import dev.sluice.central.integration.IntegrationView;
import dev.sluice.console.backend.HealthAlerts;
import dev.sluice.console.backend.Outcome;
import dev.sluice.console.backend.Principal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@link HealthAlerts} on central's health service. */
final class CentralHealthAlerts implements HealthAlerts {

  private final CentralCalls calls;

  CentralHealthAlerts(CentralCalls calls) {
    this.calls = calls;
  }

  @Override
  public List<HealthAlerts.Alert> list(Principal principal) {
    return calls.read(principal, p -> {
      Map<String, String> names = new HashMap<>();
      for (IntegrationView integration : calls.central().integrations().list(p)) {
        names.put(integration.id(), integration.name());
      }
      return calls.central().health().alerts(p, false).stream()
          .filter(a -> !"resolved".equals(a.state()))
          .map(a -> convert(a, names)).toList();
    }).orElse(List.of());
  }

  @Override
  public Outcome<HealthAlerts.Alert> acknowledge(Principal principal, String alertId) {
    return calls.attempt(principal, p -> {
      Map<String, String> names = new HashMap<>();
      for (IntegrationView integration : calls.central().integrations().list(p)) {
        names.put(integration.id(), integration.name());
      }
      return convert(calls.central().health().acknowledge(p, alertId), names);
    });
  }

  private static HealthAlerts.Alert convert(dev.sluice.central.health.Alert a, Map<String, String> names) {
    String integrationName = names.getOrDefault(a.integrationId(), "Deleted integration");
    String title = dev.sluice.central.health.Alert.KIND_INTEGRATION_UNHEALTHY.equals(a.kind())
        ? "Integration offline or failed for 24 hours" : CentralCalls.sentence(a.kind());
    String severity = a.severity() == null || a.severity().isEmpty() ? "Medium"
        : Character.toUpperCase(a.severity().charAt(0)) + a.severity().substring(1);
    return new HealthAlerts.Alert(a.id(), severity, title, CentralCalls.sentence(a.message()),
        names.containsKey(a.integrationId()) ? a.integrationId() : null, integrationName,
        a.raisedAt(), a.acknowledgedAt(), a.acknowledgedBy());
  }
}
