package dev.sluice.console.backend;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Sign-in, users, API tokens and the audit log, with the REST API's authorization rules. */
public interface Accounts {

  Outcome<Principal> signIn(String email, String password, String clientAddress);

  Optional<Principal> authenticate(String token);

  void signOut(Principal principal);

  List<User> users(Principal principal);

  Outcome<User> addUser(Principal principal, String email, String displayName, Principal.Role role,
      String password);

  List<ApiToken> apiTokens(Principal principal);

  /** Creates a token; the returned secret is shown once and never stored in clear. */
  Outcome<NewApiToken> createApiToken(Principal principal, String name, Principal.Role role);

  Outcome<ApiToken> revokeApiToken(Principal principal, String tokenId);

  List<AuditEntry> auditLog(Principal principal, int limit);

  record User(String email, String displayName, Principal.Role role, Instant createdAt) {}

  record ApiToken(String id, String name, Principal.Role role, Instant createdAt, Instant lastUsedAt) {}

  record NewApiToken(ApiToken token, String secret) {}

  record AuditEntry(Instant at, String actor, String action, String target, String detail) {}
}
