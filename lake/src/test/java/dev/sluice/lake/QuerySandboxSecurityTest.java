package dev.sluice.lake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.lake.internal.LakeFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile SQL from tenant {@code mallory}: every statement is refused, with the refusal code
 * asserted, and none of them changes what the victim tenant {@code victim} stores. The lake's own
 * files and another tenant's files are named by their real paths.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QuerySandboxSecurityTest {

  @TempDir static Path dir;
  static LakeService lake;
  static String victimFile;
  static String malloryFile;
  static String wal;

  @BeforeAll
  static void start() throws Exception {
    lake = LakeService.start(new LakeConfig(dir, Duration.ofHours(1), Duration.ofHours(1), t -> 90,
            new LakeConfig.QueryLimits(Duration.ofSeconds(10), Duration.ofSeconds(5), 1000, 100, "256MB", 1, 2)),
        IngestAuthorizer.allowAll(), Clock.fixed(Instant.ofEpochMilli(Alerts.T0), ZoneOffset.UTC));
    lake.ingest(new ApplianceIdentity("victim", "appl-v"), Alerts.batch("b", "i", Alerts.events("appl-v", 0, 5)));
    lake.ingest(new ApplianceIdentity("mallory", "appl-m"), Alerts.batch("b", "i", Alerts.events("appl-m", 0, 2)));
    lake.flush();
    lake.ingest(new ApplianceIdentity("victim", "appl-v"), Alerts.batch("b2", "i", Alerts.events("appl-v", 5, 1)));
    LakeFiles files = new LakeFiles(dir);
    victimFile = files.visibleFiles("victim", null, null).get(0).toString();
    malloryFile = files.visibleFiles("mallory", null, null).get(0).toString();
    try (Stream<Path> w = Files.list(files.wal())) {
      wal = w.findFirst().orElseThrow().toString();
    }
  }

  @AfterAll
  static void stop() throws Exception {
    victimStillHasItsRows();
    lake.close();
  }

  static Stream<Arguments> hostileQueries() {
    return Stream.of(
        // Files outside the lake, through every file function.
        refused("SELECT * FROM read_csv('/etc/passwd')", LakeErrorCode.QUERY_FUNCTION_NOT_ALLOWED),
        refused("SELECT * FROM read_csv_auto('/etc/passwd')", LakeErrorCode.QUERY_FUNCTION_NOT_ALLOWED),
        refused("SELECT * FROM read_text('/etc/passwd')", LakeErrorCode.QUERY_FUNCTION_NOT_ALLOWED),
        refused("SELECT * FROM read_blob('/etc/passwd')", LakeErrorCode.QUERY_FUNCTION_NOT_ALLOWED),
        refused("SELECT * FROM read_json('/etc/passwd')", LakeErrorCode.QUERY_FUNCTION_NOT_ALLOWED),
        refused("SELECT * FROM read_ndjson_objects('/etc/passwd')", LakeErrorCode.QUERY_FUNCTION_NOT_ALLOWED),
        refused("SELECT * FROM read_parquet('/etc/passwd')", LakeErrorCode.QUERY_FUNCTION_NOT_ALLOWED),
        refused("SELECT * FROM parquet_scan('/etc/passwd')", LakeErrorCode.QUERY_FUNCTION_NOT_ALLOWED),
        refused("SELECT * FROM sniff_csv('/etc/passwd')", LakeErrorCode.QUERY_FUNCTION_NOT_ALLOWED),
        refused("SELECT * FROM glob('/etc/*')", LakeErrorCode.QUERY_FUNCTION_NOT_ALLOWED),
        refused("SELECT * FROM '/etc/passwd'", LakeErrorCode.QUERY_TABLE_NOT_ALLOWED),
        refused("FROM '/etc/passwd'", LakeErrorCode.QUERY_TABLE_NOT_ALLOWED),
        refused("SELECT * FROM read_csv(['/etc/passwd', '/etc/hosts'])", LakeErrorCode.QUERY_FUNCTION_NOT_ALLOWED),
        refused("SELECT content FROM read_text('https://example.com/')", LakeErrorCode.QUERY_FUNCTION_NOT_ALLOWED),
        // The lake's own files: another tenant's Parquet, the WAL, the caller's own files by path.
        refused("SELECT * FROM read_parquet('{victim}')", LakeErrorCode.QUERY_FUNCTION_NOT_ALLOWED),
        refused("SELECT * FROM '{victim}'", LakeErrorCode.QUERY_TABLE_NOT_ALLOWED),
        refused("SELECT * FROM parquet_metadata('{victim}')", LakeErrorCode.QUERY_FUNCTION_NOT_ALLOWED),
        refused("SELECT * FROM parquet_schema('{mallory}')", LakeErrorCode.QUERY_FUNCTION_NOT_ALLOWED),
        refused("SELECT * FROM read_parquet('{mallory}')", LakeErrorCode.QUERY_FUNCTION_NOT_ALLOWED),
        refused("SELECT * FROM read_blob('{wal}')", LakeErrorCode.QUERY_FUNCTION_NOT_ALLOWED),
        refused("SELECT * FROM read_parquet('" + "{lake}/alerts/*/*/*.parquet')", LakeErrorCode.QUERY_FUNCTION_NOT_ALLOWED),
        refused("SELECT * FROM query_table('{victim}')", LakeErrorCode.QUERY_FUNCTION_NOT_ALLOWED),
        refused("SELECT * FROM query('SELECT 1')", LakeErrorCode.QUERY_FUNCTION_NOT_ALLOWED),
        // Writing, attaching, extensions, settings.
        refused("COPY (SELECT * FROM alerts) TO '/tmp/out.csv'", LakeErrorCode.QUERY_NOT_SELECT),
        refused("COPY alerts TO '{lake}/alerts/x.parquet' (FORMAT parquet)", LakeErrorCode.QUERY_NOT_SELECT),
        refused("EXPORT DATABASE '/tmp/x'", LakeErrorCode.QUERY_NOT_SELECT),
        refused("ATTACH '/tmp/evil.db' AS evil", LakeErrorCode.QUERY_NOT_SELECT),
        refused("ATTACH ':memory:' AS m", LakeErrorCode.QUERY_NOT_SELECT),
        refused("DETACH memory", LakeErrorCode.QUERY_NOT_SELECT),
        refused("INSTALL httpfs", LakeErrorCode.QUERY_NOT_SELECT),
        refused("LOAD httpfs", LakeErrorCode.QUERY_NOT_SELECT),
        refused("FORCE INSTALL parquet FROM 'http://example.com'", LakeErrorCode.QUERY_NOT_SELECT),
        refused("SET enable_external_access = true", LakeErrorCode.QUERY_NOT_SELECT),
        refused("RESET lock_configuration", LakeErrorCode.QUERY_NOT_SELECT),
        refused("SET allowed_paths = ['/etc/passwd']", LakeErrorCode.QUERY_NOT_SELECT),
        refused("PRAGMA database_list", LakeErrorCode.QUERY_NOT_SELECT),
        refused("PRAGMA version", LakeErrorCode.QUERY_NOT_SELECT),
        refused("CALL duckdb_settings()", LakeErrorCode.QUERY_NOT_SELECT),
        refused("CHECKPOINT", LakeErrorCode.QUERY_NOT_SELECT),
        refused("CREATE TABLE t AS SELECT * FROM alerts", LakeErrorCode.QUERY_NOT_SELECT),
        refused("CREATE VIEW alerts2 AS SELECT 1", LakeErrorCode.QUERY_NOT_SELECT),
        refused("CREATE MACRO m() AS 1", LakeErrorCode.QUERY_NOT_SELECT),
        refused("CREATE SECRET s (TYPE s3, KEY_ID 'x', SECRET 'y')", LakeErrorCode.QUERY_NOT_SELECT),
        refused("INSERT INTO alerts SELECT * FROM alerts", LakeErrorCode.QUERY_NOT_SELECT),
        refused("UPDATE alerts SET title = 'x'", LakeErrorCode.QUERY_NOT_SELECT),
        refused("DELETE FROM alerts", LakeErrorCode.QUERY_NOT_SELECT),
        refused("DROP VIEW alerts", LakeErrorCode.QUERY_NOT_SELECT),
        refused("ALTER VIEW alerts RENAME TO x", LakeErrorCode.QUERY_NOT_SELECT),
        refused("VACUUM", LakeErrorCode.QUERY_NOT_SELECT),
        refused("DESCRIBE alerts", LakeErrorCode.QUERY_TABLE_NOT_ALLOWED),
        refused("SHOW DATABASES", LakeErrorCode.QUERY_TABLE_NOT_ALLOWED),
        refused("SUMMARIZE alerts", LakeErrorCode.QUERY_TABLE_NOT_ALLOWED),
        refused("EXPLAIN SELECT 1", LakeErrorCode.QUERY_NOT_SELECT),
        refused("PREPARE p AS SELECT 1", LakeErrorCode.QUERY_NOT_SELECT),
        refused("BEGIN TRANSACTION", LakeErrorCode.QUERY_NOT_SELECT),
        // Metadata that reveals the server's paths or settings.
        refused("SELECT * FROM duckdb_settings()", LakeErrorCode.QUERY_FUNCTION_NOT_ALLOWED),
        refused("SELECT * FROM duckdb_databases()", LakeErrorCode.QUERY_FUNCTION_NOT_ALLOWED),
        refused("SELECT sql FROM duckdb_views()", LakeErrorCode.QUERY_FUNCTION_NOT_ALLOWED),
        refused("SELECT * FROM duckdb_views", LakeErrorCode.QUERY_TABLE_NOT_ALLOWED),
        refused("SELECT * FROM duckdb_extensions()", LakeErrorCode.QUERY_FUNCTION_NOT_ALLOWED),
        refused("SELECT * FROM duckdb_temporary_files()", LakeErrorCode.QUERY_FUNCTION_NOT_ALLOWED),
        refused("SELECT * FROM duckdb_secrets()", LakeErrorCode.QUERY_FUNCTION_NOT_ALLOWED),
        refused("SELECT * FROM pragma_database_list", LakeErrorCode.QUERY_TABLE_NOT_ALLOWED),
        refused("SELECT * FROM pragma_database_list()", LakeErrorCode.QUERY_FUNCTION_NOT_ALLOWED),
        refused("SELECT * FROM information_schema.tables", LakeErrorCode.QUERY_TABLE_NOT_ALLOWED),
        refused("SELECT * FROM pg_catalog.pg_settings", LakeErrorCode.QUERY_TABLE_NOT_ALLOWED),
        refused("SELECT * FROM pg_settings", LakeErrorCode.QUERY_TABLE_NOT_ALLOWED),
        refused("SELECT * FROM sqlite_master", LakeErrorCode.QUERY_TABLE_NOT_ALLOWED),
        refused("SELECT * FROM memory.main.alerts", LakeErrorCode.QUERY_TABLE_NOT_ALLOWED),
        refused("SELECT current_setting('allowed_paths')", LakeErrorCode.QUERY_FUNCTION_NOT_ALLOWED),
        refused("SELECT current_setting('temp_directory')", LakeErrorCode.QUERY_FUNCTION_NOT_ALLOWED),
        refused("SELECT getenv('HOME')", LakeErrorCode.QUERY_FUNCTION_NOT_ALLOWED),
        refused("SELECT current_database()", LakeErrorCode.QUERY_FUNCTION_NOT_ALLOWED),
        refused("SELECT pg_catalog.current_setting('threads')", LakeErrorCode.QUERY_FUNCTION_NOT_ALLOWED),
        refused("SELECT main.current_setting('threads')", LakeErrorCode.QUERY_FUNCTION_NOT_ALLOWED),
        refused("SELECT * FROM alerts WHERE title IN (SELECT value FROM duckdb_settings())",
            LakeErrorCode.QUERY_FUNCTION_NOT_ALLOWED),
        refused("WITH s AS (SELECT * FROM duckdb_settings()) SELECT * FROM s", LakeErrorCode.QUERY_FUNCTION_NOT_ALLOWED),
        // A CTE that borrows a system view's name, used where the CTE is not in scope.
        refused("SELECT * FROM (WITH duckdb_views AS (SELECT 1) SELECT 1), duckdb_views",
            LakeErrorCode.QUERY_TABLE_NOT_ALLOWED),
        refused("WITH alerts AS (SELECT * FROM range(3)) SELECT * FROM alerts", LakeErrorCode.QUERY_TABLE_NOT_ALLOWED),
        // Several statements, and comments or strings hiding a second statement.
        refused("SELECT 1; SELECT 2", LakeErrorCode.QUERY_MULTIPLE_STATEMENTS),
        refused("SELECT count(*) FROM alerts; COPY alerts TO '/tmp/x.csv'", LakeErrorCode.QUERY_NOT_SELECT),
        refused("SELECT 1; ATTACH '/tmp/x.db'", LakeErrorCode.QUERY_NOT_SELECT),
        refused("SELECT 1 /* comment */; DROP VIEW alerts -- x", LakeErrorCode.QUERY_NOT_SELECT),
        refused("SELECT 1 -- ; \n; SET threads = 1", LakeErrorCode.QUERY_NOT_SELECT),
        refused("SELECT 'a'';'; SELECT 2", LakeErrorCode.QUERY_MULTIPLE_STATEMENTS),
        refused("SELECT $$;$$; INSTALL httpfs", LakeErrorCode.QUERY_NOT_SELECT),
        refused("SELECT \"x;\" FROM alerts; LOAD httpfs", LakeErrorCode.QUERY_NOT_SELECT),
        refused("SELECT 1 /* ; */ ; PRAGMA version", LakeErrorCode.QUERY_NOT_SELECT),
        refused("/* */ COPY alerts TO '/tmp/x'", LakeErrorCode.QUERY_NOT_SELECT),
        refused("SELECT E'\\x3b'; SET threads=1", LakeErrorCode.QUERY_NOT_SELECT),
        refused("SELECT 1;\u00a0SELECT 2", LakeErrorCode.QUERY_MULTIPLE_STATEMENTS),
        // Empty and oversized input.
        refused("", LakeErrorCode.QUERY_EMPTY),
        refused("   ;  ", LakeErrorCode.QUERY_EMPTY),
        refused("-- only a comment", LakeErrorCode.QUERY_EMPTY),
        refused("SELECT '" + "x".repeat(100_001) + "'", LakeErrorCode.QUERY_TOO_LONG));
  }

  private static Arguments refused(String sql, LakeErrorCode code) {
    return Arguments.of(sql, code);
  }

  private static String expand(String sql) {
    return sql.replace("{victim}", victimFile).replace("{mallory}", malloryFile).replace("{wal}", wal)
        .replace("{lake}", dir.toString());
  }

  @ParameterizedTest(name = "[{index}] {1}: {0}")
  @MethodSource("hostileQueries")
  void hostileQueryIsRefused(String template, LakeErrorCode code) {
    String sql = expand(template);
    QueryResult result = lake.query("mallory", new QueryRequest(sql, null, null));
    LakeError error = assertInstanceOf(QueryResult.Failed.class, result, () -> sql + " → " + result).error();
    assertEquals(code, error.code(), () -> sql + " → " + error);
    if (!sql.contains(dir.toString())) {
      assertFalse(error.message().contains(dir.toString()), error.message());
    }
    QuerySubmission submitted = lake.submitQuery("mallory", new QueryRequest(sql, null, null));
    assertEquals(code, assertInstanceOf(QuerySubmission.Refused.class, submitted, sql).error().code(), sql);
  }

  /** After all the attempts, the victim's data is unchanged. */
  private static void victimStillHasItsRows() {
    QueryResult victim = lake.query("victim", new QueryRequest("SELECT count(*) FROM alerts", null, null));
    assertEquals(List.of(List.of(5L)), assertInstanceOf(QueryResult.Succeeded.class, victim).rows());
  }

  static Stream<String> otherTenantsRows() {
    return Stream.of(
        "SELECT count(*) FROM alerts WHERE event_id LIKE 'appl-v%'",
        "SELECT count(*) FROM alerts a, alerts b WHERE a.event_id LIKE 'appl-v%'",
        "SELECT count(*) FROM alerts WHERE tenant = 'victim'",
        "SELECT count(*) FROM (SELECT * FROM alerts UNION ALL SELECT * FROM alerts) WHERE event_id LIKE 'appl-v%'");
  }

  @ParameterizedTest
  @MethodSource("otherTenantsRows")
  void anotherTenantsRowsCannotBeReached(String sql) {
    QueryResult result = lake.query("mallory", new QueryRequest(sql, null, null));
    if (result instanceof QueryResult.Succeeded ok) {
      assertEquals(List.of(List.of(0L)), ok.rows(), sql);
    } else {
      assertTrue(result instanceof QueryResult.Failed, sql);
    }
  }

  @ParameterizedTest
  @MethodSource("allowedQueries")
  void ordinaryAnalystQueriesRun(String sql) {
    QueryResult result = lake.query("mallory", new QueryRequest(sql, null, null));
    assertInstanceOf(QueryResult.Succeeded.class, result, () -> sql + " → " + result);
  }

  static Stream<String> allowedQueries() {
    return Stream.of(
        "SELECT date_trunc('hour', time) AS hour, count(*) FROM alerts GROUP BY 1 ORDER BY 1",
        "SELECT alert_type, count(*) FROM alerts GROUP BY 1 ORDER BY 2 DESC LIMIT 10",
        "SELECT * FROM alerts WHERE device_ip = '10.0.0.1'",
        "SELECT title FROM alerts WHERE title ILIKE '%beacon%'",
        "WITH t AS (SELECT title FROM alerts) SELECT count(*) FROM t",
        "SELECT o.value FROM alerts, unnest(ocsf.observables) AS u(o)",
        "SELECT * FROM range(3)",
        "FROM alerts SELECT count(*)",
        "SELECT to_json(ocsf) FROM alerts LIMIT 1",
        "SELECT 'DROP TABLE x; --' AS harmless_text");
  }
}
