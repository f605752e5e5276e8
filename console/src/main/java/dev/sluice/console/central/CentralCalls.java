package dev.sluice.console.central;

import dev.sluice.central.Central;
import dev.sluice.central.api.ApiException;
import dev.sluice.central.api.ErrorCode;
import dev.sluice.console.backend.Outcome;
import dev.sluice.console.backend.Principal;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Calls into central's services as the signed-in user: resolves the console principal's session
 * token to central's principal on every call (so revoked sessions stop at once) and turns
 * central's refusals into {@link Outcome}s with central's error code.
 */
final class CentralCalls {

  /** Central's validation codes that belong to one form field. */
  private final Map<ErrorCode, String> fieldOf;
  private final Central central;

  CentralCalls(Central central, Map<ErrorCode, String> fieldOf) {
    this.central = central;
    this.fieldOf = Map.copyOf(fieldOf);
  }

  Central central() {
    return central;
  }

  /** Central's principal for a console principal; empty once the session ended. */
  Optional<dev.sluice.central.auth.Principal> principal(Principal principal) {
    return central.auth().authenticateToken(principal.token());
  }

  dev.sluice.central.auth.Principal require(Principal principal) {
    return principal(principal).orElseThrow(() ->
        new ApiException(ErrorCode.UNAUTHENTICATED, "Your session has ended. Sign in again."));
  }

  /** Runs a call that may be refused. */
  <T> Outcome<T> attempt(Principal principal, Function<dev.sluice.central.auth.Principal, T> call) {
    return attempt(() -> call.apply(require(principal)));
  }

  <T> Outcome<T> attempt(Supplier<T> call) {
    try {
      return Outcome.ok(call.get());
    } catch (ApiException e) {
      String field = fieldOf.get(e.code());
      if (field != null) {
        return Outcome.invalid(field, sentence(e.getMessage()));
      }
      return Outcome.refused(e.code().name(), sentence(e.getMessage()));
    }
  }

  /** A read that answers nothing (rather than failing the page) when central refuses it. */
  <T> Optional<T> read(Principal principal, Function<dev.sluice.central.auth.Principal, T> call) {
    try {
      return principal(principal).map(call);
    } catch (ApiException e) {
      if (e.code().httpStatus() == 404) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** Central's messages are terse lower-case phrases; the console shows sentences. */
  static String sentence(String message) {
    if (message == null || message.isBlank()) {
      return "The request was refused.";
    }
    String trimmed = message.strip();
    String capital = Character.toUpperCase(trimmed.charAt(0)) + trimmed.substring(1);
    return capital.endsWith(".") ? capital : capital + ".";
  }
}
