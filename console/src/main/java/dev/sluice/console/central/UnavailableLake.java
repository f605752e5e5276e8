package dev.sluice.console.central;

import dev.sluice.console.backend.LakeQueries;
import dev.sluice.console.backend.Outcome;
import dev.sluice.console.backend.Principal;

/**
 * The Data Lake page when central runs without the lake in the same process
 * ({@code sluice central} next to a separate {@code sluice lake}): every query is refused with a
 * code that says so.
 */
final class UnavailableLake implements LakeQueries {
  @Override
  public Outcome<Page> run(Principal principal, String sql, String pageKey, int pageSize) {
    return Outcome.refused("LAKE_NOT_IN_THIS_PROCESS", "This server runs central without the data"
        + " lake. Query the lake's own API (POST /api/v1/lake/queries), or run sluice up.");
  }
}
