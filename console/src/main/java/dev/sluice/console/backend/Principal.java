package dev.sluice.console.backend;

import java.util.Objects;

/**
 * The signed-in user as the backend sees them. {@code token} is the backend's session token;
 * the console never shows it.
 */
public record Principal(
    String token, String tenantId, String tenantName, String email, String displayName, Role role) {

  public enum Role {
    ADMIN("Administrator"),
    READ_ONLY("Read-only");

    private final String label;

    Role(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  public Principal {
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(tenantName, "tenantName");
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(role, "role");
    displayName = displayName == null || displayName.isBlank() ? email : displayName;
  }

  public boolean isAdmin() {
    return role == Role.ADMIN;
  }

  /** Up to two letters for the avatar in the top bar. */
  public String initials() {
    String[] parts = displayName.trim().split("[\\s@._-]+");
    StringBuilder initials = new StringBuilder();
    for (String part : parts) {
      if (!part.isEmpty() && initials.length() < 2) {
        initials.appendCodePoint(Character.toUpperCase(part.codePointAt(0)));
      }
    }
    return initials.isEmpty() ? "?" : initials.toString();
  }
}
