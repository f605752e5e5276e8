package dev.sluice.console.datalake;

import dev.sluice.console.backend.LakeQueries;
import dev.sluice.console.backend.Outcome;
import dev.sluice.console.web.ConsoleSession;
import dev.sluice.console.web.PageContext.Nav;
import dev.sluice.console.web.Pages;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The Data Lake page: overview chart, SQL editor with examples, paged results, CSV export. */
public final class DataLakePages {

  static final int PAGE_SIZE = 50;
  static final int MAX_SQL_LENGTH = 20_000;
  static final int MAX_EXPORT_ROWS = 100_000;
  static final int EXPORT_PAGE_SIZE = 1_000;

  private final Pages pages;
  private final LakeQueries lake;
  private final LakeOverview overview;

  public DataLakePages(Pages pages) {
    this.pages = pages;
    this.lake = pages.backend().lake();
    this.overview = new LakeOverview(lake);
  }

  /** What the results area shows. */
  public record Results(String sql, LakeQueries.Page page, Outcome.Refused<?> error,
      int pageNumber, String pageKey) {
    public boolean hasRows() {
      return page != null && !page.rows().isEmpty();
    }
  }

  public void addTo(JavalinConfig config) {
    config.routes.get(Pages.ROOT + "/data-lake", pages.view(this::show));
    config.routes.get(Pages.ROOT + "/data-lake/export.csv", pages.view(this::export));
  }

  private void show(Context ctx, ConsoleSession session) {
    AlertChart.Window window = AlertChart.Window.fromId(ctx.queryParam("window"));
    String sql = ctx.queryParam("sql");
    Results results = null;
    if (sql != null && !sql.isBlank()) {
      results = run(session, sql.strip(), ctx.queryParam("page"), pageNumber(ctx));
    }
    pages.render(ctx, "datalake/page.jte", pages.context(session, "Data Lake", Nav.DATA_LAKE),
        "overview", overview.load(session.principal(), window, pages.clock().instant()),
        "window", window,
        "sql", sql == null || sql.isBlank() ? ExampleQuery.LATEST.sql() : sql,
        "examples", List.of(ExampleQuery.values()),
        "results", results);
  }

  private Results run(ConsoleSession session, String sql, String pageKey, int pageNumber) {
    if (sql.length() > MAX_SQL_LENGTH) {
      return new Results(sql, null, new Outcome.Refused<>("QUERY_TOO_LONG",
          "The query has " + sql.length() + " characters; the limit is " + MAX_SQL_LENGTH + "."),
          pageNumber, pageKey);
    }
    Outcome<LakeQueries.Page> outcome = lake.run(session.principal(), sql,
        pageKey == null || pageKey.isEmpty() ? null : pageKey, PAGE_SIZE);
    if (outcome instanceof Outcome.Ok<LakeQueries.Page> ok) {
      return new Results(sql, ok.value(), null, pageNumber, pageKey);
    }
    if (outcome instanceof Outcome.Refused<LakeQueries.Page> refused) {
      return new Results(sql, null, refused, pageNumber, pageKey);
    }
    Outcome.Invalid<LakeQueries.Page> invalid = (Outcome.Invalid<LakeQueries.Page>) outcome;
    return new Results(sql, null, new Outcome.Refused<>("QUERY_INVALID",
        String.join(" ", invalid.fieldErrors().values())), pageNumber, pageKey);
  }

  private void export(Context ctx, ConsoleSession session) {
    String sql = ctx.queryParam("sql");
    if (sql == null || sql.isBlank() || sql.length() > MAX_SQL_LENGTH) {
      ctx.status(400).result("Give the query to export in the sql parameter.");
      return;
    }
    Outcome<LakeQueries.Page> first = lake.run(session.principal(), sql, null, EXPORT_PAGE_SIZE);
    if (!(first instanceof Outcome.Ok<LakeQueries.Page> ok)) {
      String message = first instanceof Outcome.Refused<LakeQueries.Page> refused
          ? refused.message() + " (" + refused.code() + ")" : "The query was refused.";
      ctx.status(422).contentType("text/plain; charset=utf-8").result(message);
      return;
    }
    StringBuilder csv = new StringBuilder();
    Csv.appendRow(csv, ok.value().columns());
    LakeQueries.Page page = ok.value();
    int rows = 0;
    while (true) {
      for (List<String> row : page.rows()) {
        if (rows++ >= MAX_EXPORT_ROWS) {
          break;
        }
        Csv.appendRow(csv, row);
      }
      if (page.nextPageKey() == null || rows >= MAX_EXPORT_ROWS) {
        break;
      }
      Outcome<LakeQueries.Page> next =
          lake.run(session.principal(), sql, page.nextPageKey(), EXPORT_PAGE_SIZE);
      if (!(next instanceof Outcome.Ok<LakeQueries.Page> nextOk)) {
        break;
      }
      page = nextOk.value();
    }
    ctx.contentType("text/csv; charset=utf-8");
    ctx.header("Content-Disposition", "attachment; filename=\"sluice-query.csv\"");
    ctx.result(csv.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static int pageNumber(Context ctx) {
    String n = ctx.queryParam("n");
    if (n == null || !n.matches("\\d{1,6}")) {
      return 1;
    }
    return Math.max(1, Integer.parseInt(n));
  }
}
