package dev.sluice.central.auth;

import dev.sluice.central.api.ApiException;
import dev.sluice.central.api.ErrorCode;
import java.util.Objects;

/**
 * Who is acting: a user of one tenant, with the role of the credential used (an API token may be
 * narrower than its user), and whether the user is a platform operator.
 */
public record Principal(String userId, String tenantId, String email, Role role, boolean operator, String tokenId) {
  public Principal {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(role, "role");
  }

  /** Refuses read-only principals. */
  public void requireAdmin() {
    if (role != Role.ADMIN) {
      throw new ApiException(ErrorCode.READ_ONLY_ROLE, "the read-only role cannot make changes");
    }
  }

  /** Refuses anyone but platform operators. */
  public void requireOperator() {
    if (!operator) {
      throw new ApiException(ErrorCode.OPERATOR_REQUIRED, "only platform operators can do this");
    }
  }
}
