package dev.sluice.central.tenant;

import dev.sluice.central.api.JsonBodies;
import dev.sluice.central.auth.AuthService;
import dev.sluice.central.auth.Principal;
import io.javalin.config.RoutesConfig;
import java.util.List;
import java.util.Map;

/** {@code /api/v1/tenants} and {@code /api/v1/domains-and-ips}. */
public final class TenantRoutes {
  record CreateTenantRequest(String name, List<String> licensePacks) {}

  record DomainsRequest(List<String> internalDomains, List<String> internalIpRanges) {}

  private TenantRoutes() {}

  public static void register(RoutesConfig routes, AuthService auth, TenantService tenants) {
    routes.get("/api/v1/tenants", ctx -> ctx.json(Map.of("items", tenants.list(auth.require(ctx)))));
    routes.post("/api/v1/tenants", ctx -> {
      Principal principal = auth.require(ctx);
      principal.requireOperator();
      CreateTenantRequest request = JsonBodies.read(ctx, CreateTenantRequest.class);
      ctx.status(201).json(tenants.create(principal, request.name(), request.licensePacks()));
    });
    routes.get("/api/v1/tenants/{tenantId}", ctx -> ctx.json(tenants.get(auth.require(ctx), ctx.pathParam("tenantId"))));
    routes.get("/api/v1/domains-and-ips", ctx -> ctx.json(tenants.domains(auth.require(ctx))));
    routes.put("/api/v1/domains-and-ips", ctx -> {
      Principal principal = auth.require(ctx);
      principal.requireAdmin();
      DomainsRequest request = JsonBodies.read(ctx, DomainsRequest.class);
      ctx.json(tenants.saveDomains(principal, request.internalDomains(), request.internalIpRanges()));
    });
  }
}
