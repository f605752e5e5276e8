package dev.sluice.console.web;

import dev.sluice.console.backend.ConsoleBackend;
import dev.sluice.console.backend.HealthAlerts;
import dev.sluice.console.backend.Principal;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shared machinery of every console page: sessions and sign-in checks, CSRF checks on every
 * state-changing request, rendering the precompiled templates, one-shot notices, and turning
 * unexpected failures into a page with an incident id instead of a stack trace.
 */
public final class Pages {

  public static final String ROOT = "/console";
  public static final String SESSION_COOKIE = "sluice_console";
  public static final String CSRF_FIELD = "_csrf";
  public static final String CSRF_HEADER = "X-CSRF-Token";

  private static final Logger LOG = LoggerFactory.getLogger(Pages.class);

  private final ConsoleBackend backend;
  private final SessionStore sessions;
  private final Clock clock;
  private final boolean secureCookies;
  private final String assetVersion;
  private final TemplateEngine templates = TemplateEngine.createPrecompiled(
      null, ContentType.Html, Pages.class.getClassLoader(), "dev.sluice.console.templates");
  private final Map<String, PageContext.Notice> notices = new ConcurrentHashMap<>();

  public Pages(ConsoleBackend backend, SessionStore sessions, Clock clock, boolean secureCookies,
      String assetVersion) {
    this.backend = backend;
    this.sessions = sessions;
    this.clock = clock;
    this.secureCookies = secureCookies;
    this.assetVersion = assetVersion;
  }

  /** A page or fragment for a signed-in user. */
  @FunctionalInterface
  public interface SignedInHandler {
    void handle(Context ctx, ConsoleSession session) throws Exception;
  }

  public ConsoleBackend backend() {
    return backend;
  }

  public Clock clock() {
    return clock;
  }

  /** Wraps a GET handler: needs a live session, otherwise sends the browser to sign in. */
  public Handler view(SignedInHandler handler) {
    return signedIn(handler, false);
  }

  /** Wraps a POST handler: needs a live session and the session's CSRF token. */
  public Handler action(SignedInHandler handler) {
    return signedIn(handler, true);
  }

  private Handler signedIn(SignedInHandler handler, boolean changesState) {
    return ctx -> guarded(ctx, () -> {
      Optional<ConsoleSession> session = currentSession(ctx);
      if (session.isEmpty()) {
        toSignIn(ctx);
        return;
      }
      if (changesState && !csrfTokenMatches(ctx, session.get())) {
        ctx.status(HttpStatus.FORBIDDEN);
        renderBare(ctx, "error.jte", Map.of(
            "title", "This form has expired",
            "message", "The page was open too long or came from somewhere else. Go back, reload"
                + " the page and try again.",
            "code", "CONSOLE_CSRF_MISMATCH",
            "incident", ""));
        return;
      }
      handler.handle(ctx, session.get());
    });
  }

  private static boolean csrfTokenMatches(Context ctx, ConsoleSession session) {
    String submitted = ctx.header(CSRF_HEADER);
    if (submitted == null) {
      submitted = ctx.formParam(CSRF_FIELD);
    }
    return SessionStore.csrfMatches(session, submitted);
  }

  /** Wraps a handler that needs no session (sign-in). Failures still get an incident page. */
  public Handler open(Handler handler) {
    return ctx -> guarded(ctx, () -> handler.handle(ctx));
  }

  public Optional<ConsoleSession> currentSession(Context ctx) {
    Optional<ConsoleSession> session = sessions.find(ctx.cookie(SESSION_COOKIE));
    if (session.isEmpty()) {
      return session;
    }
    if (backend.accounts().authenticate(session.get().principal().token()).isEmpty()) {
      sessions.close(session.get().id());
      return Optional.empty();
    }
    return session;
  }

  public ConsoleSession startSession(Context ctx, Principal principal) {
    ConsoleSession session = sessions.open(principal);
    Cookie cookie = new Cookie(SESSION_COOKIE, session.id(), ROOT, -1, secureCookies, true, null,
        SameSite.STRICT);
    ctx.cookie(cookie);
    return session;
  }

  public void endSession(Context ctx, ConsoleSession session) {
    backend.accounts().signOut(session.principal());
    sessions.close(session.id());
    notices.remove(session.id());
    ctx.cookie(new Cookie(SESSION_COOKIE, "", ROOT, 0, secureCookies, true, null, SameSite.STRICT));
  }

  public void notice(ConsoleSession session, PageContext.Notice.Tone tone, String text) {
    notices.put(session.id(), new PageContext.Notice(tone, text));
  }

  public PageContext context(ConsoleSession session, String title, PageContext.Nav nav) {
    PageContext.Notice notice = notices.remove(session.id());
    int openAlerts = 0;
    for (HealthAlerts.Alert alert : backend.healthAlerts().list(session.principal())) {
      if (!alert.acknowledged()) {
        openAlerts++;
      }
    }
    return new PageContext(title, nav, session.principal(), session.csrfToken(), notice, openAlerts,
        clock.instant(), assetVersion);
  }

  /** Renders a full page: the named template gets {@code page} plus the given parameters. */
  public void render(Context ctx, String template, PageContext page, Object... namedParams) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("page", page);
    putAll(params, namedParams);
    renderBare(ctx, template, params);
  }

  /** Renders a template (a fragment or a page without the signed-in layout). */
  public void fragment(Context ctx, String template, Object... namedParams) {
    Map<String, Object> params = new LinkedHashMap<>();
    putAll(params, namedParams);
    renderBare(ctx, template, params);
  }

  public void renderBare(Context ctx, String template, Map<String, Object> params) {
    StringOutput out = new StringOutput();
    templates.render(template, params, out);
    ctx.contentType("text/html; charset=utf-8");
    ctx.result(out.toString());
  }

  public String assetVersion() {
    return assetVersion;
  }

  /** Redirects after a successful POST; htmx requests get HX-Redirect instead. */
  public void redirect(Context ctx, String location) {
    if (isHtmx(ctx)) {
      ctx.header("HX-Redirect", location);
      ctx.status(HttpStatus.NO_CONTENT);
    } else {
      ctx.redirect(location, HttpStatus.SEE_OTHER);
    }
  }

  public static boolean isHtmx(Context ctx) {
    return "true".equals(ctx.header("HX-Request"));
  }

  /** A form's submitted values, first value per field, trimmed. */
  public static Map<String, String> formValues(Context ctx, List<String> fields) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String field : fields) {
      String value = ctx.formParam(field);
      values.put(field, value == null ? "" : value.strip());
    }
    return values;
  }

  public void notFound(Context ctx, ConsoleSession session, String what) {
    ctx.status(HttpStatus.NOT_FOUND);
    render(ctx, "not-found.jte", context(session, "Not found", PageContext.Nav.NONE),
        "what", what);
  }

  private void toSignIn(Context ctx) {
    String next = ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString());
    String location = ROOT + "/sign-in?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8);
    if (isHtmx(ctx)) {
      ctx.header("HX-Redirect", location);
      ctx.status(HttpStatus.UNAUTHORIZED);
    } else {
      ctx.redirect(location, HttpStatus.SEE_OTHER);
    }
  }

  @FunctionalInterface
  private interface Body {
    void run() throws Exception;
  }

  private void guarded(Context ctx, Body body) {
    try {
      body.run();
    } catch (Exception | LinkageError e) {
      String incident = UUID.randomUUID().toString().substring(0, 8);
      LOG.error("console: incident {} on {} {}", incident, ctx.method(), ctx.path(), e);
      ctx.status(HttpStatus.INTERNAL_SERVER_ERROR);
      renderBare(ctx, "error.jte", Map.of(
          "title", "Something went wrong",
          "message", "The console could not complete this request. Try again; if it keeps"
              + " happening, give support the incident id below.",
          "code", "CONSOLE_INTERNAL",
          "incident", incident));
    }
  }

  private static void putAll(Map<String, Object> params, Object[] namedParams) {
    if (namedParams.length % 2 != 0) {
      throw new IllegalArgumentException("named parameters come in name, value pairs");
    }
    for (int i = 0; i < namedParams.length; i += 2) {
      params.put((String) namedParams[i], namedParams[i + 1]);
    }
  }
}
