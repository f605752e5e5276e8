package dev.sluice.wire.image;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.LongConsumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Writes appliance images. Both kinds hold three members in this order:
 *
 * <table>
 *   <caption>image members</caption>
 *   <tr><th></th><th>ESXi OVA (ustar tar)</th><th>Hyper-V package (zip)</th></tr>
 *   <tr><td>1</td><td>{@code <base>.ovf} — {@link OvfDescriptor}</td><td>{@code <base>.json} — {@link HyperVDefinition}</td></tr>
 *   <tr><td>2</td><td>{@code <base>.mf} — lines {@code SHA256(<member>)= <hex>}</td>
 *       <td>{@code <base>.sha256} — lines {@code <hex>  <member>} ({@code sha256sum -c} format)</td></tr>
 *   <tr><td>3</td><td colspan="2">{@code <base>-disk1.tar} — the {@link PayloadArchive}</td></tr>
 * </table>
 *
 * where {@code <base>} is {@code sluice-appliance-<applianceId>}. The manifest lists the
 * descriptor and the payload.
 */
public final class ApplianceImageWriter {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ApplianceImageWriter() {}

  /** The member base name for an appliance. */
  public static String baseName(BootstrapConfig config) {
    return "sluice-appliance-" + config.applianceId();
  }

  /** Writes the image for {@code config.platform()}. */
  public static void write(BootstrapConfig config, Path payloadTar, Path target) throws IOException {
    write(config, payloadTar, target, bytes -> { });
  }

  /**
   * Writes the image for {@code config.platform()}, reporting progress: {@code bytesRead} is told
   * each chunk of the payload read, which happens twice (once to digest it for the manifest, once
   * to copy it into the image), so a build reads {@code 2 × size(payloadTar)} bytes in all.
   */
  public static void write(BootstrapConfig config, Path payloadTar, Path target, LongConsumer bytesRead)
      throws IOException {
    switch (config.platform()) {
      case ESXI -> writeOva(config, payloadTar, OvfDescriptor.Hardware.DEFAULT, target, bytesRead);
      case HYPERV -> writeHyperV(config, payloadTar, OvfDescriptor.Hardware.DEFAULT, target, bytesRead);
    }
  }

  public static void writeOva(BootstrapConfig config, Path payloadTar, OvfDescriptor.Hardware hardware, Path target,
      LongConsumer bytesRead) throws IOException {
    String base = baseName(config);
    String diskName = base + "-disk1.tar";
    long diskSize = Files.size(payloadTar);
    byte[] ovf = OvfDescriptor.write(config, diskName, diskSize, hardware).getBytes(StandardCharsets.UTF_8);
    byte[] manifest = ("SHA256(" + base + ".ovf)= " + sha256(ovf) + "\n"
        + "SHA256(" + diskName + ")= " + sha256(payloadTar, bytesRead) + "\n").getBytes(StandardCharsets.UTF_8);
    try (OutputStream file = Files.newOutputStream(target);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(file)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_ERROR);
      putBytes(tar, base + ".ovf", ovf);
      putBytes(tar, base + ".mf", manifest);
      TarArchiveEntry disk = new TarArchiveEntry(diskName);
      disk.setSize(diskSize);
      disk.setMode(0644);
      tar.putArchiveEntry(disk);
      copy(payloadTar, tar, bytesRead);
      tar.closeArchiveEntry();
      tar.finish();
    }
  }

  public static void writeHyperV(BootstrapConfig config, Path payloadTar, OvfDescriptor.Hardware hardware, Path target,
      LongConsumer bytesRead) throws IOException {
    String base = baseName(config);
    String diskName = base + "-disk1.tar";
    long diskSize = Files.size(payloadTar);
    HyperVDefinition definition = new HyperVDefinition(
        BootstrapConfig.FORMAT_VERSION,
        HyperVDefinition.KIND,
        config.applianceName().isBlank() ? base : config.applianceName(),
        2,
        hardware.cpus(),
        hardware.memoryMiB(),
        new HyperVDefinition.Disk(diskName, OvfDescriptor.DISK_FORMAT, diskSize, hardware.diskGiB()),
        List.of(
            new HyperVDefinition.NetworkAdapter("Management", "Management interface: reaches central and the lake"),
            new HyperVDefinition.NetworkAdapter("Syslog", "Syslog interface: receives events from senders")),
        BootstrapProperties.toMap(config));
    byte[] json = JSON.writeValueAsBytes(definition);
    byte[] manifest = (sha256(json) + "  " + base + ".json\n" + sha256(payloadTar, bytesRead) + "  " + diskName + "\n")
        .getBytes(StandardCharsets.UTF_8);
    try (OutputStream file = Files.newOutputStream(target);
        ZipOutputStream zip = new ZipOutputStream(file)) {
      zip.putNextEntry(new ZipEntry(base + ".json"));
      zip.write(json);
      zip.closeEntry();
      zip.putNextEntry(new ZipEntry(base + ".sha256"));
      zip.write(manifest);
      zip.closeEntry();
      zip.putNextEntry(new ZipEntry(diskName));
      copy(payloadTar, zip, bytesRead);
      zip.closeEntry();
      zip.finish();
    }
  }

  private static void putBytes(TarArchiveOutputStream tar, String name, byte[] content) throws IOException {
    TarArchiveEntry entry = new TarArchiveEntry(name);
    entry.setSize(content.length);
    entry.setMode(0644);
    tar.putArchiveEntry(entry);
    tar.write(content);
    tar.closeArchiveEntry();
  }

  static String sha256(byte[] content) {
    return HexFormat.of().formatHex(digest().digest(content));
  }

  static String sha256(Path file, LongConsumer bytesRead) throws IOException {
    MessageDigest digest = digest();
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
      transfer(in, OutputStream.nullOutputStream(), bytesRead);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  static void copy(Path file, OutputStream out, LongConsumer bytesRead) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      transfer(in, out, bytesRead);
    }
  }

  private static void transfer(InputStream in, OutputStream out, LongConsumer bytesRead) throws IOException {
    byte[] buffer = new byte[256 * 1024];
    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
      out.write(buffer, 0, n);
      bytesRead.accept(n);
    }
  }

  static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JDK", e);
    }
  }
}
