package dev.sluice.central.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Parameterized statements with positional parameters and a row mapper. */
public final class Rows {
  /** Maps the current row. */
  @FunctionalInterface
  public interface Mapper<T> {
    T map(ResultSet row) throws SQLException;
  }

  private Rows() {}

  public static <T> List<T> list(Connection connection, String sql, Mapper<T> mapper, Object... parameters)
      throws SQLException {
    try (PreparedStatement statement = prepare(connection, sql, parameters);
        ResultSet rows = statement.executeQuery()) {
      List<T> result = new ArrayList<>();
      while (rows.next()) {
        result.add(mapper.map(rows));
      }
      return result;
    }
  }

  public static <T> Optional<T> one(Connection connection, String sql, Mapper<T> mapper, Object... parameters)
      throws SQLException {
    List<T> rows = list(connection, sql, mapper, parameters);
    if (rows.size() > 1) {
      throw new SQLException("expected at most one row, got " + rows.size() + ": " + sql);
    }
    return rows.stream().findFirst();
  }

  /** Executes an INSERT/UPDATE/DELETE; returns the affected row count. */
  public static int update(Connection connection, String sql, Object... parameters) throws SQLException {
    try (PreparedStatement statement = prepare(connection, sql, parameters)) {
      return statement.executeUpdate();
    }
  }

  /** A nullable BIGINT column. */
  public static Long nullableLong(ResultSet row, String column) throws SQLException {
    long value = row.getLong(column);
    return row.wasNull() ? null : value;
  }

  private static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
      throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql);
    for (int i = 0; i < parameters.length; i++) {
      Object parameter = parameters[i];
      if (parameter == null) {
        statement.setNull(i + 1, Types.NULL);
      } else if (parameter instanceof Boolean flag) {
        statement.setInt(i + 1, flag ? 1 : 0);
      } else if (parameter instanceof Enum<?> constant) {
        statement.setString(i + 1, constant.name());
      } else {
        statement.setObject(i + 1, parameter);
      }
    }
    return statement;
  }
}
