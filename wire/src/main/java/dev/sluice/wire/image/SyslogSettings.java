package dev.sluice.wire.image;

import java.util.Objects;

/**
 * Where the appliance listens for syslog: an address of the given IP version. The protocol is
 * always TCP.
 */
public record SyslogSettings(IpVersion ipVersion, String address) {
  public SyslogSettings {
    Objects.requireNonNull(ipVersion, "syslog ipVersion is required (ipv4 or ipv6)");
    if (!ipVersion.matches(address)) {
      throw new IllegalArgumentException("syslog address is not an " + ipVersion.id() + " address: " + address);
    }
  }

  /** Always {@code tcp}. */
  public String protocol() {
    return "tcp";
  }
}
