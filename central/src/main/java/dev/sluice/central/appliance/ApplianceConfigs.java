package dev.sluice.central.appliance;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.sluice.central.integration.Integration;
import dev.sluice.central.integration.IntegrationRepository;
import dev.sluice.central.marketplace.Marketplace;
import dev.sluice.central.marketplace.Product;
import dev.sluice.central.tenant.DomainsAndIps;
import dev.sluice.central.tenant.TenantService;
import dev.sluice.wire.control.ApplianceConfig;
import dev.sluice.wire.control.ControlJson;
import dev.sluice.wire.control.IntegrationConfig;
import dev.sluice.wire.control.TenantSettings;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;

/**
 * The configuration an appliance pulls: its integrations (ordered by port) and the tenant context,
 * with an entity tag that is the SHA-256 of the configuration's JSON — unchanged configuration,
 * unchanged tag.
 */
public final class ApplianceConfigs {
  /** A configuration and its entity tag (quoted, as sent in {@code ETag}). */
  public record Tagged(ApplianceConfig config, String etag) {}

  private final Marketplace marketplace;
  private final Supplier<String> ingestUrl;
  private final String ingestCertificatePem;
  private final Duration heartbeatInterval;

  public ApplianceConfigs(Marketplace marketplace, Supplier<String> ingestUrl, String ingestCertificatePem,
      Duration heartbeatInterval) {
    this.marketplace = marketplace;
    this.ingestUrl = ingestUrl;
    this.ingestCertificatePem = ingestCertificatePem;
    this.heartbeatInterval = heartbeatInterval;
  }

  public Tagged configFor(Connection connection, Appliance appliance) throws SQLException {
    List<IntegrationConfig> integrations = IntegrationRepository.listForAppliance(connection, appliance.id()).stream()
        .map(integration -> integrationConfig(integration, appliance))
        .toList();
    DomainsAndIps domains = TenantService.domains(connection, appliance.tenantId());
    ApplianceConfig config = new ApplianceConfig(appliance.id(), appliance.tenantId(), appliance.name(), ingestUrl.get(),
        ingestCertificatePem, (int) Math.max(1, heartbeatInterval.toSeconds()), integrations,
        new TenantSettings(domains.internalDomains(), domains.internalIpRanges()));
    return new Tagged(config, etag(config));
  }

  private IntegrationConfig integrationConfig(Integration integration, Appliance appliance) {
    Product product = marketplace.require(integration.product());
    return new IntegrationConfig(integration.id(), product.id(), integration.name(), product.deviceVendor(),
        product.deviceProduct(), "tcp", appliance.syslog().address(), integration.port(), List.of("cef"));
  }

  static String etag(ApplianceConfig config) {
    try {
      byte[] json = ControlJson.mapper().writeValueAsBytes(config);
      return "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json)) + "\"";
    } catch (JsonProcessingException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("cannot tag configuration", e);
    }
  }

  /** True when an {@code If-None-Match} header names the tag. */
  public static boolean matches(String ifNoneMatch, String etag) {
    if (ifNoneMatch == null) {
      return false;
    }
    for (String candidate : ifNoneMatch.split(",")) {
      String tag = candidate.strip();
      if (tag.equals("*") || tag.equals(etag) || tag.equals("W/" + etag)) {
        return true;
      }
    }
    return false;
  }

}
