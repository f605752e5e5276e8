package dev.sluice.central.appliance;

import dev.sluice.central.auth.AuthService;
import io.javalin.config.RoutesConfig;
import java.util.Map;

/** {@code GET /api/v1/appliances[/{id}]}. */
public final class ApplianceRoutes {
  private ApplianceRoutes() {}

  public static void register(RoutesConfig routes, AuthService auth, ApplianceService appliances) {
    routes.get("/api/v1/appliances", ctx -> ctx.json(Map.of("items", appliances.list(auth.require(ctx)))));
    routes.get("/api/v1/appliances/{id}", ctx -> ctx.json(appliances.get(auth.require(ctx), ctx.pathParam("id"))));
  }
}
