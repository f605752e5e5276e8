package dev.sluice.central;

import dev.sluice.central.appliance.ApplianceConfigs;
import dev.sluice.central.appliance.ApplianceService;
import dev.sluice.central.audit.AuditLog;
import dev.sluice.central.auth.AuthService;
import dev.sluice.central.auth.LoginRateLimiter;
import dev.sluice.central.db.Database;
import dev.sluice.central.enrollment.EnrollmentService;
import dev.sluice.central.enrollment.TenantAuthorities;
import dev.sluice.central.health.HealthEvaluator;
import dev.sluice.central.health.HealthService;
import dev.sluice.central.image.ImageBuilder;
import dev.sluice.central.image.ImageService;
import dev.sluice.central.integration.IntegrationService;
import dev.sluice.central.marketplace.Marketplace;
import dev.sluice.central.tenant.TenantService;
import dev.sluice.pki.Identity;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Central's service layer, wired by hand. The REST routes and the console call the same services;
 * every service method that acts for a user takes its {@code Principal} and stays within the
 * principal's tenant.
 */
public final class Central {
  private final CentralOptions options;
  private final Database database;
  private final Identity serverIdentity;
  private final AtomicReference<String> publicUrl = new AtomicReference<>();
  private final AuditLog audit;
  private final AuthService auth;
  private final TenantService tenants;
  private final Marketplace marketplace;
  private final TenantAuthorities authorities;
  private final ImageBuilder imageBuilder;
  private final ImageService images;
  private final ApplianceService appliances;
  private final IntegrationService integrations;
  private final ApplianceConfigs configs;
  private final EnrollmentService enrollment;
  private final HealthService health;

  Central(CentralOptions options, Database database, Identity serverIdentity) {
    this.options = options;
    this.database = database;
    this.serverIdentity = serverIdentity;
    this.audit = new AuditLog(database, options.clock());
    this.auth = new AuthService(database, options.passwordHasher(),
        new LoginRateLimiter(5, Duration.ofMinutes(15), options.clock()), audit, options.clock());
    this.tenants = new TenantService(database, audit, options.clock());
    this.marketplace = new Marketplace();
    this.authorities = new TenantAuthorities(database, options.clock());
    HealthEvaluator evaluator = new HealthEvaluator(options.offlineAfter());
    this.imageBuilder = new ImageBuilder(database, options.dataDir().resolve("images"), options.payload(), options.clock());
    this.images = new ImageService(database, imageBuilder, audit, options.clock(), options.enrollmentSecretLifetime(),
        serverIdentity, this::publicUrl);
    this.appliances = new ApplianceService(database, images, authorities, evaluator, options.clock());
    this.integrations = new IntegrationService(database, marketplace, appliances, images, evaluator, audit,
        options.integrationPorts(), options.clock());
    this.configs = new ApplianceConfigs(marketplace, this::ingestUrl, options.ingestCertificatePem().orElse(null),
        options.heartbeatInterval());
    this.enrollment = new EnrollmentService(database, authorities, configs, audit, options.clock());
    this.health = new HealthService(database, evaluator, configs, audit, options.alertAfter(), options.clock());
  }

  void publicUrl(String url) {
    publicUrl.set(url);
  }

  /** How appliances and browsers reach central, e.g. {@code https://127.0.0.1:8443}. */
  public String publicUrl() {
    return Objects.requireNonNull(publicUrl.get(), "central is not started");
  }

  /** Where appliances send event batches. */
  public String ingestUrl() {
    return options.ingestUrl().orElseGet(() -> publicUrl() + "/api/v1/lake/ingest");
  }

  public CentralOptions options() {
    return options;
  }

  public Database database() {
    return database;
  }

  /** Central's TLS identity (its certificate travels in every image). */
  public Identity serverIdentity() {
    return serverIdentity;
  }

  public AuditLog audit() {
    return audit;
  }

  public AuthService auth() {
    return auth;
  }

  public TenantService tenants() {
    return tenants;
  }

  public Marketplace marketplace() {
    return marketplace;
  }

  public TenantAuthorities authorities() {
    return authorities;
  }

  public ImageBuilder imageBuilder() {
    return imageBuilder;
  }

  public ImageService images() {
    return images;
  }

  public ApplianceService appliances() {
    return appliances;
  }

  public IntegrationService integrations() {
    return integrations;
  }

  public ApplianceConfigs configs() {
    return configs;
  }

  public EnrollmentService enrollment() {
    return enrollment;
  }

  public HealthService health() {
    return health;
  }
}
