package dev.sluice.central.auth;

import dev.sluice.central.api.ApiException;
import dev.sluice.central.api.ErrorCode;
import dev.sluice.central.audit.AuditLog;
import dev.sluice.central.db.Database;
import dev.sluice.central.db.Rows;
import dev.sluice.central.tenant.TenantService;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Users, sign-in and credentials. A login returns a bearer token (a session, valid
 * {@link #SESSION_LIFETIME}); API tokens are long-lived and may carry a narrower role than their
 * user. Tokens are 256-bit random secrets of which only the SHA-256 is stored. Failed logins are
 * rate-limited per account and per client address.
 */
public final class AuthService {
  public static final Duration SESSION_LIFETIME = Duration.ofHours(12);
  /** The cookie a browser session carries the token in (used by the console). */
  public static final String SESSION_COOKIE = "sluice_session";
  public static final int MIN_PASSWORD_LENGTH = 12;

  private static final SecureRandom RANDOM = new SecureRandom();
  /** Verified against when the account does not exist, so timing does not reveal accounts. */
  private final String decoyHash;

  private final Database database;
  private final PasswordHasher hasher;
  private final LoginRateLimiter limiter;
  private final AuditLog audit;
  private final Clock clock;

  public AuthService(Database database, PasswordHasher hasher, LoginRateLimiter limiter, AuditLog audit, Clock clock) {
    this.database = database;
    this.hasher = hasher;
    this.limiter = limiter;
    this.audit = audit;
    this.clock = clock;
    this.decoyHash = hasher.hash("decoy-password-for-unknown-accounts");
  }

  /** Signs in; returns a session token. */
  public IssuedToken login(String email, String password, String clientAddress) {
    String account = normalizeEmail(email);
    Optional<Duration> wait = limiter.retryAfter(account, clientAddress);
    if (wait.isPresent()) {
      throw new ApiException(ErrorCode.LOGIN_RATE_LIMITED,
          "too many failed sign-ins; retry in " + Math.max(1, wait.get().toSeconds()) + " s");
    }
    Optional<UserRepository.Stored> stored = database.read(connection -> UserRepository.findByEmail(connection, account));
    boolean matches = hasher.verify(password == null ? "" : password, stored.map(UserRepository.Stored::passwordHash).orElse(decoyHash));
    if (stored.isEmpty() || !matches) {
      limiter.recordFailure(account, clientAddress);
      throw new ApiException(ErrorCode.LOGIN_FAILED, "wrong email or password");
    }
    limiter.recordSuccess(account);
    User user = stored.get().user();
    return database.write(connection -> {
      IssuedToken token = issue(connection, user, ApiToken.SESSION, "login", user.role(), clock.instant().plus(SESSION_LIFETIME));
      audit.recordSystem(connection, user.tenantId(), user.email(), "auth.login", "user", user.id(), Map.of());
      return token;
    });
  }

  /** Ends the session (or revokes the token) the principal used. */
  public void logout(Principal principal) {
    database.write(connection -> Rows.update(connection, "DELETE FROM tokens WHERE id = ?", principal.tokenId()));
  }

  /** Resolves a bearer token to its principal. */
  public Optional<Principal> authenticateToken(String token) {
    if (token == null || token.isBlank() || token.length() > 200) {
      return Optional.empty();
    }
    long now = clock.millis();
    return database.read(connection -> Rows.one(connection,
        "SELECT t.id AS token_id, t.role AS token_role, t.expires_at, u.* FROM tokens t JOIN users u ON u.id = t.user_id"
            + " WHERE t.token_hash = ?",
        row -> {
          Long expires = Rows.nullableLong(row, "expires_at");
          if (expires != null && expires <= now) {
            return null;
          }
          Role role = Role.fromId(row.getString("token_role")).orElse(Role.READ_ONLY);
          Role userRole = Role.fromId(row.getString("role")).orElse(Role.READ_ONLY);
          Role effective = role == Role.ADMIN && userRole == Role.ADMIN ? Role.ADMIN : Role.READ_ONLY;
          return new Principal(row.getString("id"), row.getString("tenant_id"), row.getString("email"), effective,
              row.getInt("operator") != 0, row.getString("token_id"));
        },
        sha256(token))).filter(p -> p != null);
  }

  /** The principal of a request: {@code Authorization: Bearer <token>} or the session cookie. */
  public Optional<Principal> authenticate(Context ctx) {
    String header = ctx.header("Authorization");
    if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return authenticateToken(header.substring(7).strip());
    }
    String cookie = ctx.cookie(SESSION_COOKIE);
    return cookie == null ? Optional.empty() : authenticateToken(cookie);
  }

  /** Like {@link #authenticate(Context)} but answers 401 when there is no valid credential. */
  public Principal require(Context ctx) {
    return authenticate(ctx).orElseThrow(() ->
        new ApiException(ErrorCode.UNAUTHENTICATED, "sign in first: send Authorization: Bearer <token>"));
  }

  /** Creates an API token for the principal's user; a read-only user gets read-only tokens. */
  public IssuedToken createApiToken(Principal actor, String name, Role role, Duration lifetime) {
    if (name == null || name.isBlank() || name.length() > 200) {
      throw new ApiException(ErrorCode.VALIDATION_FAILED, "name is required (at most 200 characters)");
    }
    Role granted = role == null ? actor.role() : role;
    if (granted == Role.ADMIN && actor.role() != Role.ADMIN) {
      throw new ApiException(ErrorCode.READ_ONLY_ROLE, "a read-only user cannot create admin tokens");
    }
    return database.write(connection -> {
      User user = UserRepository.find(connection, actor.userId())
          .orElseThrow(() -> new ApiException(ErrorCode.UNAUTHENTICATED, "user no longer exists"));
      IssuedToken token = issue(connection, user, ApiToken.API, name.strip(), granted,
          lifetime == null ? null : clock.instant().plus(lifetime));
      audit.record(connection, actor, "token.create", "token", token.id(), Map.of("name", token.name(), "role", granted.id()));
      return token;
    });
  }

  public List<ApiToken> listApiTokens(Principal actor) {
    return database.read(connection -> Rows.list(connection,
        "SELECT * FROM tokens WHERE user_id = ? AND kind = ? ORDER BY created_at, id",
        row -> new ApiToken(row.getString("id"), row.getString("user_id"), row.getString("kind"), row.getString("name"),
            Role.fromId(row.getString("role")).orElse(Role.READ_ONLY), Instant.ofEpochMilli(row.getLong("created_at")),
            Optional.ofNullable(Rows.nullableLong(row, "expires_at")).map(Instant::ofEpochMilli).orElse(null)),
        actor.userId(), ApiToken.API));
  }

  public void revokeApiToken(Principal actor, String tokenId) {
    database.write(connection -> {
      int deleted = Rows.update(connection, "DELETE FROM tokens WHERE id = ? AND user_id = ? AND kind = ?",
          tokenId, actor.userId(), ApiToken.API);
      if (deleted == 0) {
        throw ApiException.notFound(ErrorCode.TOKEN_NOT_FOUND, "token", tokenId);
      }
      audit.record(connection, actor, "token.revoke", "token", tokenId, Map.of());
      return null;
    });
  }

  /** Creates a user in a tenant: operators in any tenant, admins in their own (others get 404). */
  public User createUser(Principal actor, String tenantId, String email, String name, String password, Role role) {
    TenantService.requireVisible(actor, tenantId);
    actor.requireAdmin();
    return database.write(connection -> {
      TenantService.tenantOf(connection, tenantId);
      User user = insertUser(connection, tenantId, email, name, password, role == null ? Role.READ_ONLY : role, false);
      audit.record(connection, actor, "user.create", "user", user.id(), Map.of("email", user.email(), "role", user.role().id(),
          "tenantId", tenantId));
      return user;
    });
  }

  public List<User> listUsers(Principal actor, String tenantId) {
    TenantService.requireVisible(actor, tenantId);
    return database.read(connection -> {
      TenantService.tenantOf(connection, tenantId);
      return UserRepository.listByTenant(connection, tenantId);
    });
  }

  public User me(Principal actor) {
    return database.read(connection -> UserRepository.find(connection, actor.userId()))
        .orElseThrow(() -> ApiException.notFound(ErrorCode.USER_NOT_FOUND, "user", actor.userId()));
  }

  /** True when no user exists yet (first start). */
  public boolean noUsers() {
    return database.read(UserRepository::count) == 0;
  }

  /** Inserts a user inside a caller's transaction (validates email and password). */
  public User insertUser(Connection connection, String tenantId, String email, String name, String password, Role role,
      boolean operator) throws SQLException {
    String normalized = normalizeEmail(email);
    if (!normalized.matches("[^@\\s]{1,64}@[^@\\s]{1,255}")) {
      throw new ApiException(ErrorCode.VALIDATION_FAILED, "\"" + email + "\" is not an email address");
    }
    if (password == null || password.length() < MIN_PASSWORD_LENGTH || password.length() > 1024) {
      throw new ApiException(ErrorCode.PASSWORD_TOO_WEAK, "passwords need at least " + MIN_PASSWORD_LENGTH + " characters");
    }
    if (UserRepository.findByEmail(connection, normalized).isPresent()) {
      throw new ApiException(ErrorCode.EMAIL_TAKEN, "a user with email " + normalized + " already exists");
    }
    User user = new User(UUID.randomUUID().toString(), tenantId, normalized,
        name == null || name.isBlank() ? normalized : name.strip(), role, operator, clock.instant());
    UserRepository.insert(connection, user, hasher.hash(password));
    return user;
  }

  private IssuedToken issue(Connection connection, User user, String kind, String name, Role role, Instant expiresAt)
      throws SQLException {
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    String token = "slc_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    String id = UUID.randomUUID().toString();
    Rows.update(connection,
        "INSERT INTO tokens (id, user_id, token_hash, kind, name, role, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        id, user.id(), sha256(token), kind, name, role.id(), clock.millis(), expiresAt == null ? null : expiresAt.toEpochMilli());
    return new IssuedToken(id, token, kind, name, role, expiresAt);
  }

  private static String normalizeEmail(String email) {
    return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
  }

  static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
