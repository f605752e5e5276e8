package dev.sluice.central;

import java.util.Optional;
import java.util.UUID;

/**
 * The databases repository tests run against: SQLite always; PostgreSQL when
 * {@code SLUICE_TEST_POSTGRES_URL} is set (scripts/test starts one). Under {@code CI=true} a
 * missing PostgreSQL fails the tests instead of skipping them.
 */
final class TestDatabases {
  /** A database to run against: empty URL means central's default SQLite file. */
  record Choice(String name, Optional<String> url) {
    @Override
    public String toString() {
      return name;
    }
  }

  private TestDatabases() {}

  static Choice sqlite() {
    return new Choice("sqlite", Optional.empty());
  }

  /** A fresh PostgreSQL schema, or a skip (a failure under CI) when none is configured. */
  static Choice postgres() {
    String url = System.getenv("SLUICE_TEST_POSTGRES_URL");
    if (url == null || url.isBlank()) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new AssertionError("CI=true but SLUICE_TEST_POSTGRES_URL is not set: run the tests with scripts/test");
      }
      org.junit.jupiter.api.Assumptions.abort("SLUICE_TEST_POSTGRES_URL not set; PostgreSQL tests skipped (run scripts/test)");
    }
    String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    String separator = url.contains("?") ? "&" : "?";
    return new Choice("postgresql", Optional.of(url + separator + "currentSchema=" + schema));
  }
}
