package dev.sluice.wire.image;

import java.util.List;
import java.util.Map;

/**
 * The VM definition at the head of a Hyper-V package ({@code <base>.json}): a generation-2 VM
 * with its processors, memory, disk, network adapters and the bootstrap properties (the same keys
 * as the OVA's ProductSection, see {@link BootstrapProperties}).
 */
public record HyperVDefinition(
    int formatVersion,
    String kind,
    String name,
    int generation,
    int processorCount,
    int memoryMiB,
    Disk disk,
    List<NetworkAdapter> networkAdapters,
    Map<String, String> bootstrap) {

  public static final String KIND = "sluice-hyperv-appliance";

  /** The virtual disk: {@code file} is the payload member, {@code format} {@link OvfDescriptor#DISK_FORMAT}. */
  public record Disk(String file, String format, long size, int capacityGiB) {}

  /** A network adapter connected to the named virtual switch role. */
  public record NetworkAdapter(String name, String description) {}

  public HyperVDefinition {
    if (formatVersion != BootstrapConfig.FORMAT_VERSION) {
      throw new IllegalArgumentException("unsupported formatVersion " + formatVersion);
    }
    if (!KIND.equals(kind)) {
      throw new IllegalArgumentException("kind must be " + KIND);
    }
    if (generation != 2) {
      throw new IllegalArgumentException("generation must be 2");
    }
    if (processorCount < 1 || memoryMiB < 1) {
      throw new IllegalArgumentException("processorCount and memoryMiB must be positive");
    }
    if (disk == null || disk.file() == null || disk.size() < 0 || disk.capacityGiB() < 1) {
      throw new IllegalArgumentException("disk needs file, size and capacityGiB");
    }
    networkAdapters = networkAdapters == null ? List.of() : List.copyOf(networkAdapters);
    if (networkAdapters.isEmpty()) {
      throw new IllegalArgumentException("at least one network adapter");
    }
    bootstrap = bootstrap == null ? Map.of() : Map.copyOf(bootstrap);
  }
}
