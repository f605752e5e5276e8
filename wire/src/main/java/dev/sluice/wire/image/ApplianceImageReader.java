package dev.sluice.wire.image;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.ArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;

/**
 * Reads and verifies an appliance image written by {@link ApplianceImageWriter}: the member order
 * (descriptor, manifest, payload), every manifest digest, the descriptor's structure
 * ({@link OvfDescriptor} rules, or {@link HyperVDefinition}) and the bootstrap configuration.
 * Never throws: every problem is an {@link ImageReadResult.Rejected} with a stable code.
 */
public final class ApplianceImageReader {
  private static final int MAX_DESCRIPTOR_BYTES = 1 << 20;
  private static final int MAX_MANIFEST_BYTES = 64 << 10;
  private static final Pattern OVA_MANIFEST_LINE = Pattern.compile("SHA256\\(([^()/\\\\]+)\\)= ([0-9a-f]{64})");
  private static final Pattern SHA256SUM_LINE = Pattern.compile("([0-9a-f]{64})  ([^/\\\\]+)");
  private static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private ApplianceImageReader() {}

  /** A member of the image: its name, size, SHA-256 and, for the first two, its bytes. */
  private record Member(String name, long size, String sha256, byte[] content) {}

  /** Signals a rejection from deep inside the reading code; never escapes this class. */
  private static final class Refusal extends Exception {
    private static final long serialVersionUID = 1L;
    final ImageRejection code;

    Refusal(ImageRejection code, String detail) {
      super(detail, null, false, false);
      this.code = code;
    }
  }

  public static ImageReadResult read(Path image) {
    try {
      Platform platform = detect(image);
      List<Member> members = members(image, platform);
      return switch (platform) {
        case ESXI -> verifyOva(members);
        case HYPERV -> verifyHyperV(members);
      };
    } catch (Refusal refusal) {
      return new ImageReadResult.Rejected(refusal.code, refusal.getMessage());
    } catch (IOException | RuntimeException e) {
      return new ImageReadResult.Rejected(ImageRejection.UNREADABLE, "cannot read " + image + ": " + e.getMessage());
    }
  }

  /**
   * Extracts the disk payload of a verified image into {@code directory} (call {@link #read}
   * first); returns the files written.
   */
  public static List<Path> extractPayload(Path image, Path directory) throws IOException {
    try (InputStream file = new BufferedInputStream(Files.newInputStream(image));
        ArchiveInputStream<? extends ArchiveEntry> archive = open(file, detectQuietly(image))) {
      int index = 0;
      for (ArchiveEntry entry = archive.getNextEntry(); entry != null; entry = archive.getNextEntry()) {
        if (index++ == 2) {
          return PayloadArchive.extract(archive, directory);
        }
      }
    }
    throw new IOException("image has no payload member");
  }

  private static Platform detectQuietly(Path image) throws IOException {
    try {
      return detect(image);
    } catch (Refusal refusal) {
      throw new IOException(refusal.getMessage());
    }
  }

  private static Platform detect(Path image) throws IOException, Refusal {
    byte[] head = new byte[512];
    int read;
    try (InputStream in = Files.newInputStream(image)) {
      read = in.readNBytes(head, 0, head.length);
    }
    if (read >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
      return Platform.HYPERV;
    }
    if (read == 512 && new String(head, 257, 5, StandardCharsets.US_ASCII).equals("ustar")) {
      return Platform.ESXI;
    }
    throw new Refusal(ImageRejection.NOT_AN_IMAGE, "neither an OVA (tar) nor a Hyper-V package (zip)");
  }

  private static ArchiveInputStream<? extends ArchiveEntry> open(InputStream in, Platform platform) {
    return platform == Platform.ESXI ? new TarArchiveInputStream(in) : new ZipArchiveInputStream(in);
  }

  private static List<Member> members(Path image, Platform platform) throws IOException, Refusal {
    List<Member> members = new ArrayList<>();
    try (InputStream file = new BufferedInputStream(Files.newInputStream(image));
        ArchiveInputStream<? extends ArchiveEntry> archive = open(file, platform)) {
      for (ArchiveEntry entry = archive.getNextEntry(); entry != null; entry = archive.getNextEntry()) {
        if (entry.isDirectory()) {
          throw new Refusal(ImageRejection.WRONG_MEMBER_ORDER, "unexpected directory member " + entry.getName());
        }
        if (members.size() == 3) {
          throw new Refusal(ImageRejection.WRONG_MEMBER_ORDER, "unexpected fourth member " + entry.getName());
        }
        int keepLimit = members.isEmpty() ? MAX_DESCRIPTOR_BYTES : members.size() == 1 ? MAX_MANIFEST_BYTES : -1;
        members.add(digest(entry.getName(), archive, keepLimit));
      }
    }
    if (members.size() != 3) {
      throw new Refusal(ImageRejection.WRONG_MEMBER_ORDER, "expected 3 members (descriptor, manifest, payload), found " + members.size());
    }
    return members;
  }

  private static Member digest(String name, InputStream in, int keepLimit) throws IOException, Refusal {
    MessageDigest digest = ApplianceImageWriter.digest();
    DigestInputStream digesting = new DigestInputStream(in, digest);
    byte[] content = null;
    long size;
    if (keepLimit >= 0) {
      content = digesting.readNBytes(keepLimit + 1);
      if (content.length > keepLimit) {
        throw new Refusal(ImageRejection.WRONG_MEMBER_ORDER, name + " is larger than " + keepLimit + " bytes");
      }
      size = content.length;
    } else {
      size = digesting.transferTo(OutputStream.nullOutputStream());
    }
    return new Member(name, size, HexFormat.of().formatHex(digest.digest()), content);
  }

  private static ImageReadResult verifyOva(List<Member> members) throws Refusal {
    Member ovf = members.get(0);
    Member manifest = members.get(1);
    Member payload = members.get(2);
    requireSuffix(ovf, ".ovf", "first member must be the OVF descriptor");
    requireSuffix(manifest, ".mf", "second member must be the manifest");
    verifyDigests(parseManifest(manifest, OVA_MANIFEST_LINE, 1, 2), ovf, payload);
    OvfDescriptor.Result result = OvfDescriptor.parse(ovf.content());
    if (result instanceof OvfDescriptor.Invalid invalid) {
      throw new Refusal(ImageRejection.DESCRIPTOR_INVALID, invalid.detail());
    }
    OvfDescriptor.Parsed descriptor = ((OvfDescriptor.Valid) result).descriptor();
    if (descriptor.files().size() != 1 || !descriptor.files().get(0).href().equals(payload.name())
        || descriptor.files().get(0).size() != payload.size()) {
      throw new Refusal(ImageRejection.DESCRIPTOR_INVALID, "References must list exactly the payload member with its size");
    }
    return verified(Platform.ESXI, descriptor.properties(), payload);
  }

  private static ImageReadResult verifyHyperV(List<Member> members) throws Refusal {
    Member json = members.get(0);
    Member manifest = members.get(1);
    Member payload = members.get(2);
    requireSuffix(json, ".json", "first member must be the VM definition");
    requireSuffix(manifest, ".sha256", "second member must be the manifest");
    verifyDigests(parseManifest(manifest, SHA256SUM_LINE, 2, 1), json, payload);
    HyperVDefinition definition;
    try {
      definition = JSON.readValue(json.content(), HyperVDefinition.class);
    } catch (IOException e) {
      throw new Refusal(ImageRejection.DESCRIPTOR_INVALID, "VM definition: " + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()));
    }
    if (!definition.disk().file().equals(payload.name()) || definition.disk().size() != payload.size()) {
      throw new Refusal(ImageRejection.DESCRIPTOR_INVALID, "VM definition's disk must be the payload member with its size");
    }
    return verified(Platform.HYPERV, definition.bootstrap(), payload);
  }

  private static ImageReadResult verified(Platform platform, Map<String, String> properties, Member payload) throws Refusal {
    BootstrapConfig bootstrap;
    try {
      bootstrap = BootstrapProperties.fromMap(properties);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new Refusal(ImageRejection.BOOTSTRAP_INVALID, e.getMessage());
    }
    if (bootstrap.platform() != platform) {
      throw new Refusal(ImageRejection.BOOTSTRAP_INVALID, "image is a " + platform.id() + " image but says " + bootstrap.platform().id());
    }
    return new ImageReadResult.Verified(platform, bootstrap, payload.name(), payload.size(), payload.sha256());
  }

  private static void requireSuffix(Member member, String suffix, String message) throws Refusal {
    if (!member.name().endsWith(suffix)) {
      throw new Refusal(ImageRejection.WRONG_MEMBER_ORDER, message + " (*" + suffix + "), found " + member.name());
    }
  }

  private static Map<String, String> parseManifest(Member manifest, Pattern line, int nameGroup, int digestGroup) throws Refusal {
    Map<String, String> digests = new LinkedHashMap<>();
    for (String text : new String(manifest.content(), StandardCharsets.UTF_8).split("\r?\n")) {
      if (text.isBlank()) {
        continue;
      }
      Matcher matcher = line.matcher(text);
      if (!matcher.matches()) {
        throw new Refusal(ImageRejection.MANIFEST_MALFORMED, "manifest line not understood: " + abbreviate(text));
      }
      if (digests.put(matcher.group(nameGroup), matcher.group(digestGroup)) != null) {
        throw new Refusal(ImageRejection.MANIFEST_MALFORMED, "manifest names " + matcher.group(nameGroup) + " twice");
      }
    }
    return digests;
  }

  private static void verifyDigests(Map<String, String> digests, Member... covered) throws Refusal {
    if (digests.size() != covered.length) {
      throw new Refusal(ImageRejection.DIGEST_MISSING, "manifest must list exactly the descriptor and the payload");
    }
    for (Member member : covered) {
      String expected = digests.get(member.name());
      if (expected == null) {
        throw new Refusal(ImageRejection.DIGEST_MISSING, "manifest has no digest for " + member.name());
      }
      if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), member.sha256().getBytes(StandardCharsets.US_ASCII))) {
        throw new Refusal(ImageRejection.DIGEST_MISMATCH, member.name() + " has SHA-256 " + member.sha256() + ", manifest says " + expected);
      }
    }
  }

  private static String abbreviate(String text) {
    return text.length() <= 80 ? text : text.substring(0, 80) + "…";
  }
}
