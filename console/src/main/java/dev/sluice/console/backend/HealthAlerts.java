package dev.sluice.console.backend;

import java.time.Instant;
import java.util.List;

/** Integration health alerts (raised after 24 hours offline or failed) and acknowledging them. */
public interface HealthAlerts {

  List<Alert> list(Principal principal);

  Outcome<Alert> acknowledge(Principal principal, String alertId);

  record Alert(
      String id,
      String severity,
      String title,
      String description,
      String integrationId,
      String integrationName,
      Instant raisedAt,
      Instant acknowledgedAt,
      String acknowledgedBy) {

    public boolean acknowledged() {
      return acknowledgedAt != null;
    }
  }
}
