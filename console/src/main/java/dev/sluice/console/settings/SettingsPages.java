package dev.sluice.console.settings;

import dev.sluice.console.backend.Accounts;
import dev.sluice.console.backend.Catalog.Product;
import dev.sluice.console.backend.DomainsAndIps;
import dev.sluice.console.backend.Outcome;
import dev.sluice.console.backend.Principal;
import dev.sluice.console.web.ConsoleSession;
import dev.sluice.console.web.FormState;
import dev.sluice.console.web.PageContext.Nav;
import dev.sluice.console.web.PageContext.Notice.Tone;
import dev.sluice.console.web.Pages;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Settings: my domains and IPs (also the first-integration prompt), users, API tokens, audit. */
public final class SettingsPages {

  private final Pages pages;

  public SettingsPages(Pages pages) {
    this.pages = pages;
  }

  public void addTo(JavalinConfig config) {
    String root = Pages.ROOT + "/settings";
    config.routes.get(root, pages.view((ctx, s) -> ctx.redirect(root + "/domains-and-ips")));
    config.routes.get(root + "/domains-and-ips", pages.view(this::domains));
    config.routes.post(root + "/domains-and-ips", pages.action(this::saveDomains));
    config.routes.post(root + "/domains-and-ips/check", pages.action(this::checkDomains));
    config.routes.get(root + "/users", pages.view(this::users));
    config.routes.post(root + "/users", pages.action(this::addUser));
    config.routes.get(root + "/api-tokens", pages.view(this::tokens));
    config.routes.post(root + "/api-tokens", pages.action(this::createToken));
    config.routes.post(root + "/api-tokens/{id}/revoke", pages.action(this::revokeToken));
    config.routes.get(root + "/audit-log", pages.view(this::audit));
  }

  // ---- my domains and IPs ----

  private void domains(Context ctx, ConsoleSession session) {
    DomainsAndIps current = pages.backend().domainsAndIps().get(session.principal());
    List<String> ranges = current.confirmed() || !current.ipRanges().isEmpty()
        ? current.ipRanges() : DomainsAndIps.DEFAULT_RANGES;
    Map<String, String> values = new LinkedHashMap<>();
    values.put("domains", String.join("\n", current.domains()));
    values.put("ipRanges", String.join("\n", ranges));
    renderDomains(ctx, session, FormState.of(values), current.confirmed(), firstProduct(ctx, session));
  }

  private void saveDomains(Context ctx, ConsoleSession session) {
    Map<String, String> values = Pages.formValues(ctx, List.of("domains", "ipRanges"));
    FormState form = FormState.of(values);
    Optional<Product> first = firstProduct(ctx, session);
    Map<String, String> errors = DomainsForm.errors(values.get("domains"), values.get("ipRanges"));
    if (!errors.isEmpty()) {
      ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
      renderDomains(ctx, session, form.withErrors(errors), false, first);
      return;
    }
    Outcome<DomainsAndIps> outcome = pages.backend().domainsAndIps().save(session.principal(),
        DomainsForm.entries(values.get("domains")), DomainsForm.entries(values.get("ipRanges")));
    if (outcome instanceof Outcome.Ok<DomainsAndIps>) {
      if (first.isPresent()) {
        pages.notice(session, Tone.SUCCESS, "Your domains and IPs are saved. Now set up the"
            + " integration.");
        ctx.redirect(Pages.ROOT + "/integrations/products/" + first.get().id() + "/new",
            HttpStatus.SEE_OTHER);
      } else {
        pages.notice(session, Tone.SUCCESS, "Your domains and IPs are saved. New alerts are"
            + " marked internal or external with them.");
        ctx.redirect(Pages.ROOT + "/settings/domains-and-ips", HttpStatus.SEE_OTHER);
      }
    } else if (outcome instanceof Outcome.Invalid<DomainsAndIps> invalid) {
      ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
      renderDomains(ctx, session, form.withErrors(invalid.fieldErrors()), false, first);
    } else if (outcome instanceof Outcome.Refused<DomainsAndIps> refused) {
      ctx.status(HttpStatus.FORBIDDEN);
      renderDomains(ctx, session, form.withErrors(Map.of("form",
          refused.message() + " (" + refused.code() + ")")), false, first);
    }
  }

  /** As-you-type check of one list; answers with the problems to show next to the field. */
  private void checkDomains(Context ctx, ConsoleSession session) {
    String field = "domains".equals(ctx.queryParam("field")) ? "domains" : "ipRanges";
    List<String> problems = "domains".equals(field)
        ? DomainsForm.domainProblems(ctx.formParam("domains"))
        : DomainsForm.rangeProblems(ctx.formParam("ipRanges"));
    int count = DomainsForm.entries(ctx.formParam(field)).size();
    pages.fragment(ctx, "settings/check.jte", "field", field, "problems", problems,
        "count", count);
  }

  private void renderDomains(Context ctx, ConsoleSession session, FormState form,
      boolean confirmed, Optional<Product> first) {
    pages.render(ctx, "settings/domains.jte",
        pages.context(session, "My domains and IPs",
            first.isPresent() ? Nav.MARKETPLACE : Nav.DOMAINS_AND_IPS),
        "form", form,
        "confirmed", confirmed,
        "first", first.orElse(null),
        "defaults", DomainsAndIps.DEFAULT_RANGES);
  }

  private Optional<Product> firstProduct(Context ctx, ConsoleSession session) {
    String productId = ctx.queryParam("first");
    if (productId == null) {
      productId = ctx.formParam("first");
    }
    if (productId == null || productId.isEmpty()) {
      return Optional.empty();
    }
    return pages.backend().catalog().product(session.principal(), productId);
  }

  // ---- users ----

  private void users(Context ctx, ConsoleSession session) {
    renderUsers(ctx, session, FormState.of(Map.of("role", "READ_ONLY")));
  }

  private void addUser(Context ctx, ConsoleSession session) {
    Map<String, String> values =
        Pages.formValues(ctx, List.of("email", "displayName", "role", "password"));
    Map<String, String> errors = new LinkedHashMap<>();
    if (!values.get("email").matches("[^@\\s]+@[^@\\s]+")) {
      errors.put("email", values.get("email").isEmpty() ? "Enter the user's email address."
          : "\u201c" + values.get("email") + "\u201d is not an email address.");
    }
    if (values.get("password").length() < 12) {
      errors.put("password", "Use at least 12 characters for the first password.");
    }
    Principal.Role role = "ADMIN".equals(values.get("role"))
        ? Principal.Role.ADMIN : Principal.Role.READ_ONLY;
    values.put("password", "");
    FormState form = FormState.of(values);
    if (!errors.isEmpty()) {
      ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
      renderUsers(ctx, session, form.withErrors(errors));
      return;
    }
    Outcome<Accounts.User> outcome = pages.backend().accounts().addUser(session.principal(),
        values.get("email"), values.get("displayName"), role, ctx.formParam("password"));
    if (outcome instanceof Outcome.Ok<Accounts.User> ok) {
      pages.notice(session, Tone.SUCCESS, ok.value().email() + " can now sign in.");
      ctx.redirect(Pages.ROOT + "/settings/users", HttpStatus.SEE_OTHER);
    } else if (outcome instanceof Outcome.Invalid<Accounts.User> invalid) {
      ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
      renderUsers(ctx, session, form.withErrors(invalid.fieldErrors()));
    } else if (outcome instanceof Outcome.Refused<Accounts.User> refused) {
      ctx.status(HttpStatus.FORBIDDEN);
      renderUsers(ctx, session, form.withErrors(Map.of("form",
          refused.message() + " (" + refused.code() + ")")));
    }
  }

  private void renderUsers(Context ctx, ConsoleSession session, FormState form) {
    pages.render(ctx, "settings/users.jte", pages.context(session, "Users", Nav.USERS),
        "users", pages.backend().accounts().users(session.principal()), "form", form);
  }

  // ---- API tokens ----

  private void tokens(Context ctx, ConsoleSession session) {
    renderTokens(ctx, session, FormState.of(Map.of("role", "READ_ONLY")), null);
  }

  private void createToken(Context ctx, ConsoleSession session) {
    Map<String, String> values = Pages.formValues(ctx, List.of("name", "role"));
    FormState form = FormState.of(values);
    if (values.get("name").isEmpty()) {
      ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
      renderTokens(ctx, session, form.withErrors(Map.of("name",
          "Name the token after what will use it, for example \u201cSIEM export\u201d.")), null);
      return;
    }
    Principal.Role role = "ADMIN".equals(values.get("role"))
        ? Principal.Role.ADMIN : Principal.Role.READ_ONLY;
    Outcome<Accounts.NewApiToken> outcome =
        pages.backend().accounts().createApiToken(session.principal(), values.get("name"), role);
    if (outcome instanceof Outcome.Ok<Accounts.NewApiToken> ok) {
      renderTokens(ctx, session, FormState.of(Map.of("role", "READ_ONLY")), ok.value());
    } else if (outcome instanceof Outcome.Invalid<Accounts.NewApiToken> invalid) {
      ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
      renderTokens(ctx, session, form.withErrors(invalid.fieldErrors()), null);
    } else if (outcome instanceof Outcome.Refused<Accounts.NewApiToken> refused) {
      ctx.status(HttpStatus.FORBIDDEN);
      renderTokens(ctx, session, form.withErrors(Map.of("form",
          refused.message() + " (" + refused.code() + ")")), null);
    }
  }

  private void revokeToken(Context ctx, ConsoleSession session) {
    Outcome<Accounts.ApiToken> outcome =
        pages.backend().accounts().revokeApiToken(session.principal(), ctx.pathParam("id"));
    if (outcome instanceof Outcome.Ok<Accounts.ApiToken> ok) {
      pages.notice(session, Tone.SUCCESS, "The token \u201c" + ok.value().name()
          + "\u201d no longer works.");
    } else if (outcome instanceof Outcome.Refused<Accounts.ApiToken> refused) {
      pages.notice(session, Tone.ERROR, refused.message() + " (" + refused.code() + ")");
    }
    pages.redirect(ctx, Pages.ROOT + "/settings/api-tokens");
  }

  private void renderTokens(Context ctx, ConsoleSession session, FormState form,
      Accounts.NewApiToken created) {
    pages.render(ctx, "settings/tokens.jte", pages.context(session, "API tokens", Nav.API_TOKENS),
        "tokens", pages.backend().accounts().apiTokens(session.principal()),
        "form", form, "created", created);
  }

  // ---- audit log ----

  private void audit(Context ctx, ConsoleSession session) {
    pages.render(ctx, "settings/audit.jte", pages.context(session, "Audit log", Nav.AUDIT_LOG),
        "entries", pages.backend().accounts().auditLog(session.principal(), 500));
  }
}
