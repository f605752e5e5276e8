package dev.sluice.central;

/** The API contract on PostgreSQL (SLUICE_TEST_POSTGRES_URL; required when CI=true). */
class PostgresCentralApiTest extends CentralApiContract {
  @Override
  TestDatabases.Choice database() {
    return TestDatabases.postgres();
  }
}
