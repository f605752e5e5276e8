package dev.sluice.console.backend;

import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Appliances of a tenant and their images. */
public interface Appliances {

  List<Appliance> list(Principal principal);

  Optional<Appliance> get(Principal principal, String applianceId);

  /** Starts building a fresh image; any unused older image of the appliance stops working. */
  Outcome<Image> buildImage(Principal principal, String applianceId, Platform platform);

  Optional<Image> image(Principal principal, String applianceId, Platform platform);

  Optional<Download> download(Principal principal, String applianceId, Platform platform);

  enum Platform {
    ESXI("esxi", "VMware ESXi 6.7 Update 3 or later", "Download OVA for ESXi"),
    HYPERV("hyperv", "Microsoft Hyper-V on Windows Server 2016 or later", "Download for Hyper-V");

    private final String id;
    private final String label;
    private final String downloadLabel;

    Platform(String id, String label, String downloadLabel) {
      this.id = id;
      this.label = label;
      this.downloadLabel = downloadLabel;
    }

    public String id() {
      return id;
    }

    public String label() {
      return label;
    }

    public String downloadLabel() {
      return downloadLabel;
    }

    public static Optional<Platform> fromId(String id) {
      for (Platform p : values()) {
        if (p.id.equals(id)) {
          return Optional.of(p);
        }
      }
      return Optional.empty();
    }
  }

  enum IpVersion { IPV4, IPV6 }

  /** Management network: DHCP (address to be reserved) or manual settings. */
  record Network(Mode mode, String address, Integer prefix, String gateway, List<String> dns) {
    public enum Mode { DHCP, MANUAL }

    public Network {
      dns = dns == null ? List.of() : List.copyOf(dns);
    }

    public static Network dhcp() {
      return new Network(Mode.DHCP, null, null, null, List.of());
    }
  }

  record Appliance(
      String id,
      String name,
      String description,
      Platform platform,
      Network network,
      IpVersion syslogIpVersion,
      String syslogAddress,
      String state,
      boolean online,
      Instant lastHeartbeatAt,
      String version,
      int integrationCount,
      Instant createdAt) {}

  /** An image of one appliance for one platform. */
  record Image(Platform platform, State state, int progressPercent, String failureReason,
      Instant readyAt, long sizeBytes) {
    public enum State { BUILDING, READY, FAILED, CONSUMED }
  }

  record Download(String fileName, String contentType, long sizeBytes, InputStream content) {}
}
