package dev.sluice.central.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Optional;

/** What a user (or token) may do within its tenant. */
public enum Role {
  /** Read and change everything of the tenant. */
  @JsonProperty("admin") ADMIN("admin"),
  /** Read everything of the tenant, change nothing. */
  @JsonProperty("read-only") READ_ONLY("read-only");

  private final String id;

  Role(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  public static Optional<Role> fromId(String id) {
    for (Role role : values()) {
      if (role.id.equals(id)) {
        return Optional.of(role);
      }
    }
    return Optional.empty();
  }
}
