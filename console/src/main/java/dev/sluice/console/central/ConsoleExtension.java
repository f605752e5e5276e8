package dev.sluice.console.central;

import dev.sluice.central.Central;
import dev.sluice.central.CentralExtension;
import dev.sluice.central.api.ErrorCode;
import dev.sluice.console.Console;
import dev.sluice.console.backend.ConsoleBackend;
import dev.sluice.lake.LakeService;
import io.javalin.config.JavalinConfig;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Mounts the console on central's server, backed in-process by central's services and, when it
 * runs in the same JVM ({@code sluice up}), the lake's query service.
 */
public final class ConsoleExtension implements CentralExtension {

  /** How long the Data Lake page waits for a query before giving up. */
  static final Duration QUERY_WAIT = Duration.ofSeconds(30);

  private final Supplier<LakeService> lake;

  /**
   * @param lake the lake in this process once it runs, or a supplier of null when central runs
   *     alone; asked on every query, so the lake may start after the console is mounted
   */
  public ConsoleExtension(Supplier<LakeService> lake) {
    this.lake = lake;
  }

  @Override
  public void configure(JavalinConfig config, Central central) {
    new Console(backend(central, lake), central.options().clock(), true).addTo(config);
    // The server's root is the console (the API lives under /api/v1).
    config.routes.get("/", ctx -> ctx.redirect("/console/", io.javalin.http.HttpStatus.FOUND));
  }

  /** The console's backend on central's services (and the lake's, if given). */
  public static ConsoleBackend backend(Central central, Supplier<LakeService> lake) {
    CentralCalls calls = new CentralCalls(central, Map.of(
        ErrorCode.INVALID_CIDR, "ipRanges",
        ErrorCode.INVALID_DOMAIN, "domains",
        ErrorCode.PASSWORD_TOO_WEAK, "password",
        ErrorCode.EMAIL_TAKEN, "email"));
    CentralIntegrations integrations = new CentralIntegrations(calls);
    return new ConsoleBackend(
        new CentralAccounts(calls),
        new CentralCatalog(calls, (principal, productId) -> (int) integrations.list(principal)
            .stream().filter(i -> i.productId().equals(productId)).count()),
        new CentralDomains(calls),
        integrations,
        new CentralAppliances(calls),
        new CentralHealthAlerts(calls),
        new LakeServiceQueries(calls, lake, central.options().clock(), QUERY_WAIT));
  }
}
