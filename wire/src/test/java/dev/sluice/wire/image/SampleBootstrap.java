package dev.sluice.wire.image;

import java.time.Instant;
import java.util.List;

/** Bootstrap configurations for tests. */
final class SampleBootstrap {
  static final String CERTIFICATE = "-----BEGIN CERTIFICATE-----\nMIIBfake\nline2\n-----END CERTIFICATE-----\n";

  private SampleBootstrap() {}

  static BootstrapConfig esxi() {
    return of(Platform.ESXI, NetworkSettings.dhcp(), new SyslogSettings(IpVersion.IPV4, "10.0.0.5"));
  }

  static BootstrapConfig hyperV() {
    return of(Platform.HYPERV,
        NetworkSettings.manual("2001:db8::10", 64, "2001:db8::1", List.of("2001:db8::53", "9.9.9.9")),
        new SyslogSettings(IpVersion.IPV6, "2001:db8::11"));
  }

  static BootstrapConfig of(Platform platform, NetworkSettings network, SyslogSettings syslog) {
    return new BootstrapConfig(
        BootstrapConfig.FORMAT_VERSION,
        "https://central.example:8443",
        CERTIFICATE,
        "AB:CD",
        "tenant-1",
        "appliance-1",
        "Office <collector> & \"friends\"",
        platform,
        "image-1.c2VjcmV0",
        Instant.parse("2026-12-27T10:00:00Z"),
        network,
        syslog,
        Instant.parse("2026-11-27T10:00:00Z"));
  }
}
