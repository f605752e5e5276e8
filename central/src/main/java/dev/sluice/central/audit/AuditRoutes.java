package dev.sluice.central.audit;

import dev.sluice.central.auth.AuthService;
import io.javalin.config.RoutesConfig;
import java.util.Map;

/** {@code GET /api/v1/audit?limit=N}: the tenant's audit log, newest first. */
public final class AuditRoutes {
  private AuditRoutes() {}

  public static void register(RoutesConfig routes, AuthService auth, AuditLog audit) {
    routes.get("/api/v1/audit", ctx -> {
      String limit = ctx.queryParam("limit");
      int bounded = limit != null && limit.matches("\\d{1,4}") ? Integer.parseInt(limit) : 100;
      ctx.json(Map.of("items", audit.list(auth.require(ctx), bounded)));
    });
  }
}
