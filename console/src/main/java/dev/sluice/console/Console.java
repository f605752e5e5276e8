package dev.sluice.console;

import dev.sluice.console.alerts.AlertPages;
import dev.sluice.console.appliances.AppliancePages;
import dev.sluice.console.backend.ConsoleBackend;
import dev.sluice.console.datalake.DataLakePages;
import dev.sluice.console.integrations.IntegrationPages;
import dev.sluice.console.settings.SettingsPages;
import dev.sluice.console.signin.SignInPages;
import dev.sluice.console.web.Pages;
import dev.sluice.console.web.SessionStore;
import io.javalin.config.JavalinConfig;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * The web console: server-rendered pages under {@code /console}, assets under
 * {@code /console/assets}. Mount it on the server that hosts central's API with
 * {@link #addTo(JavalinConfig)} before the server starts.
 */
public final class Console {

  /** Sent with every console response. No inline scripts or styles; nothing from elsewhere. */
  static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self';"
      + " style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self';"
      + " object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

  private final Pages pages;

  /**
   * @param secureCookies true when the console is served over HTTPS (the session cookie then
   *     carries {@code Secure})
   */
  public Console(ConsoleBackend backend, Clock clock, boolean secureCookies) {
    SessionStore sessions =
        new SessionStore(new SecureRandom(), clock, Duration.ofHours(12), 10_000);
    this.pages = new Pages(backend, sessions, clock, secureCookies, assetVersion());
  }

  public void addTo(JavalinConfig config) {
    config.staticFiles.add(assets -> {
      assets.hostedPath = Pages.ROOT + "/assets";
      assets.directory = "/dev/sluice/console/assets";
      assets.location = Location.CLASSPATH;
      assets.headers = Map.of("Cache-Control", "public, max-age=3600",
          "X-Content-Type-Options", "nosniff");
    });
    config.routes.before(Pages.ROOT + "/*", ctx -> {
      ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
      ctx.header("X-Content-Type-Options", "nosniff");
      ctx.header("X-Frame-Options", "DENY");
      ctx.header("Referrer-Policy", "same-origin");
      if (!ctx.path().startsWith(Pages.ROOT + "/assets/")) {
        ctx.header("Cache-Control", "no-store");
      }
    });
    // Trailing slashes are ignored by the router: this serves /console and /console/.
    config.routes.get(Pages.ROOT, ctx ->
        ctx.redirect(Pages.ROOT + "/integrations/marketplace", HttpStatus.FOUND));
    new SignInPages(pages).addTo(config);
    new IntegrationPages(pages).addTo(config);
    new AppliancePages(pages).addTo(config);
    new DataLakePages(pages).addTo(config);
    new AlertPages(pages).addTo(config);
    new SettingsPages(pages).addTo(config);
  }

  private static String assetVersion() {
    String version = Console.class.getPackage().getImplementationVersion();
    return version == null ? Long.toString(System.currentTimeMillis() / 1000, 36) : version;
  }
}
