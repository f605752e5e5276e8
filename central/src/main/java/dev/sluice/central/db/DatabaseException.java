package dev.sluice.central.db;

import java.sql.SQLException;

/** A database operation failed (unchecked, so services need not declare it). */
public final class DatabaseException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public DatabaseException(SQLException cause) {
    super(cause.getMessage(), cause);
  }
}
