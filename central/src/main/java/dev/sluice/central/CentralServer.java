package dev.sluice.central;

import dev.sluice.central.api.ApiException;
import dev.sluice.central.api.ErrorCode;
import dev.sluice.central.api.JsonBodies;
import dev.sluice.central.appliance.ApplianceRoutes;
import dev.sluice.central.audit.AuditRoutes;
import dev.sluice.central.enrollment.ControlRoutes;
import dev.sluice.central.health.AlertRoutes;
import dev.sluice.central.health.HealthMonitor;
import dev.sluice.central.image.ImageRoutes;
import dev.sluice.central.integration.IntegrationRoutes;
import dev.sluice.central.auth.AuthRoutes;
import dev.sluice.central.db.Database;
import dev.sluice.central.marketplace.MarketplaceRoutes;
import dev.sluice.central.tenant.TenantRoutes;
import dev.sluice.pki.ClientCertificateTrustManager;
import dev.sluice.pki.Fingerprints;
import dev.sluice.pki.Identity;
import dev.sluice.pki.IdentityFiles;
import dev.sluice.pki.SelfSignedCertificates;
import dev.sluice.pki.TlsContexts;
import dev.sluice.wire.control.ApiError;
import io.javalin.Javalin;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Central's HTTPS server: builds the services, mounts the routes and extensions, starts. */
public final class CentralServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(CentralServer.class);

  private final Central central;
  private final Javalin app;
  private final List<AutoCloseable> closeables;

  private CentralServer(Central central, Javalin app, List<AutoCloseable> closeables) {
    this.central = central;
    this.app = app;
    this.closeables = closeables;
  }

  /** Starts central; throws {@link IllegalArgumentException} with a clear message on bad configuration. */
  public static CentralServer start(CentralOptions options, List<CentralExtension> extensions) {
    try {
      Files.createDirectories(options.dataDir());
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot create data directory " + options.dataDir() + ": " + e.getMessage());
    }
    Database database = Database.at(options.databaseUrl()
        .orElseGet(() -> "jdbc:sqlite:" + options.dataDir().toAbsolutePath().resolve("central.db")));
    try {
      database.migrate();
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("cannot open the configuration database: " + rootMessage(e), e);
    }
    Identity identity = serverIdentity(options);
    Central central = new Central(options, database, identity);
    Bootstrap.ensureOperator(options, database, central.auth(), central.tenants(), central.audit());

    SSLContext tls = TlsContexts.server(identity, new ClientCertificateTrustManager(central.authorities()::certificates, options.clock()));
    Javalin app = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.jsonMapper(new JavalinJackson(JsonBodies.mapper(), false));
      config.jetty.addConnector((server, http) ->
          HttpsConnector.create(server, http, tls, options.bindHost(), options.port()));
      registerErrors(config.routes);
      AuthRoutes.register(config.routes, central.auth());
      TenantRoutes.register(config.routes, central.auth(), central.tenants());
      MarketplaceRoutes.register(config.routes, central.auth(), central.marketplace());
      AuditRoutes.register(config.routes, central.auth(), central.audit());
      IntegrationRoutes.register(config.routes, central.auth(), central.integrations());
      ApplianceRoutes.register(config.routes, central.auth(), central.appliances());
      ImageRoutes.register(config.routes, central.auth(), central.images());
      ControlRoutes.register(config.routes, central.enrollment(), central.appliances(), central.health());
      AlertRoutes.register(config.routes, central.auth(), central.health());
      OpenApiRoutes.register(config.routes);
      for (CentralExtension extension : extensions) {
        extension.configure(config, central);
      }
    });
    try {
      app.start();
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("cannot listen on " + options.bindHost() + ":" + options.port() + ": "
          + rootMessage(e), e);
    }
    central.publicUrl(options.publicUrl().orElse("https://127.0.0.1:" + app.port()));
    List<AutoCloseable> closeables = new ArrayList<>();
    extensions.forEach(extension -> closeables.add(extension::close));
    closeables.add(new HealthMonitor(central.health(), options.healthCheckInterval()));
    closeables.add(central.imageBuilder());
    closeables.add(database::close);
    options.out().println("central: listening on https://" + options.bindHost() + ":" + app.port()
        + " (public URL " + central.publicUrl() + ")");
    options.out().println("central: TLS certificate SHA-256 fingerprint " + Fingerprints.sha256(identity.certificate()));
    return new CentralServer(central, app, closeables);
  }

  private static void registerErrors(io.javalin.config.RoutesConfig routes) {
    routes.exception(ApiException.class, (e, ctx) ->
        ctx.status(e.code().httpStatus()).json(new ApiError(e.code().name(), e.getMessage())));
    routes.exception(HttpResponseException.class, (e, ctx) -> {
      ErrorCode code = switch (e.getStatus()) {
        case 404 -> ErrorCode.ROUTE_NOT_FOUND;
        case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
        case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
        default -> ErrorCode.REQUEST_INVALID;
      };
      ctx.status(e.getStatus()).json(new ApiError(code.name(), e.getMessage()));
    });
    routes.exception(Exception.class, (e, ctx) -> {
      LOG.error("unhandled error on {} {}", ctx.method(), ctx.path(), e);
      ctx.status(500).json(new ApiError(ErrorCode.INTERNAL_ERROR.name(), "internal error; see central's log"));
    });
  }

  private static Identity serverIdentity(CentralOptions options) {
    if (options.tlsCertificate().isPresent()) {
      try {
        return IdentityFiles.read(options.tlsPrivateKey().orElseThrow(), options.tlsCertificate().get());
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("cannot read the configured TLS certificate/key: " + rootMessage(e), e);
      }
    }
    Path dir = options.dataDir().resolve("tls");
    List<String> names = new ArrayList<>();
    options.publicUrl().map(URI::create).map(URI::getHost).ifPresent(names::add);
    try {
      return IdentityFiles.loadOrCreate(dir.resolve("central.key"), dir.resolve("central.crt"),
          () -> SelfSignedCertificates.createServer("Sluice central", names, Duration.ofDays(3650), options.clock()));
    } catch (UncheckedIOException e) {
      throw new IllegalArgumentException("cannot read or create the TLS identity in " + dir + ": " + rootMessage(e), e);
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return String.valueOf(root.getMessage());
  }

  public Central central() {
    return central;
  }

  public int port() {
    return app.port();
  }

  @Override
  public void close() {
    app.stop();
    for (AutoCloseable closeable : closeables) {
      try {
        closeable.close();
      } catch (Exception e) {
        LOG.warn("error while stopping", e);
      }
    }
  }
}
