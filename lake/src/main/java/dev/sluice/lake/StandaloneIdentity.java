package dev.sluice.lake;

import io.javalin.http.Context;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The test identity of a standalone lake ({@code ./sluice lake}) until enrollment exists: one
 * tenant, one appliance that may write for any integration, and one bearer token that
 * authenticates both a user of that tenant and that appliance
 * ({@code Authorization: Bearer <token>}). The token is created on first start and kept in
 * {@code <lake>/test-token}. Inside {@code ./sluice up} central's real hooks are used instead.
 */
public final class StandaloneIdentity {

  public static final String TENANT = "test";
  public static final String APPLIANCE = "test-appliance";

  private final String token;

  private StandaloneIdentity(String token) {
    this.token = token;
  }

  /** Reads the token from {@code file}, creating it (owner-only) if missing. */
  public static StandaloneIdentity loadOrCreate(Path file) throws IOException {
    if (Files.exists(file)) {
      return new StandaloneIdentity(Files.readString(file, StandardCharsets.UTF_8).strip());
    }
    byte[] random = new byte[24];
    new SecureRandom().nextBytes(random);
    String token = HexFormat.of().formatHex(random);
    Files.createDirectories(file.getParent());
    Files.writeString(file, token + "\n", StandardCharsets.UTF_8);
    try {
      Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException ignored) {
      // Not a POSIX file system; the data directory's own permissions apply.
    }
    return new StandaloneIdentity(token);
  }

  public String token() {
    return token;
  }

  private boolean presented(Context ctx) {
    String header = ctx.header("Authorization");
    if (header == null || !header.startsWith("Bearer ")) {
      return false;
    }
    return MessageDigest.isEqual(header.substring(7).strip().getBytes(StandardCharsets.UTF_8),
        token.getBytes(StandardCharsets.UTF_8));
  }

  public LakeRoutes.UserAuthenticator users() {
    return ctx -> presented(ctx) ? Optional.of(TENANT) : Optional.empty();
  }

  public LakeRoutes.ApplianceAuthenticator appliances() {
    ApplianceIdentity appliance = new ApplianceIdentity(TENANT, APPLIANCE);
    return ctx -> presented(ctx) ? Optional.of(appliance) : Optional.empty();
  }
}
