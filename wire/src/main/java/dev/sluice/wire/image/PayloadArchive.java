package dev.sluice.wire.image;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.LongConsumer;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * The appliance disk payload: a POSIX tar of the appliance software, laid out as
 *
 * <pre>
 * sluice/VERSION                 the software version
 * sluice/bin/sluice-appliance    start script: java -cp "lib/*" dev.sluice.cli.Main appliance "$@"
 * sluice/lib/*.jar               the runtime class path
 * </pre>
 *
 * Its format URI in the OVF descriptor is {@link OvfDescriptor#DISK_FORMAT}.
 */
public final class PayloadArchive {
  /** One file of the payload. */
  public record Entry(String path, Path source, byte[] content, boolean executable) {
    public Entry {
      Objects.requireNonNull(path, "path");
      if (path.startsWith("/") || path.contains("..") || path.contains("\\")) {
        throw new IllegalArgumentException("payload path must be relative and plain: " + path);
      }
      if ((source == null) == (content == null)) {
        throw new IllegalArgumentException("exactly one of source and content");
      }
      content = content == null ? null : content.clone();
    }

    public static Entry file(String path, Path source) {
      return new Entry(path, source, null, false);
    }

    public static Entry text(String path, String text, boolean executable) {
      return new Entry(path, null, text.getBytes(StandardCharsets.UTF_8), executable);
    }
  }

  private static final long MAX_EXTRACTED_BYTES = 4L << 30;

  private PayloadArchive() {}

  /** The standard payload: VERSION, the start script and the given jars under {@code sluice/lib/}. */
  public static List<Entry> applianceSoftware(String version, List<Path> jars) {
    List<Entry> entries = new ArrayList<>();
    entries.add(Entry.text("sluice/VERSION", version + "\n", false));
    entries.add(Entry.text("sluice/bin/sluice-appliance",
        "#!/bin/sh\n"
            + "# Starts the Sluice appliance from this payload.\n"
            + "HERE=\"$(cd \"$(dirname \"$0\")/..\" && pwd)\"\n"
            + "exec java ${SLUICE_JAVA_OPTS:-} -cp \"$HERE/lib/*\" dev.sluice.cli.Main appliance \"$@\"\n",
        true));
    for (Path jar : jars) {
      entries.add(Entry.file("sluice/lib/" + jar.getFileName(), jar));
    }
    return entries;
  }

  /** Writes the entries as a tar file. */
  public static void write(List<Entry> entries, Path target) throws IOException {
    write(entries, target, bytes -> { });
  }

  /** Writes the entries as a tar file, telling {@code bytesRead} each chunk read from a source file. */
  public static void write(List<Entry> entries, Path target, LongConsumer bytesRead) throws IOException {
    try (OutputStream file = Files.newOutputStream(target);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(file)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      for (Entry entry : entries) {
        TarArchiveEntry header = new TarArchiveEntry(entry.path());
        header.setMode(entry.executable() ? 0755 : 0644);
        if (entry.source() != null) {
          header.setSize(Files.size(entry.source()));
          tar.putArchiveEntry(header);
          ApplianceImageWriter.copy(entry.source(), tar, bytesRead);
        } else {
          header.setSize(entry.content().length);
          tar.putArchiveEntry(header);
          tar.write(entry.content());
        }
        tar.closeArchiveEntry();
      }
      tar.finish();
    }
  }

  /** Extracts a payload tar stream into {@code directory}; returns the files written. */
  public static List<Path> extract(InputStream payload, Path directory) throws IOException {
    List<Path> written = new ArrayList<>();
    Path root = directory.toAbsolutePath().normalize();
    long total = 0;
    TarArchiveInputStream tar = new TarArchiveInputStream(payload);
    for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
      Path target = root.resolve(entry.getName()).normalize();
      if (!target.startsWith(root)) {
        throw new IOException("payload entry escapes the target directory: " + entry.getName());
      }
      if (entry.isDirectory()) {
        Files.createDirectories(target);
        continue;
      }
      if (!entry.isFile()) {
        continue;
      }
      total += entry.getSize();
      if (total > MAX_EXTRACTED_BYTES) {
        throw new IOException("payload larger than " + MAX_EXTRACTED_BYTES + " bytes");
      }
      Files.createDirectories(target.getParent());
      Files.copy(tar, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      if ((entry.getMode() & 0100) != 0) {
        target.toFile().setExecutable(true);
      }
      written.add(target);
    }
    return written;
  }
}
