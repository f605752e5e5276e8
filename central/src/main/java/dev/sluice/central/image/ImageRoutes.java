package dev.sluice.central.image;

import dev.sluice.central.api.ApiException;
import dev.sluice.central.api.ErrorCode;
import dev.sluice.central.api.JsonBodies;
import dev.sluice.central.auth.AuthService;
import dev.sluice.central.auth.Principal;
import dev.sluice.wire.image.Platform;
import io.javalin.config.RoutesConfig;
import java.nio.file.Files;

/** {@code /api/v1/appliances/{id}/images}: create (202), state, download. */
public final class ImageRoutes {
  record CreateImageRequest(String platform) {}

  private ImageRoutes() {}

  public static void register(RoutesConfig routes, AuthService auth, ImageService images) {
    routes.post("/api/v1/appliances/{id}/images", ctx -> {
      Principal principal = auth.require(ctx);
      principal.requireAdmin();
      CreateImageRequest request = JsonBodies.read(ctx, CreateImageRequest.class);
      ctx.status(202).json(images.request(principal, ctx.pathParam("id"), platform(request.platform())));
    });
    routes.get("/api/v1/appliances/{id}/images/{platform}", ctx ->
        ctx.json(images.status(auth.require(ctx), ctx.pathParam("id"), platform(ctx.pathParam("platform")))));
    routes.get("/api/v1/appliances/{id}/images/{platform}/download", ctx -> {
      ImageService.Download download = images.download(auth.require(ctx), ctx.pathParam("id"), platform(ctx.pathParam("platform")));
      ctx.contentType("application/octet-stream");
      ctx.header("Content-Disposition", "attachment; filename=\"" + download.fileName() + "\"");
      ctx.header("Content-Length", Long.toString(download.size()));
      ctx.result(Files.newInputStream(download.file()));
    });
  }

  private static Platform platform(String id) {
    return Platform.fromId(id).orElseThrow(() ->
        new ApiException(ErrorCode.VALIDATION_FAILED, "platform must be esxi or hyperv, was " + id));
  }
}
