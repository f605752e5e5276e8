package dev.sluice.pki;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.Supplier;

/** An identity kept on disk as two PEM files: the private key (owner-only) and the chain. */
public final class IdentityFiles {
  private IdentityFiles() {}

  /** Reads the identity if both files exist; otherwise creates one, writes it and returns it. */
  public static Identity loadOrCreate(Path privateKeyFile, Path chainFile, Supplier<Identity> create) {
    if (Files.exists(privateKeyFile) && Files.exists(chainFile)) {
      return read(privateKeyFile, chainFile);
    }
    Identity identity = create.get();
    write(identity, privateKeyFile, chainFile);
    return identity;
  }

  public static Identity read(Path privateKeyFile, Path chainFile) {
    try {
      return Identity.fromPem(Files.readString(privateKeyFile), Files.readString(chainFile));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read identity from " + privateKeyFile + " and " + chainFile, e);
    }
  }

  public static void write(Identity identity, Path privateKeyFile, Path chainFile) {
    try {
      Path parent = privateKeyFile.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Files.createDirectories(chainFile.toAbsolutePath().getParent());
      Path temporary = Files.createTempFile(parent, ".key", ".tmp");
      if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
        Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
      }
      Files.writeString(temporary, identity.privateKeyPem());
      Files.move(temporary, privateKeyFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      Files.writeString(chainFile, identity.certificateChainPem());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write identity to " + privateKeyFile, e);
    }
  }
}
