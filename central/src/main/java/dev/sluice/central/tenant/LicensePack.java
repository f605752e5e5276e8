package dev.sluice.central.tenant;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;

/** Entitlements a tenant can hold; products require one. */
public enum LicensePack {
  NETWORK_INTEGRATIONS("network-integrations", "Network integrations"),
  FIREWALL_INTEGRATIONS("firewall-integrations", "Firewall integrations"),
  EMAIL_INTEGRATIONS("email-integrations", "Email integrations"),
  PUBLIC_CLOUD_INTEGRATIONS("public-cloud-integrations", "Public Cloud integrations");

  private final String id;
  private final String displayName;

  LicensePack(String id, String displayName) {
    this.id = id;
    this.displayName = displayName;
  }

  @JsonValue
  public String id() {
    return id;
  }

  public String displayName() {
    return displayName;
  }

  public static Optional<LicensePack> fromId(String id) {
    for (LicensePack pack : values()) {
      if (pack.id.equals(id)) {
        return Optional.of(pack);
      }
    }
    return Optional.empty();
  }
}
