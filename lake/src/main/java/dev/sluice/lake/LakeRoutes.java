package dev.sluice.lake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.wire.ingest.ContentEncoding;
import dev.sluice.wire.ingest.IngestCodec;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The lake's HTTP API under {@code /api/v1/lake}, mounted on a Javalin app by whoever hosts it
 * ({@code ./sluice lake} alone, {@code ./sluice up} inside central's server):
 *
 * <pre>
 * POST   /api/v1/lake/ingest                    appliance → zstd or gzip JSON IngestBatch → IngestResponse
 * POST   /api/v1/lake/queries                   {"sql","from","to"} → 202 {"id","status",...}
 * GET    /api/v1/lake/queries/{id}              → {"id","status","result","error",...}
 * GET    /api/v1/lake/queries/{id}/results      ?pageSize=&amp;pageKey= → {"columns","rows","nextKey","previousKey"}
 * DELETE /api/v1/lake/queries/{id}              cancel → status
 * POST   /api/v1/lake/query                     {"sql","from","to"} → {"columns","rows","truncated"}
 * </pre>
 *
 * Errors are {@code {"code","message"}} with the status of {@link LakeErrorCode}. {@code from}
 * and {@code to} are ISO-8601 instants or epoch milliseconds.
 */
public final class LakeRoutes {

  /** Authenticates a console/API user: the tenant they act for, or empty (→ 401). */
  @FunctionalInterface
  public interface UserAuthenticator {
    Optional<String> tenantOf(Context ctx);
  }

  /** Authenticates an appliance (normally from its mTLS client certificate), or empty (→ 401). */
  @FunctionalInterface
  public interface ApplianceAuthenticator {
    Optional<ApplianceIdentity> applianceOf(Context ctx);
  }

  /** Largest compressed ingest body read. */
  public static final int MAX_INGEST_BODY = 32 * 1024 * 1024;
  private static final int MAX_QUERY_BODY = 256 * 1024;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final LakeService lake;
  private final UserAuthenticator users;
  private final ApplianceAuthenticator appliances;

  public LakeRoutes(LakeService lake, UserAuthenticator users, ApplianceAuthenticator appliances) {
    this.lake = lake;
    this.users = users;
    this.appliances = appliances;
  }

  /** Adds the routes, e.g. {@code Javalin.create(config -> lakeRoutes.addTo(config.routes))}. */
  public void addTo(RoutesConfig routes) {
    routes.post(IngestCodec.PATH, this::ingest);
    routes.post("/api/v1/lake/queries", this::submit);
    routes.get("/api/v1/lake/queries/{id}", this::status);
    routes.get("/api/v1/lake/queries/{id}/results", this::results);
    routes.delete("/api/v1/lake/queries/{id}", this::cancel);
    routes.post("/api/v1/lake/query", this::querySync);
  }

  private void ingest(Context ctx) throws IOException {
    Optional<ApplianceIdentity> appliance = appliances.applianceOf(ctx);
    if (appliance.isEmpty()) {
      error(ctx, new LakeError(LakeErrorCode.UNAUTHENTICATED, "an enrolled appliance's client certificate is required"));
      return;
    }
    byte[] body;
    try (InputStream in = ctx.req().getInputStream()) {
      body = in.readNBytes(MAX_INGEST_BODY + 1);
    }
    if (body.length > MAX_INGEST_BODY) {
      error(ctx, new LakeError(LakeErrorCode.BATCH_TOO_LARGE, "a batch is at most " + MAX_INGEST_BODY + " bytes compressed"));
      return;
    }
    String header = ctx.header("Content-Encoding");
    Optional<ContentEncoding> encoding = ContentEncoding.ofHeader(header);
    if (encoding.isEmpty()) {
      error(ctx, new LakeError(LakeErrorCode.BATCH_ENCODING_UNSUPPORTED,
          "Content-Encoding " + header + " is not supported: send zstd or gzip"));
      return;
    }
    IngestOutcome outcome = lake.ingest(appliance.get(), new ByteArrayInputStream(body), encoding.get());
    if (outcome instanceof IngestOutcome.Refused refused) {
      error(ctx, refused.error());
      return;
    }
    ctx.status(200).contentType("application/json")
        .result(IngestCodec.encodeResponse(((IngestOutcome.Stored) outcome).response()));
  }

  private Optional<String> tenant(Context ctx) {
    Optional<String> tenant = users.tenantOf(ctx).filter(TenantIds::isValid);
    if (tenant.isEmpty()) {
      error(ctx, new LakeError(LakeErrorCode.UNAUTHENTICATED, "sign in first"));
    }
    return tenant;
  }

  private Optional<QueryRequest> queryRequest(Context ctx) throws IOException {
    byte[] body;
    try (InputStream in = ctx.req().getInputStream()) {
      body = in.readNBytes(MAX_QUERY_BODY + 1);
    }
    if (body.length > MAX_QUERY_BODY) {
      error(ctx, new LakeError(LakeErrorCode.QUERY_TOO_LONG, "the request is larger than " + MAX_QUERY_BODY + " bytes"));
      return Optional.empty();
    }
    try {
      JsonNode json = JSON.readTree(body);
      if (json == null || !json.isObject()) {
        throw new IllegalArgumentException("the body must be a JSON object {\"sql\": ..., \"from\": ..., \"to\": ...}");
      }
      JsonNode sql = json.get("sql");
      if (sql == null || !sql.isTextual()) {
        throw new IllegalArgumentException("\"sql\" must be a string");
      }
      return Optional.of(new QueryRequest(sql.textValue(), instant(json.get("from"), "from"), instant(json.get("to"), "to")));
    } catch (JsonProcessingException e) {
      error(ctx, new LakeError(LakeErrorCode.BAD_REQUEST, "the body is not JSON: " + e.getOriginalMessage()));
    } catch (IllegalArgumentException e) {
      error(ctx, new LakeError(LakeErrorCode.BAD_REQUEST, e.getMessage()));
    }
    return Optional.empty();
  }

  private static Instant instant(JsonNode value, String name) {
    if (value == null || value.isNull()) {
      return null;
    }
    if (value.isIntegralNumber()) {
      return Instant.ofEpochMilli(value.longValue());
    }
    if (value.isTextual()) {
      try {
        return Instant.parse(value.textValue());
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("\"" + name + "\" must be an ISO-8601 instant or epoch milliseconds");
      }
    }
    throw new IllegalArgumentException("\"" + name + "\" must be an ISO-8601 instant or epoch milliseconds");
  }

  private void submit(Context ctx) throws IOException {
    Optional<String> tenant = tenant(ctx);
    if (tenant.isEmpty()) {
      return;
    }
    Optional<QueryRequest> request = queryRequest(ctx);
    if (request.isEmpty()) {
      return;
    }
    QuerySubmission submitted = lake.submitQuery(tenant.get(), request.get());
    if (submitted instanceof QuerySubmission.Refused refused) {
      error(ctx, refused.error());
      return;
    }
    json(ctx, 202, runJson(((QuerySubmission.Submitted) submitted).run()));
  }

  private void status(Context ctx) {
    tenant(ctx).ifPresent(tenant -> lake.queryStatus(tenant, ctx.pathParam("id")).ifPresentOrElse(
        run -> json(ctx, 200, runJson(run)),
        () -> error(ctx, new LakeError(LakeErrorCode.QUERY_NOT_FOUND, "no query " + ctx.pathParam("id")))));
  }

  private void cancel(Context ctx) {
    tenant(ctx).ifPresent(tenant -> lake.cancelQuery(tenant, ctx.pathParam("id")).ifPresentOrElse(
        run -> json(ctx, 200, runJson(run)),
        () -> error(ctx, new LakeError(LakeErrorCode.QUERY_NOT_FOUND, "no query " + ctx.pathParam("id")))));
  }

  private void results(Context ctx) {
    Optional<String> tenant = tenant(ctx);
    if (tenant.isEmpty()) {
      return;
    }
    Integer pageSize;
    try {
      String size = ctx.queryParam("pageSize");
      pageSize = size == null ? null : Integer.valueOf(size);
    } catch (NumberFormatException e) {
      error(ctx, new LakeError(LakeErrorCode.BAD_REQUEST, "pageSize must be a number"));
      return;
    }
    QueryPageOutcome outcome = lake.queryResults(tenant.get(), ctx.pathParam("id"), pageSize, ctx.queryParam("pageKey"));
    if (outcome instanceof QueryPageOutcome.Unavailable unavailable) {
      error(ctx, unavailable.error());
      return;
    }
    QueryPage page = ((QueryPageOutcome.Page) outcome).page();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("columns", page.columns());
    out.put("rows", page.rows());
    out.put("nextKey", page.nextKey());
    out.put("previousKey", page.previousKey());
    json(ctx, 200, out);
  }

  private void querySync(Context ctx) throws IOException {
    Optional<String> tenant = tenant(ctx);
    if (tenant.isEmpty()) {
      return;
    }
    Optional<QueryRequest> request = queryRequest(ctx);
    if (request.isEmpty()) {
      return;
    }
    QueryResult result = lake.query(tenant.get(), request.get());
    if (result instanceof QueryResult.Succeeded ok) {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("columns", ok.columns());
      out.put("rows", ok.rows());
      out.put("truncated", ok.truncated());
      json(ctx, 200, out);
    } else {
      error(ctx, errorOf(result));
    }
  }

  static LakeError errorOf(QueryResult result) {
    if (result instanceof QueryResult.Failed f) {
      return f.error();
    }
    if (result instanceof QueryResult.TimedOut t) {
      return t.error();
    }
    return ((QueryResult.Canceled) result).error();
  }

  /** The JSON of a run: status and result names as the API spells them. */
  static Map<String, Object> runJson(QueryRun run) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", run.id());
    out.put("status", run.status().name().toLowerCase(java.util.Locale.ROOT));
    out.put("result", run.result() == null ? null : switch (run.result()) {
      case SUCCEEDED -> "succeeded";
      case FAILED -> "failed";
      case TIMED_OUT -> "timedOut";
      case CANCELED -> "canceled";
    });
    out.put("error", run.error() == null ? null : errorJson(run.error()));
    out.put("rowCount", run.rowCount());
    out.put("truncated", run.truncated());
    out.put("submittedAt", String.valueOf(run.submittedAt()));
    out.put("startedAt", run.startedAt() == null ? null : run.startedAt().toString());
    out.put("finishedAt", run.finishedAt() == null ? null : run.finishedAt().toString());
    return out;
  }

  private static ObjectNode errorJson(LakeError error) {
    ObjectNode node = JSON.createObjectNode();
    node.put("code", error.code().name());
    node.put("message", error.message());
    return node;
  }

  private static void error(Context ctx, LakeError error) {
    json(ctx, error.code().httpStatus(), errorJson(error));
  }

  private static void json(Context ctx, int status, Object body) {
    try {
      ctx.status(status).contentType("application/json").result(JSON.writeValueAsBytes(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
