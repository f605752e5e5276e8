package dev.sluice.wire.image;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Optional;

/** The IP version of the appliance's syslog address. */
public enum IpVersion {
  @JsonProperty("ipv4") IPV4("ipv4"),
  @JsonProperty("ipv6") IPV6("ipv6");

  private final String id;

  IpVersion(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  public static Optional<IpVersion> fromId(String id) {
    for (IpVersion version : values()) {
      if (version.id.equals(id)) {
        return Optional.of(version);
      }
    }
    return Optional.empty();
  }

  /** True when the text is an address literal of this version (no name lookups). */
  public boolean matches(String address) {
    return this == IPV4 ? IpLiterals.isIpv4(address) : IpLiterals.isIpv6(address);
  }
}
