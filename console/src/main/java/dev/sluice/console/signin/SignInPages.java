package dev.sluice.console.signin;

import dev.sluice.console.backend.Outcome;
import dev.sluice.console.backend.Principal;
import dev.sluice.console.web.FormState;
import dev.sluice.console.web.Pages;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sign-in and sign-out. The sign-in form carries a double-submit token (cookie + field), so
 * another site cannot sign a browser into an account of its choosing.
 */
public final class SignInPages {

  static final String SIGN_IN_COOKIE = "sluice_sign_in";
  private static final String DEFAULT_NEXT = Pages.ROOT + "/integrations/marketplace";

  private final Pages pages;
  private final SecureRandom random = new SecureRandom();

  public SignInPages(Pages pages) {
    this.pages = pages;
  }

  public void addTo(JavalinConfig config) {
    config.routes.get(Pages.ROOT + "/sign-in", pages.open(this::show));
    config.routes.post(Pages.ROOT + "/sign-in", pages.open(this::signIn));
    config.routes.post(Pages.ROOT + "/sign-out", pages.action((ctx, session) -> {
      pages.endSession(ctx, session);
      ctx.redirect(Pages.ROOT + "/sign-in?signedOut=1", HttpStatus.SEE_OTHER);
    }));
  }

  private void show(Context ctx) {
    if (pages.currentSession(ctx).isPresent()) {
      ctx.redirect(safeNext(ctx.queryParam("next")), HttpStatus.SEE_OTHER);
      return;
    }
    String notice = ctx.queryParam("signedOut") != null ? "You have signed out." : null;
    render(ctx, FormState.empty(), safeNext(ctx.queryParam("next")), notice);
  }

  private void signIn(Context ctx) {
    String next = safeNext(ctx.formParam("next"));
    Map<String, String> values = new LinkedHashMap<>();
    values.put("email", ctx.formParam("email") == null ? "" : ctx.formParam("email").strip());
    FormState form = FormState.of(values);
    String cookieToken = ctx.cookie(SIGN_IN_COOKIE);
    String fieldToken = ctx.formParam("_signin");
    if (cookieToken == null || fieldToken == null || !MessageDigest.isEqual(
        cookieToken.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
        fieldToken.getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
      ctx.status(HttpStatus.FORBIDDEN);
      render(ctx, form.withErrors(Map.of("form",
          "The sign-in form expired. Try again.")), next, null);
      return;
    }
    String password = ctx.formParam("password") == null ? "" : ctx.formParam("password");
    Map<String, String> missing = new LinkedHashMap<>();
    if (values.get("email").isEmpty()) {
      missing.put("email", "Enter the email address of your account.");
    }
    if (password.isEmpty()) {
      missing.put("password", "Enter your password.");
    }
    if (!missing.isEmpty()) {
      ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
      render(ctx, form.withErrors(missing), next, null);
      return;
    }
    Outcome<Principal> outcome =
        pages.backend().accounts().signIn(values.get("email"), password, ctx.ip());
    if (outcome instanceof Outcome.Ok<Principal> ok) {
      pages.startSession(ctx, ok.value());
      ctx.redirect(next, HttpStatus.SEE_OTHER);
    } else if (outcome instanceof Outcome.Invalid<Principal> invalid) {
      ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
      render(ctx, form.withErrors(invalid.fieldErrors()), next, null);
    } else if (outcome instanceof Outcome.Refused<Principal> refused) {
      ctx.status(refused.code().contains("RATE") ? HttpStatus.TOO_MANY_REQUESTS
          : HttpStatus.UNAUTHORIZED);
      render(ctx, form.withErrors(Map.of("form", refused.message())), next, null);
    }
  }

  private void render(Context ctx, FormState form, String next, String notice) {
    byte[] bytes = new byte[24];
    random.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    ctx.cookie(new Cookie(SIGN_IN_COOKIE, token, Pages.ROOT, 3600, false, true, null,
        SameSite.STRICT));
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("form", form);
    params.put("next", next);
    params.put("signInToken", token);
    params.put("notice", notice);
    pages.renderBare(ctx, "sign-in.jte", params);
  }

  /** Only console paths are allowed as a destination after sign-in. */
  static String safeNext(String next) {
    if (next == null || !next.startsWith(Pages.ROOT + "/") || next.startsWith("//")
        || next.contains("\\") || next.startsWith(Pages.ROOT + "/sign-")) {
      return DEFAULT_NEXT;
    }
    return next;
  }
}
