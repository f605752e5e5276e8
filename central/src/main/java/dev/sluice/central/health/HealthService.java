package dev.sluice.central.health;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.sluice.central.api.ApiException;
import dev.sluice.central.api.ErrorCode;
import dev.sluice.central.api.JsonBodies;
import dev.sluice.central.appliance.Appliance;
import dev.sluice.central.appliance.ApplianceConfigs;
import dev.sluice.central.appliance.ApplianceIdentity;
import dev.sluice.central.appliance.ApplianceRepository;
import dev.sluice.central.audit.AuditLog;
import dev.sluice.central.auth.Principal;
import dev.sluice.central.db.Database;
import dev.sluice.central.integration.Integration;
import dev.sluice.central.integration.IntegrationRepository;
import dev.sluice.wire.control.Heartbeat;
import dev.sluice.wire.control.HeartbeatResponse;
import dev.sluice.wire.control.IntegrationHeartbeat;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Health: records heartbeats, keeps each integration's status, and raises a medium-severity alert
 * when an integration stays offline or failed for {@code alertAfter} (24 hours). The countdown
 * starts at the first unhealthy evaluation and resets when the integration turns healthy (its open
 * alert is then resolved) or when an admin acknowledges the alert (if the problem persists, a new
 * alert follows after another full period). Every decision uses the injected clock.
 */
public final class HealthService {
  private final Database database;
  private final HealthEvaluator evaluator;
  private final ApplianceConfigs configs;
  private final AuditLog audit;
  private final Duration alertAfter;
  private final Clock clock;

  public HealthService(Database database, HealthEvaluator evaluator, ApplianceConfigs configs, AuditLog audit,
      Duration alertAfter, Clock clock) {
    this.database = database;
    this.evaluator = evaluator;
    this.configs = configs;
    this.audit = audit;
    this.alertAfter = alertAfter;
    this.clock = clock;
  }

  /** Records a heartbeat of an authenticated appliance and re-evaluates its integrations. */
  public HeartbeatResponse recordHeartbeat(ApplianceIdentity identity, Heartbeat heartbeat) {
    Instant now = clock.instant();
    return database.write(connection -> {
      Appliance appliance = appliance(connection, identity);
      Map<String, Double> rates = rates(HealthEvaluator.stored(appliance), heartbeat);
      String json;
      try {
        json = JsonBodies.mapper().writeValueAsString(new StoredHeartbeat(heartbeat, now, rates));
      } catch (JsonProcessingException e) {
        throw new SQLException(e);
      }
      ApplianceRepository.recordHeartbeat(connection, appliance.id(), now, heartbeat.applianceVersion(), json);
      Appliance updated = appliance(connection, identity);
      for (Integration integration : IntegrationRepository.listForAppliance(connection, appliance.id())) {
        evaluate(connection, integration, updated, now);
      }
      return new HeartbeatResponse(now, configs.configFor(connection, updated).etag());
    });
  }

  /** The configuration of an authenticated appliance. */
  public ApplianceConfigs.Tagged config(ApplianceIdentity identity) {
    return database.read(connection -> configs.configFor(connection, appliance(connection, identity)));
  }

  /** Evaluates every integration now (the monitor calls this periodically). */
  public void evaluateAll() {
    Instant now = clock.instant();
    database.write(connection -> {
      Map<String, Appliance> appliances = new HashMap<>();
      for (Appliance appliance : ApplianceRepository.listAll(connection)) {
        appliances.put(appliance.id(), appliance);
      }
      for (Integration integration : IntegrationRepository.listAll(connection)) {
        Appliance appliance = appliances.get(integration.applianceId());
        if (appliance != null) {
          evaluate(connection, integration, appliance, now);
        }
      }
      return null;
    });
  }

  public List<Alert> alerts(Principal actor, boolean openOnly) {
    return database.read(connection -> AlertRepository.list(connection, actor.tenantId(), openOnly));
  }

  /** Acknowledges an alert; the integration's countdown restarts if it is still unhealthy. */
  public Alert acknowledge(Principal actor, String alertId) {
    actor.requireAdmin();
    Instant now = clock.instant();
    return database.write(connection -> {
      Alert alert = AlertRepository.find(connection, actor.tenantId(), alertId)
          .orElseThrow(() -> ApiException.notFound(ErrorCode.ALERT_NOT_FOUND, "alert", alertId));
      if (alert.acknowledgedAt() == null) {
        AlertRepository.acknowledge(connection, alertId, actor.email(), now);
        if (alert.integrationId() != null && alert.resolvedAt() == null) {
          Optional<Integration> integration = IntegrationRepository.listForAppliance(connection, alert.applianceId()).stream()
              .filter(i -> i.id().equals(alert.integrationId())).findFirst();
          if (integration.isPresent() && integration.get().unhealthySince() != null) {
            IntegrationRepository.updateHealth(connection, integration.get().id(), integration.get().healthStatus(),
                integration.get().healthReason(), now);
          }
        }
        audit.record(connection, actor, "alert.acknowledge", "alert", alertId, Map.of());
      }
      return AlertRepository.find(connection, actor.tenantId(), alertId).orElseThrow();
    });
  }

  private void evaluate(Connection connection, Integration integration, Appliance appliance, Instant now) throws SQLException {
    IntegrationHealth health = evaluator.integration(integration.id(), appliance, now);
    IntegrationStatus status = health.status();
    if (status.healthy()) {
      IntegrationRepository.updateHealth(connection, integration.id(), status.id(), null, null);
      AlertRepository.resolveOpen(connection, integration.id(), now);
      return;
    }
    Instant since = integration.unhealthySince() != null ? integration.unhealthySince() : now;
    IntegrationRepository.updateHealth(connection, integration.id(), status.id(), health.reason(), since);
    if (!since.plus(alertAfter).isAfter(now) && !AlertRepository.hasOpen(connection, integration.id())) {
      AlertRepository.insert(connection, UUID.randomUUID().toString(), integration.tenantId(), integration.id(),
          appliance.id(), Alert.KIND_INTEGRATION_UNHEALTHY, Alert.MEDIUM,
          "Integration \"" + integration.name() + "\" has been " + status.id() + " since " + since
              + (health.reason() == null ? "" : ": " + health.reason()),
          now);
    }
  }

  private static Appliance appliance(Connection connection, ApplianceIdentity identity) throws SQLException {
    return ApplianceRepository.find(connection, identity.tenantId(), identity.applianceId())
        .orElseThrow(() -> new ApiException(ErrorCode.APPLIANCE_CERTIFICATE_REQUIRED, "unknown appliance"));
  }

  /** Accepted events per minute per integration since the previous heartbeat (0 after a restart). */
  private static Map<String, Double> rates(Optional<StoredHeartbeat> previous, Heartbeat current) {
    Map<String, Double> rates = new HashMap<>();
    if (previous.isEmpty()) {
      return rates;
    }
    Heartbeat before = previous.get().heartbeat();
    double minutes = Duration.between(before.sentAt(), current.sentAt()).toMillis() / 60_000.0;
    if (minutes <= 0) {
      return rates;
    }
    for (IntegrationHeartbeat now : current.integrations()) {
      before.integrations().stream().filter(b -> b.integrationId().equals(now.integrationId())).findFirst()
          .filter(b -> now.accepted() >= b.accepted())
          .ifPresent(b -> rates.put(now.integrationId(), (now.accepted() - b.accepted()) / minutes));
    }
    return rates;
  }
}
