package dev.sluice.central.integration;

import dev.sluice.central.api.JsonBodies;
import dev.sluice.central.auth.AuthService;
import dev.sluice.central.auth.Principal;
import io.javalin.config.RoutesConfig;
import java.util.Map;

/** {@code /api/v1/integrations}. */
public final class IntegrationRoutes {
  private IntegrationRoutes() {}

  public static void register(RoutesConfig routes, AuthService auth, IntegrationService integrations) {
    routes.get("/api/v1/integrations", ctx -> ctx.json(Map.of("items", integrations.list(auth.require(ctx)))));
    routes.post("/api/v1/integrations", ctx -> {
      Principal principal = auth.require(ctx);
      principal.requireAdmin();
      ctx.status(201).json(integrations.create(principal, JsonBodies.read(ctx, IntegrationRequests.Create.class)));
    });
    routes.get("/api/v1/integrations/{id}", ctx -> ctx.json(integrations.get(auth.require(ctx), ctx.pathParam("id"))));
    routes.patch("/api/v1/integrations/{id}", ctx -> {
      Principal principal = auth.require(ctx);
      principal.requireAdmin();
      ctx.json(integrations.update(principal, ctx.pathParam("id"), JsonBodies.read(ctx, IntegrationRequests.Update.class)));
    });
    routes.delete("/api/v1/integrations/{id}", ctx -> {
      integrations.delete(auth.require(ctx), ctx.pathParam("id"));
      ctx.status(204);
    });
  }
}
