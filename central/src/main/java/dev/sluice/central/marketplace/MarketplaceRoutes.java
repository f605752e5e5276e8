package dev.sluice.central.marketplace;

import dev.sluice.central.auth.AuthService;
import io.javalin.config.RoutesConfig;
import java.util.Map;

/** {@code /api/v1/marketplace/products}. */
public final class MarketplaceRoutes {
  private MarketplaceRoutes() {}

  public static void register(RoutesConfig routes, AuthService auth, Marketplace marketplace) {
    routes.get("/api/v1/marketplace/products", ctx -> {
      auth.require(ctx);
      ctx.json(Map.of("items", marketplace.products()));
    });
    routes.get("/api/v1/marketplace/products/{productId}", ctx -> {
      auth.require(ctx);
      ctx.json(marketplace.require(ctx.pathParam("productId")));
    });
  }
}
