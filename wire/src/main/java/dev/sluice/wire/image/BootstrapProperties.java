package dev.sluice.wire.image;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link BootstrapConfig} as flat string properties: the OVF ProductSection's
 * {@code Property ovf:key/ovf:value} pairs, and the {@code bootstrap} object of the Hyper-V
 * package. Keys (all prefixed {@code sluice.}):
 *
 * <pre>
 * formatVersion  centralUrl  centralCertificate (PEM)  centralCertificateSha256
 * tenantId  applianceId  applianceName  platform (esxi|hyperv)
 * enrollmentSecret  enrollmentSecretExpiresAt (ISO-8601)  createdAt (ISO-8601)
 * network.mode (dhcp|manual)  network.address  network.prefix  network.gateway  network.dns (comma-separated)
 * syslog.ipVersion (ipv4|ipv6)  syslog.address  syslog.protocol (tcp)
 * </pre>
 *
 * Manual-network keys are present only in manual mode.
 */
public final class BootstrapProperties {
  public static final String PREFIX = "sluice.";

  /** Keys every image must carry. */
  public static final List<String> REQUIRED_KEYS = List.of(
      "sluice.formatVersion", "sluice.centralUrl", "sluice.centralCertificate",
      "sluice.centralCertificateSha256", "sluice.tenantId", "sluice.applianceId", "sluice.applianceName",
      "sluice.platform", "sluice.enrollmentSecret", "sluice.enrollmentSecretExpiresAt", "sluice.createdAt",
      "sluice.network.mode", "sluice.syslog.ipVersion", "sluice.syslog.address", "sluice.syslog.protocol");

  private BootstrapProperties() {}

  public static Map<String, String> toMap(BootstrapConfig config) {
    Map<String, String> map = new LinkedHashMap<>();
    map.put("sluice.formatVersion", Integer.toString(config.formatVersion()));
    map.put("sluice.centralUrl", config.centralUrl());
    map.put("sluice.centralCertificate", config.centralCertificatePem());
    map.put("sluice.centralCertificateSha256", config.centralCertificateSha256());
    map.put("sluice.tenantId", config.tenantId());
    map.put("sluice.applianceId", config.applianceId());
    map.put("sluice.applianceName", config.applianceName());
    map.put("sluice.platform", config.platform().id());
    map.put("sluice.enrollmentSecret", config.enrollmentSecret());
    map.put("sluice.enrollmentSecretExpiresAt", config.enrollmentSecretExpiresAt().toString());
    map.put("sluice.createdAt", config.createdAt().toString());
    NetworkSettings network = config.network();
    map.put("sluice.network.mode", network.mode() == NetworkMode.DHCP ? "dhcp" : "manual");
    if (network.mode() == NetworkMode.MANUAL) {
      map.put("sluice.network.address", network.address());
      map.put("sluice.network.prefix", Integer.toString(network.prefix()));
      map.put("sluice.network.gateway", network.gateway());
      map.put("sluice.network.dns", String.join(",", network.dns()));
    }
    map.put("sluice.syslog.ipVersion", config.syslog().ipVersion().id());
    map.put("sluice.syslog.address", config.syslog().address());
    map.put("sluice.syslog.protocol", "tcp");
    return map;
  }

  /**
   * Reads the properties back.
   *
   * @throws IllegalArgumentException naming the first missing or invalid property
   */
  public static BootstrapConfig fromMap(Map<String, String> map) {
    for (String key : REQUIRED_KEYS) {
      if (!map.containsKey(key)) {
        throw new IllegalArgumentException("missing property " + key);
      }
    }
    if (!"tcp".equals(map.get("sluice.syslog.protocol"))) {
      throw new IllegalArgumentException("sluice.syslog.protocol must be tcp");
    }
    NetworkSettings network = switch (map.get("sluice.network.mode")) {
      case "dhcp" -> NetworkSettings.dhcp();
      case "manual" -> NetworkSettings.manual(
          map.get("sluice.network.address"),
          parseInt(map, "sluice.network.prefix"),
          map.get("sluice.network.gateway"),
          splitList(map.getOrDefault("sluice.network.dns", "")));
      default -> throw new IllegalArgumentException("sluice.network.mode must be dhcp or manual");
    };
    return new BootstrapConfig(
        parseInt(map, "sluice.formatVersion"),
        map.get("sluice.centralUrl"),
        map.get("sluice.centralCertificate"),
        map.get("sluice.centralCertificateSha256"),
        map.get("sluice.tenantId"),
        map.get("sluice.applianceId"),
        map.get("sluice.applianceName"),
        Platform.fromId(map.get("sluice.platform"))
            .orElseThrow(() -> new IllegalArgumentException("sluice.platform must be esxi or hyperv")),
        map.get("sluice.enrollmentSecret"),
        parseInstant(map, "sluice.enrollmentSecretExpiresAt"),
        network,
        new SyslogSettings(
            IpVersion.fromId(map.get("sluice.syslog.ipVersion"))
                .orElseThrow(() -> new IllegalArgumentException("sluice.syslog.ipVersion must be ipv4 or ipv6")),
            map.get("sluice.syslog.address")),
        parseInstant(map, "sluice.createdAt"));
  }

  private static List<String> splitList(String text) {
    return text.isBlank() ? List.of() : Arrays.stream(text.split(",")).map(String::strip).toList();
  }

  private static int parseInt(Map<String, String> map, String key) {
    try {
      return Integer.parseInt(String.valueOf(map.get(key)));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " is not a number");
    }
  }

  private static Instant parseInstant(Map<String, String> map, String key) {
    try {
      return Instant.parse(map.get(key));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(key + " is not an ISO-8601 instant");
    }
  }
}
