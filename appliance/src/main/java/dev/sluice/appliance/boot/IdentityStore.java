package dev.sluice.appliance.boot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.pki.Identity;
import dev.sluice.pki.Pem;
import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The enrolled identity in the data directory, written all at once or not at all.
 *
 * <pre>
 * DIR/identity/appliance.json   {"applianceId","tenantId","centralUrl","syslogAddress"}
 * DIR/identity/central.pem      central's certificate, pinned
 * DIR/identity/appliance.key    the private key (PKCS#8 PEM, owner-only)
 * DIR/identity/appliance.pem    the client certificate chain (leaf, then the tenant CA)
 * </pre>
 *
 * The files are written to {@code identity.tmp} first, fsync'd, and the directory is renamed to
 * {@code identity} in one step, so a crash during enrollment leaves either nothing or a
 * complete identity.
 */
public final class IdentityStore {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Path dir;

  public IdentityStore(Path dataDir) {
    this.dir = dataDir.resolve("identity");
  }

  public Path directory() {
    return dir;
  }

  public boolean exists() {
    return Files.isRegularFile(dir.resolve("appliance.json"));
  }

  public Optional<ApplianceIdentity> load() throws IOException {
    if (!exists()) {
      return Optional.empty();
    }
    JsonNode meta = JSON.readTree(dir.resolve("appliance.json").toFile());
    Identity identity = Identity.fromPem(
        Files.readString(dir.resolve("appliance.key"), StandardCharsets.US_ASCII),
        Files.readString(dir.resolve("appliance.pem"), StandardCharsets.US_ASCII));
    return Optional.of(new ApplianceIdentity(
        meta.path("applianceId").asText(),
        meta.path("tenantId").asText(),
        URI.create(meta.path("centralUrl").asText()),
        Pem.readCertificate(Files.readString(dir.resolve("central.pem"),
            StandardCharsets.US_ASCII)),
        meta.path("syslogAddress").asText(),
        identity));
  }

  public void save(ApplianceIdentity id) throws IOException {
    Path parent = dir.getParent();
    Files.createDirectories(parent);
    Path tmp = parent.resolve("identity.tmp");
    deleteRecursively(tmp);
    Files.createDirectory(tmp);
    try {
      ObjectNode meta = JSON.createObjectNode()
          .put("applianceId", id.applianceId())
          .put("tenantId", id.tenantId())
          .put("centralUrl", id.centralUrl().toString())
          .put("syslogAddress", id.syslogAddress());
      write(tmp.resolve("appliance.json"), JSON.writerWithDefaultPrettyPrinter()
          .writeValueAsBytes(meta));
      write(tmp.resolve("central.pem"), Pem.encode(id.centralCertificate())
          .getBytes(StandardCharsets.US_ASCII));
      Path key = tmp.resolve("appliance.key");
      Files.createFile(key);
      try {
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // not a POSIX file system; the data directory's own permissions apply
      }
      write(key, id.identity().privateKeyPem().getBytes(StandardCharsets.US_ASCII));
      write(tmp.resolve("appliance.pem"), id.identity().certificateChainPem()
          .getBytes(StandardCharsets.US_ASCII));
      fsync(tmp);
      try {
        Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, dir);
      }
      fsync(parent);
    } catch (IOException | RuntimeException e) {
      deleteRecursively(tmp);
      throw e;
    }
  }

  /** Removes a half-written identity left by a crash during enrollment. */
  public void discardIncomplete() throws IOException {
    deleteRecursively(dir.getParent().resolve("identity.tmp"));
  }

  private static void write(Path file, byte[] bytes) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE,
        StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
      java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(bytes);
      while (b.hasRemaining()) {
        ch.write(b);
      }
      ch.force(true);
    }
  }

  private static void fsync(Path directory) throws IOException {
    try (FileChannel ch = FileChannel.open(directory, StandardOpenOption.READ)) {
      ch.force(true);
    }
  }

  static void deleteRecursively(Path p) throws IOException {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> s = Files.walk(p)) {
      for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(q);
      }
    }
  }
}
