package dev.sluice.central.integration;

import java.time.Instant;

/** An integration as stored: a product collected by an appliance on a TCP port. */
public record Integration(
    String id,
    String tenantId,
    String applianceId,
    String product,
    String name,
    String description,
    int port,
    Instant createdAt,
    String healthStatus,
    String healthReason,
    Instant unhealthySince) {}
