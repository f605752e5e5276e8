package dev.sluice.central.appliance;

import dev.sluice.central.api.ApiException;
import dev.sluice.central.api.ErrorCode;
import dev.sluice.central.auth.Principal;
import dev.sluice.central.db.Database;
import dev.sluice.central.enrollment.TenantAuthorities;
import dev.sluice.central.health.HealthEvaluator;
import dev.sluice.central.health.StoredHeartbeat;
import dev.sluice.central.image.ImageService;
import dev.sluice.central.integration.IntegrationRepository;
import dev.sluice.pki.CertificateAuthority;
import dev.sluice.pki.CertificateSubjects;
import io.javalin.http.Context;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Appliances: creating them (with an integration), reading them, and authenticating them by certificate. */
public final class ApplianceService {
  /** The servlet attribute holding the TLS client certificate chain. */
  public static final String CLIENT_CERTIFICATES = "jakarta.servlet.request.X509Certificate";

  private final Database database;
  private final ImageService images;
  private final TenantAuthorities authorities;
  private final HealthEvaluator health;
  private final Clock clock;

  public ApplianceService(Database database, ImageService images, TenantAuthorities authorities, HealthEvaluator health,
      Clock clock) {
    this.database = database;
    this.images = images;
    this.authorities = authorities;
    this.health = health;
    this.clock = clock;
  }

  /** Creates an appliance inside a caller's transaction. */
  public Appliance create(Connection connection, String tenantId, NewAppliance request) throws SQLException {
    Appliance appliance = new Appliance(UUID.randomUUID().toString(), tenantId, request.name(), request.description(),
        request.platform(), request.network(), request.syslog(), null, null, null, null, null, null, clock.instant());
    ApplianceRepository.insert(connection, appliance);
    return appliance;
  }

  public List<ApplianceView> list(Principal actor) {
    return database.read(connection -> {
      List<ApplianceView> views = new java.util.ArrayList<>();
      for (Appliance appliance : ApplianceRepository.list(connection, actor.tenantId())) {
        views.add(view(connection, appliance));
      }
      return views;
    });
  }

  public ApplianceView get(Principal actor, String id) {
    return database.read(connection -> view(connection, require(connection, actor, id)));
  }

  /** The actor's appliance, or 404 (also for other tenants' appliances). */
  public static Appliance require(Connection connection, Principal actor, String id) throws SQLException {
    return ApplianceRepository.find(connection, actor.tenantId(), id)
        .orElseThrow(() -> ApiException.notFound(ErrorCode.APPLIANCE_NOT_FOUND, "appliance", id));
  }

  public ApplianceView view(Connection connection, Appliance appliance) throws SQLException {
    Instant now = clock.instant();
    var imageList = images.list(connection, appliance.id());
    Optional<StoredHeartbeat> heartbeat = HealthEvaluator.stored(appliance);
    List<ApplianceView.IntegrationSummary> integrations = IntegrationRepository.listForAppliance(connection, appliance.id())
        .stream().map(i -> new ApplianceView.IntegrationSummary(i.id(), i.name(), i.product(), i.port())).toList();
    return new ApplianceView(appliance.id(), appliance.name(), appliance.description(), appliance.platform(),
        appliance.network(),
        new ApplianceView.Syslog(appliance.syslog().ipVersion().id(), appliance.syslog().address(), "tcp"),
        health.applianceState(appliance, imageList, now), appliance.version(), appliance.hostname(),
        appliance.enrolledAt(), appliance.lastHeartbeatAt(),
        heartbeat.map(h -> h.heartbeat().uptimeSeconds()).orElse(null),
        heartbeat.map(h -> h.heartbeat().spoolDepthEvents()).orElse(null),
        heartbeat.map(h -> h.heartbeat().spoolBytes()).orElse(null),
        integrations, imageList, appliance.createdAt());
  }

  /**
   * The appliance presenting the request's TLS client certificate: subject
   * {@code CN=<applianceId>, OU=<tenantId>}, issued by that tenant's CA, and the appliance's
   * current certificate (an older one of a re-enrolled appliance is refused).
   */
  public Optional<ApplianceIdentity> authenticate(Context ctx) {
    try {
      return Optional.of(require(ctx));
    } catch (ApiException e) {
      return Optional.empty();
    }
  }

  /** Like {@link #authenticate} but answers 401 with the reason. */
  public ApplianceIdentity require(Context ctx) {
    Object attribute = ctx.req().getAttribute(CLIENT_CERTIFICATES);
    if (!(attribute instanceof X509Certificate[] chain) || chain.length == 0) {
      throw new ApiException(ErrorCode.APPLIANCE_CERTIFICATE_REQUIRED, "present the appliance's client certificate (mutual TLS)");
    }
    return identify(chain[0]);
  }

  /** Checks a client certificate against the stored appliance and its tenant's CA. */
  public ApplianceIdentity identify(X509Certificate certificate) {
    String applianceId = CertificateSubjects.attribute(certificate, "CN").orElse("");
    String tenantId = CertificateSubjects.attribute(certificate, "OU").orElse("");
    return database.read(connection -> {
      Appliance appliance = ApplianceRepository.findAnyTenant(connection, applianceId)
          .filter(a -> a.tenantId().equals(tenantId))
          .orElseThrow(() -> new ApiException(ErrorCode.APPLIANCE_CERTIFICATE_REQUIRED, "unknown appliance certificate"));
      Optional<CertificateAuthority> ca = authorities.find(connection, tenantId);
      if (ca.isEmpty() || !ca.get().issued(certificate)) {
        throw new ApiException(ErrorCode.APPLIANCE_CERTIFICATE_REQUIRED, "certificate not issued by the tenant's CA");
      }
      if (!certificate.getSerialNumber().toString(16).equals(appliance.certificateSerial())) {
        throw new ApiException(ErrorCode.APPLIANCE_CERTIFICATE_REVOKED,
            "this certificate was replaced by a later enrollment of the appliance");
      }
      return new ApplianceIdentity(tenantId, applianceId);
    });
  }
}
