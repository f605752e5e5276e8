package dev.sluice.central.integration;

import dev.sluice.central.PortRange;
import dev.sluice.central.api.ApiException;
import dev.sluice.central.api.ErrorCode;
import dev.sluice.central.appliance.Appliance;
import dev.sluice.central.appliance.ApplianceRepository;
import dev.sluice.central.appliance.ApplianceService;
import dev.sluice.central.appliance.NewAppliance;
import dev.sluice.central.audit.AuditLog;
import dev.sluice.central.auth.Principal;
import dev.sluice.central.db.Database;
import dev.sluice.central.health.HealthEvaluator;
import dev.sluice.central.health.IntegrationStatus;
import dev.sluice.central.image.ImageService;
import dev.sluice.central.marketplace.Marketplace;
import dev.sluice.central.marketplace.Product;
import dev.sluice.central.tenant.Tenant;
import dev.sluice.central.tenant.TenantService;
import dev.sluice.wire.image.IpVersion;
import dev.sluice.wire.image.Platform;
import dev.sluice.wire.image.SyslogSettings;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Integrations: adding one (on an existing or a new appliance, whose first image then starts
 * building), reading, renaming, moving to another port, deleting (which frees the port).
 */
public final class IntegrationService {
  private final Database database;
  private final Marketplace marketplace;
  private final ApplianceService appliances;
  private final ImageService images;
  private final HealthEvaluator health;
  private final AuditLog audit;
  private final PortAllocator ports;
  private final Clock clock;

  public IntegrationService(Database database, Marketplace marketplace, ApplianceService appliances, ImageService images,
      HealthEvaluator health, AuditLog audit, PortRange portRange, Clock clock) {
    this.database = database;
    this.marketplace = marketplace;
    this.appliances = appliances;
    this.images = images;
    this.health = health;
    this.audit = audit;
    this.ports = new PortAllocator(portRange);
    this.clock = clock;
  }

  public IntegrationView create(Principal actor, IntegrationRequests.Create request) {
    actor.requireAdmin();
    Product product = marketplace.require(request.product());
    if (!product.available()) {
      throw new ApiException(ErrorCode.PRODUCT_NOT_AVAILABLE, product.name() + " is not available yet");
    }
    String name = requireName(request.name(), "name");
    String description = optionalText(request.description(), "description");
    Optional<NewAppliance> newAppliance = newAppliance(request.appliance());
    record Created(Integration integration, Optional<ImageService.Pending> image) {}
    Created created = database.write(connection -> {
      Tenant tenant = TenantService.tenantOf(connection, actor.tenantId());
      if (!tenant.holds(product.licensePack())) {
        throw new ApiException(ErrorCode.LICENSE_PACK_REQUIRED,
            product.name() + " needs the " + product.licensePack().displayName() + " license pack");
      }
      if (!TenantService.domains(connection, actor.tenantId()).confirmed()) {
        throw new ApiException(ErrorCode.DOMAINS_AND_IPS_REQUIRED,
            "provide your internal domains and IP ranges (PUT /api/v1/domains-and-ips) before the first integration");
      }
      Appliance appliance;
      Optional<ImageService.Pending> image = Optional.empty();
      if (newAppliance.isPresent()) {
        appliance = appliances.create(connection, actor.tenantId(), newAppliance.get());
        image = Optional.of(images.create(connection, appliance, appliance.platform()));
        audit.record(connection, actor, "appliance.create", "appliance", appliance.id(),
            Map.of("name", appliance.name(), "platform", appliance.platform().id()));
      } else {
        appliance = ApplianceService.require(connection, actor, request.appliance().id());
      }
      int port = ports.allocate(IntegrationRepository.portsInUse(connection, appliance.id()), request.port());
      Integration integration = new Integration(UUID.randomUUID().toString(), actor.tenantId(), appliance.id(), product.id(),
          name, description, port, clock.instant(), IntegrationStatus.WAITING_FOR_DEPLOYMENT.id(), null, null);
      insert(connection, integration);
      audit.record(connection, actor, "integration.create", "integration", integration.id(),
          Map.of("name", name, "product", product.id(), "applianceId", appliance.id(), "port", port));
      return new Created(integration, image);
    });
    created.image().ifPresent(images::submit);
    return get(actor, created.integration().id());
  }

  public List<IntegrationView> list(Principal actor) {
    return database.read(connection -> {
      List<IntegrationView> views = new ArrayList<>();
      for (Integration integration : IntegrationRepository.list(connection, actor.tenantId())) {
        views.add(view(connection, integration));
      }
      return views;
    });
  }

  public IntegrationView get(Principal actor, String id) {
    return database.read(connection -> view(connection, require(connection, actor, id)));
  }

  public IntegrationView update(Principal actor, String id, IntegrationRequests.Update request) {
    actor.requireAdmin();
    database.write(connection -> {
      Integration current = require(connection, actor, id);
      String name = request.name() == null ? current.name() : requireName(request.name(), "name");
      String description = request.description() == null ? current.description() : optionalText(request.description(), "description");
      int port = current.port();
      if (request.port() != null && request.port() != current.port()) {
        List<Integer> inUse = new ArrayList<>(IntegrationRepository.portsInUse(connection, current.applianceId()));
        inUse.remove(Integer.valueOf(current.port()));
        port = ports.allocate(inUse, request.port());
      }
      Integration updated = new Integration(current.id(), current.tenantId(), current.applianceId(), current.product(), name,
          description, port, current.createdAt(), current.healthStatus(), current.healthReason(), current.unhealthySince());
      try {
        IntegrationRepository.update(connection, updated);
      } catch (SQLException e) {
        throw portClash(e, port);
      }
      Map<String, Object> changes = new LinkedHashMap<>();
      changes.put("name", name);
      changes.put("description", description);
      changes.put("port", port);
      audit.record(connection, actor, "integration.update", "integration", id, changes);
      return null;
    });
    return get(actor, id);
  }

  public void delete(Principal actor, String id) {
    actor.requireAdmin();
    database.write(connection -> {
      Integration integration = require(connection, actor, id);
      IntegrationRepository.delete(connection, actor.tenantId(), id);
      audit.record(connection, actor, "integration.delete", "integration", id,
          Map.of("name", integration.name(), "port", integration.port(), "applianceId", integration.applianceId()));
      return null;
    });
  }

  /** True when the integration runs on the appliance (the lake's ingest check). */
  public boolean ownedBy(String applianceId, String integrationId) {
    return database.read(connection -> IntegrationRepository.ownedBy(connection, applianceId, integrationId));
  }

  private static Integration require(Connection connection, Principal actor, String id) throws SQLException {
    return IntegrationRepository.find(connection, actor.tenantId(), id)
        .orElseThrow(() -> ApiException.notFound(ErrorCode.INTEGRATION_NOT_FOUND, "integration", id));
  }

  private static void insert(Connection connection, Integration integration) throws SQLException {
    try {
      IntegrationRepository.insert(connection, integration);
    } catch (SQLException e) {
      throw portClash(e, integration.port());
    }
  }

  private static RuntimeException portClash(SQLException e, int port) {
    if (Database.isUniqueViolation(e)) {
      return new ApiException(ErrorCode.PORT_IN_USE, "port " + port + " is already used by another integration on this appliance");
    }
    return new dev.sluice.central.db.DatabaseException(e);
  }

  private IntegrationView view(Connection connection, Integration integration) throws SQLException {
    Appliance appliance = ApplianceRepository.find(connection, integration.tenantId(), integration.applianceId()).orElseThrow();
    String productName = marketplace.find(integration.product()).map(Product::name).orElse(integration.product());
    return new IntegrationView(integration.id(), integration.product(), productName, integration.name(),
        integration.description(), integration.port(), "tcp", appliance.syslog().address(),
        appliances.view(connection, appliance), health.integration(integration.id(), appliance, clock.instant()),
        integration.unhealthySince(), integration.createdAt());
  }

  private static Optional<NewAppliance> newAppliance(IntegrationRequests.ApplianceChoice choice) {
    if (choice == null || (choice.id() == null) == (choice.newAppliance() == null)) {
      throw new ApiException(ErrorCode.VALIDATION_FAILED,
          "appliance must be either {\"id\": ...} of an existing appliance or {\"new\": {...}}");
    }
    if (choice.id() != null) {
      return Optional.empty();
    }
    IntegrationRequests.NewApplianceRequest request = choice.newAppliance();
    Platform platform = Platform.fromId(request.platform()).orElseThrow(() ->
        new ApiException(ErrorCode.VALIDATION_FAILED, "appliance platform must be esxi or hyperv, was " + request.platform()));
    if (request.network() == null) {
      throw new ApiException(ErrorCode.VALIDATION_FAILED, "appliance network is required ({\"mode\": \"dhcp\"} or manual settings)");
    }
    IntegrationRequests.SyslogRequest syslog = request.syslog();
    if (syslog == null) {
      throw new ApiException(ErrorCode.VALIDATION_FAILED, "appliance syslog {ipVersion, address} is required");
    }
    if (syslog.protocol() != null && !syslog.protocol().equalsIgnoreCase("tcp")) {
      throw new ApiException(ErrorCode.VALIDATION_FAILED, "the syslog protocol is TCP and cannot be changed");
    }
    IpVersion version = IpVersion.fromId(syslog.ipVersion()).orElseThrow(() ->
        new ApiException(ErrorCode.VALIDATION_FAILED, "syslog ipVersion must be ipv4 or ipv6, was " + syslog.ipVersion()));
    SyslogSettings settings;
    try {
      settings = new SyslogSettings(version, syslog.address());
    } catch (IllegalArgumentException e) {
      throw new ApiException(ErrorCode.VALIDATION_FAILED, e.getMessage());
    }
    return Optional.of(new NewAppliance(requireName(request.name(), "appliance name"),
        optionalText(request.description(), "appliance description"), platform, request.network(), settings));
  }

  private static String requireName(String value, String field) {
    if (value == null || value.isBlank() || value.length() > 200) {
      throw new ApiException(ErrorCode.VALIDATION_FAILED, field + " is required (at most 200 characters)");
    }
    return value.strip();
  }

  private static String optionalText(String value, String field) {
    if (value != null && value.length() > 2000) {
      throw new ApiException(ErrorCode.VALIDATION_FAILED, field + " is longer than 2000 characters");
    }
    return value == null ? "" : value.strip();
  }
}
