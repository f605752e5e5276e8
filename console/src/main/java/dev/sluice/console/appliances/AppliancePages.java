package dev.sluice.console.appliances;

import dev.sluice.console.backend.Appliances;
import dev.sluice.console.backend.Appliances.Appliance;
import dev.sluice.console.backend.Appliances.Download;
import dev.sluice.console.backend.Appliances.Image;
import dev.sluice.console.backend.Appliances.Platform;
import dev.sluice.console.backend.Integrations.Integration;
import dev.sluice.console.backend.Outcome;
import dev.sluice.console.backend.Principal;
import dev.sluice.console.integrations.IntegrationRow;
import dev.sluice.console.web.ConsoleSession;
import dev.sluice.console.web.PageContext.Nav;
import dev.sluice.console.web.PageContext.Notice.Tone;
import dev.sluice.console.web.Pages;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Appliance list and details, image builds and downloads. */
public final class AppliancePages {

  private final Pages pages;
  private final Appliances appliances;

  public AppliancePages(Pages pages) {
    this.pages = pages;
    this.appliances = pages.backend().appliances();
  }

  public void addTo(JavalinConfig config) {
    String root = Pages.ROOT + "/appliances";
    config.routes.get(root, pages.view(this::list));
    config.routes.get(root + "/{id}", pages.view(this::details));
    config.routes.post(root + "/{id}/images/{platform}", pages.action(this::build));
    config.routes.get(root + "/{id}/images/{platform}/box", pages.view(this::box));
    config.routes.get(root + "/{id}/images/{platform}/download", pages.view(this::download));
  }

  private void list(Context ctx, ConsoleSession session) {
    pages.render(ctx, "appliances/list.jte", pages.context(session, "Appliances", Nav.APPLIANCES),
        "appliances", appliances.list(session.principal()));
  }

  private void details(Context ctx, ConsoleSession session) {
    Principal principal = session.principal();
    Optional<Appliance> appliance = appliances.get(principal, ctx.pathParam("id"));
    if (appliance.isEmpty()) {
      pages.notFound(ctx, session, "Appliance");
      return;
    }
    Image image = appliances.image(principal, appliance.get().id(), appliance.get().platform())
        .orElse(null);
    List<IntegrationRow> rows = new ArrayList<>();
    for (Integration integration : pages.backend().integrations().list(principal)) {
      if (integration.applianceId().equals(appliance.get().id())) {
        rows.add(new IntegrationRow(integration, appliance.get(), image));
      }
    }
    pages.render(ctx, "appliances/details.jte",
        pages.context(session, appliance.get().name(), Nav.APPLIANCES),
        "appliance", appliance.get(), "image", image, "rows", rows);
  }

  private void build(Context ctx, ConsoleSession session) {
    Optional<Platform> platform = Platform.fromId(ctx.pathParam("platform"));
    String applianceId = ctx.pathParam("id");
    if (platform.isEmpty()) {
      ctx.status(HttpStatus.NOT_FOUND);
      return;
    }
    Outcome<Image> outcome = appliances.buildImage(session.principal(), applianceId, platform.get());
    if (outcome instanceof Outcome.Ok<Image>) {
      pages.notice(session, Tone.INFO, "A new " + platform.get().label() + " image is being"
          + " built. Any unused older image of this appliance no longer works.");
    } else if (outcome instanceof Outcome.Refused<Image> refused) {
      pages.notice(session, Tone.ERROR, refused.message() + " (" + refused.code() + ")");
    } else if (outcome instanceof Outcome.Invalid<Image> invalid) {
      pages.notice(session, Tone.ERROR, String.join(" ", invalid.fieldErrors().values()));
    }
    pages.redirect(ctx, backTo(ctx, applianceId));
  }

  private void box(Context ctx, ConsoleSession session) {
    Principal principal = session.principal();
    Optional<Platform> platform = Platform.fromId(ctx.pathParam("platform"));
    Optional<Appliance> appliance = appliances.get(principal, ctx.pathParam("id"));
    if (platform.isEmpty() || appliance.isEmpty()) {
      ctx.status(HttpStatus.NOT_FOUND);
      return;
    }
    pages.fragment(ctx, "appliances/image-box.jte",
        "applianceId", appliance.get().id(),
        "platform", platform.get(),
        "image", appliances.image(principal, appliance.get().id(), platform.get()).orElse(null),
        "online", appliance.get().online(),
        "csrf", session.csrfToken(),
        "now", pages.clock().instant());
  }

  private void download(Context ctx, ConsoleSession session) {
    Optional<Platform> platform = Platform.fromId(ctx.pathParam("platform"));
    Optional<Download> download = platform.flatMap(
        p -> appliances.download(session.principal(), ctx.pathParam("id"), p));
    if (download.isEmpty()) {
      pages.notice(session, Tone.ERROR, "That image is not available for download. It may still"
          + " be building, or a newer image replaced it.");
      ctx.redirect(Pages.ROOT + "/appliances/" + ctx.pathParam("id"), HttpStatus.SEE_OTHER);
      return;
    }
    Download file = download.get();
    ctx.contentType(file.contentType());
    ctx.header("Content-Disposition", "attachment; filename=\"" + file.fileName()
        .replaceAll("[^A-Za-z0-9._-]", "_") + "\"");
    if (file.sizeBytes() >= 0) {
      ctx.header("Content-Length", Long.toString(file.sizeBytes()));
    }
    ctx.result(file.content());
  }

  /** Where to go after building: back to the page the button was on, if it was a console page. */
  private static String backTo(Context ctx, String applianceId) {
    String referer = ctx.header("Referer");
    if (referer != null) {
      int start = referer.indexOf(Pages.ROOT + "/");
      if (start >= 0) {
        String path = referer.substring(start);
        if (!path.contains("//") && !path.contains("\\")) {
          return path;
        }
      }
    }
    return Pages.ROOT + "/appliances/" + applianceId;
  }
}
