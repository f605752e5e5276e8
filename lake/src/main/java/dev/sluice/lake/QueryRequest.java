package dev.sluice.lake;

import java.time.Instant;

/**
 * A user query: SQL over {@code alerts}, optionally limited to alerts whose {@code time} lies in
 * {@code [from, to)}.
 */
public record QueryRequest(String sql, Instant from, Instant to) {
  public QueryRequest {
    if (from != null && to != null && to.isBefore(from)) {
      throw new IllegalArgumentException("to must not be before from");
    }
  }
}
