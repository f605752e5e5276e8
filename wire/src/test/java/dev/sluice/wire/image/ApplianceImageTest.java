package dev.sluice.wire.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApplianceImageTest {
  @TempDir Path dir;

  private Path payload() throws IOException {
    Path jar = Files.writeString(dir.resolve("sluice-appliance.jar"), "not really a jar");
    Path tar = dir.resolve("payload.tar");
    PayloadArchive.write(PayloadArchive.applianceSoftware("0.1.0", List.of(jar)), tar);
    return tar;
  }

  @Test
  void ovaRoundTripsBootstrapConfiguration() throws IOException {
    Path ova = dir.resolve("a.ova");
    ApplianceImageWriter.write(SampleBootstrap.esxi(), payload(), ova);

    ImageReadResult.Verified verified = assertInstanceOf(ImageReadResult.Verified.class, ApplianceImageReader.read(ova));
    assertEquals(Platform.ESXI, verified.platform());
    assertEquals(SampleBootstrap.esxi(), verified.bootstrap());
    assertEquals("sluice-appliance-appliance-1-disk1.tar", verified.payloadName());
  }

  @Test
  void progressCountsEverySourceByteOfPayloadAndImage() throws IOException {
    Path jar = Files.write(dir.resolve("big.jar"), new byte[700_000]);
    Path tar = dir.resolve("payload.tar");
    long[] payloadBytes = {0};
    PayloadArchive.write(PayloadArchive.applianceSoftware("0.1.0", List.of(jar)), tar, n -> payloadBytes[0] += n);
    assertEquals(700_000, payloadBytes[0], "the jar is read once into the payload");
    for (BootstrapConfig config : List.of(SampleBootstrap.esxi(), SampleBootstrap.hyperV())) {
      long[] imageBytes = {0};
      ApplianceImageWriter.write(config, tar, dir.resolve("image-" + config.platform()), n -> imageBytes[0] += n);
      assertEquals(2 * Files.size(tar), imageBytes[0], config.platform() + ": the payload is digested once and copied once");
    }
  }

  @Test
  void ovaMembersAreDescriptorManifestPayloadInThatOrder() throws IOException {
    Path ova = dir.resolve("a.ova");
    ApplianceImageWriter.write(SampleBootstrap.esxi(), payload(), ova);
    assertEquals(List.of("sluice-appliance-appliance-1.ovf", "sluice-appliance-appliance-1.mf",
        "sluice-appliance-appliance-1-disk1.tar"), memberNames(ova));
  }

  @Test
  void hyperVPackageRoundTripsManualIpv6Network() throws IOException {
    Path zip = dir.resolve("a.zip");
    ApplianceImageWriter.write(SampleBootstrap.hyperV(), payload(), zip);
    ImageReadResult.Verified verified = assertInstanceOf(ImageReadResult.Verified.class, ApplianceImageReader.read(zip));
    assertEquals(Platform.HYPERV, verified.platform());
    assertEquals(SampleBootstrap.hyperV(), verified.bootstrap());
  }

  @Test
  void payloadExtractsWithExecutableStartScript() throws IOException {
    Path ova = dir.resolve("a.ova");
    ApplianceImageWriter.write(SampleBootstrap.esxi(), payload(), ova);
    Path target = dir.resolve("extracted");
    ApplianceImageReader.extractPayload(ova, target);
    assertEquals("0.1.0\n", Files.readString(target.resolve("sluice/VERSION")));
    assertEquals("not really a jar", Files.readString(target.resolve("sluice/lib/sluice-appliance.jar")));
    assertTrue(Files.isExecutable(target.resolve("sluice/bin/sluice-appliance")));
  }

  @Test
  void refusesOvaWhosePayloadWasAltered() throws IOException {
    Path ova = dir.resolve("a.ova");
    ApplianceImageWriter.write(SampleBootstrap.esxi(), payload(), ova);
    List<byte[]> members = memberContents(ova);
    members.get(2)[600] ^= 1;
    Path altered = rewrite(memberNames(ova), members);
    assertRejected(ImageRejection.DIGEST_MISMATCH, altered);
  }

  @Test
  void refusesOvaWhoseManifestComesFirst() throws IOException {
    Path ova = dir.resolve("a.ova");
    ApplianceImageWriter.write(SampleBootstrap.esxi(), payload(), ova);
    List<String> names = memberNames(ova);
    List<byte[]> contents = memberContents(ova);
    assertRejected(ImageRejection.WRONG_MEMBER_ORDER,
        rewrite(List.of(names.get(1), names.get(0), names.get(2)), List.of(contents.get(1), contents.get(0), contents.get(2))));
  }

  @Test
  void refusesDescriptorThatBreaksAStructureRuleEvenWithMatchingDigest() throws IOException {
    Path ova = dir.resolve("a.ova");
    ApplianceImageWriter.write(SampleBootstrap.esxi(), payload(), ova);
    List<String> names = memberNames(ova);
    List<byte[]> contents = memberContents(ova);
    byte[] ovf = new String(contents.get(0), StandardCharsets.UTF_8)
        .replace("<rasd:Connection>Syslog</rasd:Connection>", "<rasd:Connection>Nowhere</rasd:Connection>")
        .getBytes(StandardCharsets.UTF_8);
    byte[] manifest = ("SHA256(" + names.get(0) + ")= " + ApplianceImageWriter.sha256(ovf) + "\n"
        + "SHA256(" + names.get(2) + ")= " + ApplianceImageWriter.sha256(contents.get(2)) + "\n")
        .getBytes(StandardCharsets.UTF_8);
    ImageReadResult.Rejected rejected = assertRejected(ImageRejection.DESCRIPTOR_INVALID,
        rewrite(names, List.of(ovf, manifest, contents.get(2))));
    assertTrue(rejected.detail().contains("Nowhere"), rejected.detail());
  }

  @Test
  void refusesFileThatIsNotAnImage() throws IOException {
    assertRejected(ImageRejection.NOT_AN_IMAGE, Files.writeString(dir.resolve("x.ova"), "hello"));
    assertRejected(ImageRejection.UNREADABLE, dir.resolve("missing.ova"));
  }

  @Test
  void ovfValidatorReportsMissingBootstrapProperty() {
    String ovf = OvfDescriptor.write(SampleBootstrap.esxi(), "d.tar", 10, OvfDescriptor.Hardware.DEFAULT)
        .replaceAll("(?m)^.*ovf:key=\"sluice.centralUrl\".*\n", "");
    OvfDescriptor.Invalid invalid = assertInstanceOf(OvfDescriptor.Invalid.class,
        OvfDescriptor.parse(ovf.getBytes(StandardCharsets.UTF_8)));
    assertEquals("ProductSection lacks Property sluice.centralUrl", invalid.detail());
  }

  @Test
  void ovfValidatorRefusesDoctype() {
    String ovf = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><Envelope>&e;</Envelope>";
    assertInstanceOf(OvfDescriptor.Invalid.class, OvfDescriptor.parse(ovf.getBytes(StandardCharsets.UTF_8)));
  }

  private static ImageReadResult.Rejected assertRejected(ImageRejection code, Path image) {
    ImageReadResult.Rejected rejected = assertInstanceOf(ImageReadResult.Rejected.class, ApplianceImageReader.read(image));
    assertEquals(code, rejected.code(), rejected.detail());
    return rejected;
  }

  private static List<String> memberNames(Path ova) throws IOException {
    List<String> names = new ArrayList<>();
    try (InputStream in = Files.newInputStream(ova); TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
      for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
        names.add(entry.getName());
      }
    }
    return names;
  }

  private static List<byte[]> memberContents(Path ova) throws IOException {
    List<byte[]> contents = new ArrayList<>();
    try (InputStream in = Files.newInputStream(ova); TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
      for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
        contents.add(tar.readAllBytes());
      }
    }
    return contents;
  }

  private Path rewrite(List<String> names, List<byte[]> contents) throws IOException {
    Path target = Files.createTempFile(dir, "rewritten", ".ova");
    try (OutputStream out = Files.newOutputStream(target); TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
      for (int i = 0; i < names.size(); i++) {
        TarArchiveEntry entry = new TarArchiveEntry(names.get(i));
        entry.setSize(contents.get(i).length);
        tar.putArchiveEntry(entry);
        tar.write(contents.get(i));
        tar.closeArchiveEntry();
      }
    }
    return target;
  }
}
