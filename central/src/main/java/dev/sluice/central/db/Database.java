package dev.sluice.central.db;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.flywaydb.core.Flyway;

/**
 * Central's configuration database: SQLite (embedded default, one file in the data directory) or
 * PostgreSQL. Schema changes are Flyway migrations in {@code dev/sluice/central/db/migration},
 * written in SQL that both accept.
 *
 * <p>Connections are reused from a small idle pool ({@value #MAX_IDLE} at most); a connection on
 * which work failed is closed rather than reused. SQLite allows one writer at a time and would
 * fail a second writer's upgrade immediately, so writes to SQLite are serialized in-process.
 */
public final class Database {
  /** The SQL engines central runs on. */
  public enum Dialect { SQLITE, POSTGRESQL }

  /** Work on a connection. */
  @FunctionalInterface
  public interface Work<T> {
    T apply(Connection connection) throws SQLException;
  }

  private final String url;
  private final Dialect dialect;
  private final Optional<String> schema;
  private static final int MAX_IDLE = 8;

  private final ReentrantLock writeLock = new ReentrantLock();
  private final java.util.concurrent.BlockingQueue<Connection> idle = new java.util.concurrent.ArrayBlockingQueue<>(MAX_IDLE);

  private Database(String url, Optional<String> schema) {
    this.url = Objects.requireNonNull(url, "url");
    if (url.startsWith("jdbc:sqlite:")) {
      dialect = Dialect.SQLITE;
    } else if (url.startsWith("jdbc:postgresql:")) {
      dialect = Dialect.POSTGRESQL;
    } else {
      throw new IllegalArgumentException("unsupported database URL (jdbc:sqlite: or jdbc:postgresql:): " + url);
    }
    this.schema = schema;
  }

  /**
   * A database at a JDBC URL ({@code jdbc:sqlite:…} or {@code jdbc:postgresql:…}). A PostgreSQL
   * URL's {@code currentSchema} parameter names the schema central uses (created if missing).
   */
  public static Database at(String url) {
    java.util.regex.Matcher schema = java.util.regex.Pattern.compile("[?&]currentSchema=([a-z_][a-z0-9_]{0,62})(&|$)").matcher(url);
    return new Database(url, url.startsWith("jdbc:postgresql:") && schema.find() ? Optional.of(schema.group(1)) : Optional.empty());
  }

  /** The embedded SQLite database in a file. */
  public static Database sqlite(Path file) {
    return at("jdbc:sqlite:" + file.toAbsolutePath());
  }

  public Dialect dialect() {
    return dialect;
  }

  /** Applies pending migrations. */
  public void migrate() {
    var configuration = Flyway.configure()
        .dataSource(url, null, null)
        .locations("classpath:dev/sluice/central/db/migration")
        .loggers("slf4j");
    schema.ifPresent(name -> configuration.schemas(name).createSchemas(true));
    configuration.load().migrate();
  }

  /** Runs read-only work. */
  public <T> T read(Work<T> work) {
    Connection connection = borrow();
    boolean healthy = true;
    try {
      return work.apply(connection);
    } catch (SQLException e) {
      healthy = false;
      throw new DatabaseException(e);
    } finally {
      release(connection, healthy);
    }
  }

  /** Runs work in one transaction: committed when it returns, rolled back when it throws. */
  public <T> T write(Work<T> work) {
    boolean serialize = dialect == Dialect.SQLITE;
    if (serialize) {
      writeLock.lock();
    }
    Connection connection = null;
    boolean healthy = false;
    try {
      connection = borrow();
      connection.setAutoCommit(false);
      try {
        T result = work.apply(connection);
        connection.commit();
        healthy = true;
        return result;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        healthy = !(e instanceof SQLException);
        throw e;
      }
    } catch (SQLException e) {
      throw new DatabaseException(e);
    } finally {
      if (connection != null) {
        release(connection, healthy);
      }
      if (serialize) {
        writeLock.unlock();
      }
    }
  }

  private Connection borrow() {
    Connection connection = idle.poll();
    if (connection != null) {
      return connection;
    }
    try {
      return open();
    } catch (SQLException e) {
      throw new DatabaseException(e);
    }
  }

  private void release(Connection connection, boolean healthy) {
    try {
      if (healthy && !connection.isClosed()) {
        connection.setAutoCommit(true);
        if (idle.offer(connection)) {
          return;
        }
      }
      connection.close();
    } catch (SQLException e) {
      try {
        connection.close();
      } catch (SQLException ignored) {
        // already broken
      }
    }
  }

  /** Closes the idle connections. */
  public void close() {
    for (Connection connection = idle.poll(); connection != null; connection = idle.poll()) {
      try {
        connection.close();
      } catch (SQLException ignored) {
        // closing anyway
      }
    }
  }

  private Connection open() throws SQLException {
    Connection connection = DriverManager.getConnection(url);
    if (dialect == Dialect.SQLITE) {
      try (Statement statement = connection.createStatement()) {
        statement.execute("PRAGMA foreign_keys = ON");
        statement.execute("PRAGMA busy_timeout = 10000");
        statement.execute("PRAGMA journal_mode = WAL");
      }
    }
    return connection;
  }

  /** True when the exception is a unique-constraint violation (on either engine). */
  public static boolean isUniqueViolation(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql) {
        String state = String.valueOf(sql.getSQLState());
        String message = String.valueOf(sql.getMessage());
        if (state.equals("23505") || message.contains("UNIQUE constraint failed")) {
          return true;
        }
      }
    }
    return false;
  }
}
