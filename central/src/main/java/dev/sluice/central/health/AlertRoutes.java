package dev.sluice.central.health;

import dev.sluice.central.auth.AuthService;
import dev.sluice.central.auth.Principal;
import io.javalin.config.RoutesConfig;
import java.util.Map;

/** {@code GET /api/v1/alerts[?state=open]}, {@code POST /api/v1/alerts/{id}/acknowledge}. */
public final class AlertRoutes {
  private AlertRoutes() {}

  public static void register(RoutesConfig routes, AuthService auth, HealthService health) {
    routes.get("/api/v1/alerts", ctx ->
        ctx.json(Map.of("items", health.alerts(auth.require(ctx), "open".equals(ctx.queryParam("state"))))));
    routes.post("/api/v1/alerts/{id}/acknowledge", ctx -> {
      Principal principal = auth.require(ctx);
      principal.requireAdmin();
      ctx.json(health.acknowledge(principal, ctx.pathParam("id")));
    });
  }
}
