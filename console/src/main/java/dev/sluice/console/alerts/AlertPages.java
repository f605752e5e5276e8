package dev.sluice.console.alerts;

import dev.sluice.console.backend.HealthAlerts;
import dev.sluice.console.backend.Outcome;
import dev.sluice.console.web.ConsoleSession;
import dev.sluice.console.web.PageContext.Nav;
import dev.sluice.console.web.PageContext.Notice.Tone;
import dev.sluice.console.web.Pages;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.Comparator;
import java.util.List;

/** Integration health alerts, open ones first, and acknowledging them. */
public final class AlertPages {

  private final Pages pages;
  private final HealthAlerts alerts;

  public AlertPages(Pages pages) {
    this.pages = pages;
    this.alerts = pages.backend().healthAlerts();
  }

  public void addTo(JavalinConfig config) {
    config.routes.get(Pages.ROOT + "/alerts", pages.view(this::list));
    config.routes.post(Pages.ROOT + "/alerts/{id}/acknowledge", pages.action(this::acknowledge));
  }

  private void list(Context ctx, ConsoleSession session) {
    List<HealthAlerts.Alert> all = alerts.list(session.principal()).stream()
        .sorted(Comparator.comparing(HealthAlerts.Alert::acknowledged)
            .thenComparing(HealthAlerts.Alert::raisedAt, Comparator.reverseOrder()))
        .toList();
    pages.render(ctx, "alerts/list.jte", pages.context(session, "Alerts", Nav.ALERTS),
        "alerts", all);
  }

  private void acknowledge(Context ctx, ConsoleSession session) {
    Outcome<HealthAlerts.Alert> outcome =
        alerts.acknowledge(session.principal(), ctx.pathParam("id"));
    if (outcome instanceof Outcome.Ok<HealthAlerts.Alert> ok) {
      pages.notice(session, Tone.SUCCESS, "Acknowledged \u201c" + ok.value().title() + "\u201d."
          + " If the problem persists, the alert is raised again.");
    } else if (outcome instanceof Outcome.Refused<HealthAlerts.Alert> refused) {
      pages.notice(session, Tone.ERROR, refused.message() + " (" + refused.code() + ")");
    }
    pages.redirect(ctx, Pages.ROOT + "/alerts");
  }
}
