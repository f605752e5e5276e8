package dev.sluice.wire.control;

import java.util.List;
import java.util.Objects;

/**
 * Everything an appliance needs to run, pulled from {@link ControlPaths#CONFIG}. The appliance
 * reconciles its listeners with {@link #integrations} without a restart: a new entry opens a
 * listener, a removed one closes it, a changed port or bind address re-opens it.
 *
 * @param applianceId this appliance
 * @param tenantId its tenant
 * @param applianceName the name given in the console
 * @param ingestUrl where to send event batches ({@code POST}, mutual TLS with the same identity)
 * @param ingestCertificatePem the ingest endpoint's certificate to pin, or absent when it is
 *     central's own (the all-in-one {@code sluice up})
 * @param heartbeatIntervalSeconds how often to send a {@link Heartbeat}
 * @param integrations the integrations this appliance collects for
 * @param tenant the tenant context used to enrich events
 */
public record ApplianceConfig(
    String applianceId,
    String tenantId,
    String applianceName,
    String ingestUrl,
    String ingestCertificatePem,
    int heartbeatIntervalSeconds,
    List<IntegrationConfig> integrations,
    TenantSettings tenant) {

  public ApplianceConfig {
    Validation.requireText(applianceId, "applianceId", 64);
    Validation.requireText(tenantId, "tenantId", 64);
    applianceName = applianceName == null ? "" : applianceName;
    Validation.requireText(ingestUrl, "ingestUrl", 2048);
    if (heartbeatIntervalSeconds < 1 || heartbeatIntervalSeconds > 3600) {
      throw new IllegalArgumentException("heartbeatIntervalSeconds must be 1..3600, was " + heartbeatIntervalSeconds);
    }
    integrations = integrations == null ? List.of() : List.copyOf(integrations);
    Objects.requireNonNull(tenant, "tenant");
  }
}
