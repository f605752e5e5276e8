package dev.sluice.lake;

/** The lake's error catalogue: each code with its HTTP status. REST errors are {@code {"code","message"}}. */
public enum LakeErrorCode {
  UNAUTHENTICATED(401),
  INTEGRATION_NOT_OWNED(403),
  BATCH_NOT_GZIP(400),
  BATCH_NOT_ZSTD(400),
  /** A {@code Content-Encoding} other than gzip or zstd. */
  BATCH_ENCODING_UNSUPPORTED(415),
  BATCH_MALFORMED(400),
  BATCH_TOO_MANY_EVENTS(413),
  BATCH_TOO_LARGE(413),
  LAKE_UNAVAILABLE(503),
  BAD_REQUEST(400),
  QUERY_NOT_FOUND(404),
  QUERY_NOT_FINISHED(409),
  QUERY_TOO_MANY(429),
  /** No SQL was given. */
  QUERY_EMPTY(400),
  QUERY_TOO_LONG(400),
  /** The SQL does not parse. */
  QUERY_SYNTAX(400),
  /** Only one SELECT statement is allowed (no COPY, ATTACH, SET, PRAGMA, INSTALL, CREATE, ...). */
  QUERY_NOT_SELECT(400),
  QUERY_MULTIPLE_STATEMENTS(400),
  /** Only the table {@code alerts} (and the query's own CTEs) can be read. */
  QUERY_TABLE_NOT_ALLOWED(400),
  /** File, metadata and settings functions are not available. */
  QUERY_FUNCTION_NOT_ALLOWED(400),
  /** The query ran and DuckDB reported an error (binder, conversion, out of memory, ...). */
  QUERY_FAILED(400),
  QUERY_TIMED_OUT(408),
  QUERY_CANCELED(409);

  private final int httpStatus;

  LakeErrorCode(int httpStatus) {
    this.httpStatus = httpStatus;
  }

  public int httpStatus() {
    return httpStatus;
  }

  /** The code for a wire decoding failure such as {@code BATCH_NOT_GZIP}. */
  public static LakeErrorCode ofBatchProblem(String code) {
    for (LakeErrorCode c : values()) {
      if (c.name().equals(code)) {
        return c;
      }
    }
    return BATCH_MALFORMED;
  }
}
