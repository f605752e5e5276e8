package dev.sluice.central.auth;

import dev.sluice.central.api.ApiException;
import dev.sluice.central.api.ErrorCode;
import dev.sluice.central.api.JsonBodies;
import io.javalin.config.RoutesConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** {@code /api/v1/auth/*} and {@code /api/v1/tenants/{id}/users}. */
public final class AuthRoutes {
  record LoginRequest(String email, String password) {}

  record LoginResponse(String token, Instant expiresAt, User user) {}

  record CreateTokenRequest(String name, String role, Integer expiresInDays) {}

  record CreateUserRequest(String email, String name, String password, String role) {}

  private AuthRoutes() {}

  public static void register(RoutesConfig routes, AuthService auth) {
    routes.post("/api/v1/auth/login", ctx -> {
      LoginRequest request = JsonBodies.read(ctx, LoginRequest.class);
      IssuedToken token = auth.login(request.email(), request.password(), ctx.ip());
      Principal principal = auth.authenticateToken(token.token()).orElseThrow();
      ctx.json(new LoginResponse(token.token(), token.expiresAt(), auth.me(principal)));
    });
    routes.post("/api/v1/auth/logout", ctx -> {
      auth.logout(auth.require(ctx));
      ctx.status(204);
    });
    routes.get("/api/v1/auth/me", ctx -> {
      Principal principal = auth.require(ctx);
      ctx.json(Map.of("user", auth.me(principal), "role", principal.role(), "tenantId", principal.tenantId(),
          "operator", principal.operator()));
    });
    routes.get("/api/v1/auth/tokens", ctx -> ctx.json(Map.of("items", auth.listApiTokens(auth.require(ctx)))));
    routes.post("/api/v1/auth/tokens", ctx -> {
      Principal principal = auth.require(ctx);
      CreateTokenRequest request = JsonBodies.read(ctx, CreateTokenRequest.class);
      Role role = request.role() == null ? null : Role.fromId(request.role()).orElseThrow(() ->
          new ApiException(ErrorCode.VALIDATION_FAILED, "role must be admin or read-only"));
      Duration lifetime = request.expiresInDays() == null ? null : Duration.ofDays(Math.max(1, request.expiresInDays()));
      ctx.status(201).json(auth.createApiToken(principal, request.name(), role, lifetime));
    });
    routes.delete("/api/v1/auth/tokens/{id}", ctx -> {
      auth.revokeApiToken(auth.require(ctx), ctx.pathParam("id"));
      ctx.status(204);
    });
    routes.get("/api/v1/tenants/{tenantId}/users", ctx ->
        ctx.json(Map.of("items", auth.listUsers(auth.require(ctx), ctx.pathParam("tenantId")))));
    routes.post("/api/v1/tenants/{tenantId}/users", ctx -> {
      Principal principal = auth.require(ctx);
      CreateUserRequest request = JsonBodies.read(ctx, CreateUserRequest.class);
      Role role = request.role() == null ? Role.READ_ONLY : Role.fromId(request.role()).orElseThrow(() ->
          new ApiException(ErrorCode.VALIDATION_FAILED, "role must be admin or read-only"));
      ctx.status(201).json(auth.createUser(principal, ctx.pathParam("tenantId"), request.email(), request.name(),
          request.password(), role));
    });
  }
}
