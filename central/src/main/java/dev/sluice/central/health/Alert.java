package dev.sluice.central.health;

import java.time.Instant;

/**
 * An integration health alert.
 *
 * @param state {@code open}, {@code acknowledged} or {@code resolved}
 */
public record Alert(
    String id,
    String integrationId,
    String applianceId,
    String kind,
    String severity,
    String message,
    String state,
    Instant raisedAt,
    Instant acknowledgedAt,
    String acknowledgedBy,
    Instant resolvedAt) {

  public static final String KIND_INTEGRATION_UNHEALTHY = "integration-unhealthy";
  public static final String MEDIUM = "medium";
}
