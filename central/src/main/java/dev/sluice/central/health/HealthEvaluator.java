package dev.sluice.central.health;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.sluice.central.api.JsonBodies;
import dev.sluice.central.appliance.Appliance;
import dev.sluice.central.image.ApplianceImage;
import dev.sluice.wire.control.IntegrationHeartbeat;
import dev.sluice.wire.control.ListenerState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Derives appliance and integration health from the appliance's enrollment and last heartbeat at
 * a given instant. Pure: the same inputs give the same answer.
 */
public final class HealthEvaluator {
  private final Duration offlineAfter;

  public HealthEvaluator(Duration offlineAfter) {
    this.offlineAfter = offlineAfter;
  }

  public boolean online(Appliance appliance, Instant now) {
    return appliance.lastHeartbeatAt() != null
        && !appliance.lastHeartbeatAt().plus(offlineAfter).isBefore(now);
  }

  public ApplianceState applianceState(Appliance appliance, List<ApplianceImage> images, Instant now) {
    if (appliance.enrolled()) {
      if (online(appliance, now)) {
        return ApplianceState.ONLINE;
      }
      Instant since = appliance.lastHeartbeatAt() != null ? appliance.lastHeartbeatAt() : appliance.enrolledAt();
      return since.plus(offlineAfter).isBefore(now) ? ApplianceState.OFFLINE : ApplianceState.ENROLLED;
    }
    if (images.isEmpty()) {
      return ApplianceState.NO_IMAGE;
    }
    ApplianceImage newest = images.get(0);
    return switch (newest.state()) {
      case ApplianceImage.READY -> ApplianceState.READY_TO_DOWNLOAD;
      case ApplianceImage.FAILED -> ApplianceState.IMAGE_FAILED;
      default -> ApplianceState.IMAGE_BUILDING;
    };
  }

  public IntegrationHealth integration(String integrationId, Appliance appliance, Instant now) {
    if (!appliance.enrolled()) {
      return IntegrationHealth.of(IntegrationStatus.WAITING_FOR_DEPLOYMENT, null);
    }
    Optional<StoredHeartbeat> stored = stored(appliance);
    if (!online(appliance, now)) {
      Instant since = appliance.lastHeartbeatAt() != null ? appliance.lastHeartbeatAt() : appliance.enrolledAt();
      if (since.plus(offlineAfter).isBefore(now)) {
        return withCounters(IntegrationStatus.OFFLINE,
            "no heartbeat from appliance " + appliance.name() + " since " + since, stored, integrationId);
      }
      return IntegrationHealth.of(IntegrationStatus.WAITING_FOR_DATA, null);
    }
    Optional<IntegrationHeartbeat> reported = stored.flatMap(s -> s.heartbeat().integrations().stream()
        .filter(i -> i.integrationId().equals(integrationId)).findFirst());
    if (reported.isEmpty()) {
      return IntegrationHealth.of(IntegrationStatus.WAITING_FOR_DATA, null);
    }
    IntegrationHeartbeat report = reported.get();
    if (report.listener() == ListenerState.FAILED) {
      return withCounters(IntegrationStatus.FAILED,
          report.listenerError() == null ? "the listener failed" : report.listenerError(), stored, integrationId);
    }
    IntegrationStatus status = report.accepted() > 0 || report.lastEventTime() != null
        ? IntegrationStatus.RECEIVING_DATA : IntegrationStatus.WAITING_FOR_DATA;
    return withCounters(status, null, stored, integrationId);
  }

  private static IntegrationHealth withCounters(IntegrationStatus status, String reason, Optional<StoredHeartbeat> stored,
      String integrationId) {
    Optional<IntegrationHeartbeat> report = stored.flatMap(s -> s.heartbeat().integrations().stream()
        .filter(i -> i.integrationId().equals(integrationId)).findFirst());
    if (report.isEmpty()) {
      return IntegrationHealth.of(status, reason);
    }
    IntegrationHeartbeat r = report.get();
    double rate = stored.get().eventsPerMinute().getOrDefault(integrationId, 0.0);
    return new IntegrationHealth(status, reason, r.lastEventTime(), rate, r.received(), r.accepted(), r.rejected(),
        r.rejectedByReason(), r.testAlertsSeen(), r.senders());
  }

  public static Optional<StoredHeartbeat> stored(Appliance appliance) {
    if (appliance.lastHeartbeat() == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(JsonBodies.mapper().readValue(appliance.lastHeartbeat(), StoredHeartbeat.class));
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }
}
