package dev.sluice.wire.image;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How the appliance's management interface gets its address. */
public enum NetworkMode {
  /** DHCP (the address should be reserved on the DHCP server). */
  @JsonProperty("dhcp") DHCP,
  /** A static address, prefix, gateway and DNS servers. */
  @JsonProperty("manual") MANUAL
}
