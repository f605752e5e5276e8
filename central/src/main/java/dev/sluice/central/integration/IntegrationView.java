package dev.sluice.central.integration;

import dev.sluice.central.appliance.ApplianceView;
import dev.sluice.central.health.IntegrationHealth;
import java.time.Instant;

/**
 * An integration as the API shows it: the port and syslog address to configure in the sender,
 * its appliance and its health.
 */
public record IntegrationView(
    String id,
    String product,
    String productName,
    String name,
    String description,
    int port,
    String protocol,
    String syslogAddress,
    ApplianceView appliance,
    IntegrationHealth health,
    Instant unhealthySince,
    Instant createdAt) {}
