package dev.sluice.wire.image;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Optional;

/** The virtual platform an appliance image is built for. */
public enum Platform {
  /** VMware ESXi 6.7 Update 3 or later: an OVA. */
  @JsonProperty("esxi") ESXI("esxi", "ova"),
  /** Microsoft Hyper-V on Windows Server 2016 or later: a zip package. */
  @JsonProperty("hyperv") HYPERV("hyperv", "zip");

  private final String id;
  private final String fileExtension;

  Platform(String id, String fileExtension) {
    this.id = id;
    this.fileExtension = fileExtension;
  }

  /** The wire/API name: {@code esxi} or {@code hyperv}. */
  public String id() {
    return id;
  }

  /** The image file's extension: {@code ova} or {@code zip}. */
  public String fileExtension() {
    return fileExtension;
  }

  public static Optional<Platform> fromId(String id) {
    for (Platform platform : values()) {
      if (platform.id.equals(id)) {
        return Optional.of(platform);
      }
    }
    return Optional.empty();
  }
}
