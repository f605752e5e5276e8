package dev.sluice.central;

/** The API contract on the embedded SQLite database. */
class SqliteCentralApiTest extends CentralApiContract {
  @Override
  TestDatabases.Choice database() {
    return TestDatabases.sqlite();
  }
}
