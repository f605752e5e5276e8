package dev.sluice.console.central;

import dev.sluice.central.auth.IssuedToken;
import dev.sluice.central.auth.Role;
import dev.sluice.central.tenant.Tenant;
import dev.sluice.console.backend.Accounts;
import dev.sluice.console.backend.Outcome;
import dev.sluice.console.backend.Principal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link Accounts} on central's auth service, tenants and audit log. */
final class CentralAccounts implements Accounts {

  private final CentralCalls calls;

  CentralAccounts(CentralCalls calls) {
    this.calls = calls;
  }

  @Override
  public Outcome<Principal> signIn(String email, String password, String clientAddress) {
    Outcome<Principal> outcome = calls.attempt(() -> {
      IssuedToken token = calls.central().auth().login(email, password, clientAddress);
      return toConsole(token.token()).orElseThrow();
    });
    if (outcome instanceof Outcome.Refused<Principal> refused
        && "LOGIN_FAILED".equals(refused.code())) {
      return Outcome.refused(refused.code(), "The email or password is not right.");
    }
    return outcome;
  }

  @Override
  public Optional<Principal> authenticate(String token) {
    return calls.central().auth().authenticateToken(token).isPresent()
        ? toConsole(token) : Optional.empty();
  }

  private Optional<Principal> toConsole(String token) {
    return calls.central().auth().authenticateToken(token).map(p -> {
      Tenant tenant = calls.central().tenants().get(p, p.tenantId());
      String name = calls.central().auth().me(p).name();
      return new Principal(token, tenant.id(), tenant.name(), p.email(), name, role(p.role()));
    });
  }

  @Override
  public void signOut(Principal principal) {
    calls.principal(principal).ifPresent(p -> calls.central().auth().logout(p));
  }

  @Override
  public List<User> users(Principal principal) {
    return calls.read(principal, p -> calls.central().auth().listUsers(p, p.tenantId()).stream()
        .map(u -> new User(u.email(), u.name(), role(u.role()), u.createdAt()))
        .toList()).orElse(List.of());
  }

  @Override
  public Outcome<User> addUser(Principal principal, String email, String displayName,
      Principal.Role role, String password) {
    return calls.attempt(principal, p -> {
      dev.sluice.central.auth.User u = calls.central().auth()
          .createUser(p, p.tenantId(), email, displayName, password, role(role));
      return new User(u.email(), u.name(), role(u.role()), u.createdAt());
    });
  }

  @Override
  public List<ApiToken> apiTokens(Principal principal) {
    return calls.read(principal, p -> calls.central().auth().listApiTokens(p).stream()
        .map(t -> new ApiToken(t.id(), t.name(), role(t.role()), t.createdAt(), null))
        .toList()).orElse(List.of());
  }

  @Override
  public Outcome<NewApiToken> createApiToken(Principal principal, String name, Principal.Role role) {
    return calls.attempt(principal, p -> {
      IssuedToken issued = calls.central().auth().createApiToken(p, name, role(role), null);
      ApiToken token = new ApiToken(issued.id(), issued.name(), role(issued.role()),
          calls.central().options().clock().instant(), null);
      return new NewApiToken(token, issued.token());
    });
  }

  @Override
  public Outcome<ApiToken> revokeApiToken(Principal principal, String tokenId) {
    return calls.attempt(principal, p -> {
      ApiToken token = apiTokens(principal).stream().filter(t -> t.id().equals(tokenId))
          .findFirst().orElse(new ApiToken(tokenId, tokenId, Principal.Role.READ_ONLY, null, null));
      calls.central().auth().revokeApiToken(p, tokenId);
      return token;
    });
  }

  @Override
  public List<AuditEntry> auditLog(Principal principal, int limit) {
    return calls.read(principal, p -> calls.central().audit().list(p, limit).stream()
        .map(e -> new AuditEntry(e.at(), e.actor(), e.action(),
            e.targetType() + (e.targetId() == null ? "" : " " + e.targetId()),
            detail(e.detail())))
        .toList()).orElse(List.of());
  }

  private static String detail(com.fasterxml.jackson.databind.JsonNode detail) {
    if (detail == null || detail.isNull() || detail.isEmpty()) {
      return "";
    }
    StringBuilder text = new StringBuilder();
    detail.fields().forEachRemaining((Map.Entry<String, com.fasterxml.jackson.databind.JsonNode> f) -> {
      if (text.length() > 0) {
        text.append(", ");
      }
      text.append(f.getKey()).append(": ")
          .append(f.getValue().isTextual() ? f.getValue().asText() : f.getValue().toString());
    });
    return text.length() > 300 ? text.substring(0, 300) + "…" : text.toString();
  }

  static Principal.Role role(Role role) {
    return role == Role.ADMIN ? Principal.Role.ADMIN : Principal.Role.READ_ONLY;
  }

  static Role role(Principal.Role role) {
    return role == Principal.Role.ADMIN ? Role.ADMIN : Role.READ_ONLY;
  }
}
