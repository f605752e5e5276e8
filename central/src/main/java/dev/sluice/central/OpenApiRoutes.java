package dev.sluice.central;

import io.javalin.config.RoutesConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** {@code GET /api/v1/openapi.json}: the OpenAPI 3.1 document of the REST API (no sign-in needed). */
final class OpenApiRoutes {
  static final String RESOURCE = "/dev/sluice/central/openapi.json";

  private OpenApiRoutes() {}

  static void register(RoutesConfig routes) {
    byte[] document = load();
    routes.get("/api/v1/openapi.json", ctx -> {
      ctx.contentType("application/json");
      ctx.result(document);
    });
  }

  static byte[] load() {
    try (InputStream in = OpenApiRoutes.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
