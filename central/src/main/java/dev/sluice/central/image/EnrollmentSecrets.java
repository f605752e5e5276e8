package dev.sluice.central.image;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Single-use enrollment secrets: {@code <imageId>.<256 random bits, base64url>}. The image id lets
 * central find the image; only the SHA-256 of the whole secret is stored, compared in constant
 * time.
 */
public final class EnrollmentSecrets {
  private static final SecureRandom RANDOM = new SecureRandom();

  private EnrollmentSecrets() {}

  public static String create(String imageId) {
    byte[] random = new byte[32];
    RANDOM.nextBytes(random);
    return imageId + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
  }

  /** The image id part of a secret, if it has the expected shape. */
  public static Optional<String> imageId(String secret) {
    int dot = secret == null ? -1 : secret.indexOf('.');
    if (dot <= 0 || dot > 64 || secret.length() > 200) {
      return Optional.empty();
    }
    return Optional.of(secret.substring(0, dot));
  }

  public static String hash(String secret) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Constant-time comparison of a presented secret with a stored hash. */
  public static boolean matches(String secret, String storedHash) {
    return MessageDigest.isEqual(hash(secret).getBytes(StandardCharsets.US_ASCII), storedHash.getBytes(StandardCharsets.US_ASCII));
  }
}
