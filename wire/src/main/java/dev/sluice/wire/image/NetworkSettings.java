package dev.sluice.wire.image;

import java.util.List;
import java.util.Objects;

/**
 * The appliance's management network. With {@link NetworkMode#DHCP} every other field is absent;
 * with {@link NetworkMode#MANUAL} {@code address} (IPv4 or IPv6 literal), {@code prefix} and
 * {@code gateway} are required and {@code dns} lists 0–4 servers.
 */
public record NetworkSettings(NetworkMode mode, String address, Integer prefix, String gateway, List<String> dns) {

  public NetworkSettings {
    Objects.requireNonNull(mode, "network mode is required (dhcp or manual)");
    dns = dns == null ? List.of() : List.copyOf(dns);
    if (mode == NetworkMode.DHCP) {
      if (address != null || prefix != null || gateway != null || !dns.isEmpty()) {
        throw new IllegalArgumentException("network mode dhcp takes no address, prefix, gateway or dns");
      }
    } else {
      boolean v4 = IpLiterals.isIpv4(address);
      if (!v4 && !IpLiterals.isIpv6(address)) {
        throw new IllegalArgumentException("network address is not an IP address: " + address);
      }
      int maxPrefix = v4 ? 32 : 128;
      if (prefix == null || prefix < 1 || prefix > maxPrefix) {
        throw new IllegalArgumentException("network prefix must be 1.." + maxPrefix + ", was " + prefix);
      }
      if (!(v4 ? IpLiterals.isIpv4(gateway) : IpLiterals.isIpv6(gateway))) {
        throw new IllegalArgumentException("network gateway is not an IP address of the same version: " + gateway);
      }
      if (dns.size() > 4) {
        throw new IllegalArgumentException("at most 4 DNS servers");
      }
      for (String server : dns) {
        if (!IpLiterals.isIpv4(server) && !IpLiterals.isIpv6(server)) {
          throw new IllegalArgumentException("DNS server is not an IP address: " + server);
        }
      }
    }
  }

  public static NetworkSettings dhcp() {
    return new NetworkSettings(NetworkMode.DHCP, null, null, null, List.of());
  }

  public static NetworkSettings manual(String address, int prefix, String gateway, List<String> dns) {
    return new NetworkSettings(NetworkMode.MANUAL, address, prefix, gateway, dns);
  }
}
