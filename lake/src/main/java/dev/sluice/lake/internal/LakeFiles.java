package dev.sluice.lake.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The lake's directory layout and which Parquet files are visible.
 *
 * <pre>
 * lake/wal/&lt;seq&gt;.wal                                   accepted, not yet converted
 * lake/state/event-ids.snapshot                          ids held (see EventIdIndex)
 * lake/tmp/                                              files being written (never read)
 * lake/alerts/tenant=&lt;t&gt;/day=&lt;yyyy-mm-dd&gt;/w&lt;seq&gt;_&lt;i&gt;.parquet  from WAL segment seq
 * lake/alerts/tenant=&lt;t&gt;/day=&lt;yyyy-mm-dd&gt;/c&lt;lo&gt;-&lt;hi&gt;.parquet   compaction of segments lo..hi
 * </pre>
 *
 * Files appear only by atomic rename, so a reader never sees a partial file. A compacted file
 * covers every file of its directory whose segments lie within {@code [lo, hi]}; covered files
 * are invisible from the moment the compacted file exists and are deleted later.
 */
public final class LakeFiles {

  private static final Pattern WAL_FILE = Pattern.compile("w(\\d{20})_(\\d+)\\.parquet");
  private static final Pattern COMPACTED_FILE = Pattern.compile("c(\\d{20})-(\\d{20})\\.parquet");
  private static final Pattern DAY_DIR = Pattern.compile("day=(\\d{4}-\\d{2}-\\d{2})");

  private final Path root;

  public LakeFiles(Path root) {
    this.root = root;
  }

  public Path root() {
    return root;
  }

  public Path wal() {
    return root.resolve("wal");
  }

  public Path idSnapshot() {
    return root.resolve("state").resolve("event-ids.snapshot");
  }

  public Path tmp() {
    return root.resolve("tmp");
  }

  public Path alerts() {
    return root.resolve("alerts");
  }

  public Path tenantDir(String tenant) {
    return alerts().resolve("tenant=" + tenant);
  }

  public Path dayDir(String tenant, LocalDate day) {
    return tenantDir(tenant).resolve("day=" + day);
  }

  public static String walFileName(long seq, int index) {
    return String.format("w%020d_%d.parquet", seq, index);
  }

  public static String compactedFileName(long lo, long hi) {
    return String.format("c%020d-%020d.parquet", lo, hi);
  }

  /** A data file and the WAL segments it holds. */
  public record DataFile(Path path, long lo, long hi, boolean compacted) {
    boolean covers(DataFile other) {
      return compacted && !equals(other) && lo <= other.lo && other.hi <= hi;
    }
  }

  static Optional<DataFile> parse(Path path) {
    String name = path.getFileName().toString();
    Matcher w = WAL_FILE.matcher(name);
    if (w.matches()) {
      long seq = Long.parseLong(w.group(1));
      return Optional.of(new DataFile(path, seq, seq, false));
    }
    Matcher c = COMPACTED_FILE.matcher(name);
    if (c.matches()) {
      return Optional.of(new DataFile(path, Long.parseLong(c.group(1)), Long.parseLong(c.group(2)), true));
    }
    return Optional.empty();
  }

  /** Tenants that have a directory. */
  public List<String> tenants() throws IOException {
    return listDirs(alerts(), "tenant=").stream()
        .map(p -> p.getFileName().toString().substring("tenant=".length())).sorted().toList();
  }

  /** The day directories of a tenant, oldest first. */
  public List<LocalDate> days(String tenant) throws IOException {
    List<LocalDate> out = new ArrayList<>();
    for (Path dir : listDirs(tenantDir(tenant), "day=")) {
      Matcher m = DAY_DIR.matcher(dir.getFileName().toString());
      if (m.matches()) {
        out.add(LocalDate.parse(m.group(1)));
      }
    }
    out.sort(null);
    return out;
  }

  /** All data files of one day directory (visible or covered). */
  public List<DataFile> allFiles(Path dayDir) throws IOException {
    if (!Files.isDirectory(dayDir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dayDir)) {
      return files.map(LakeFiles::parse).flatMap(Optional::stream)
          .sorted(Comparator.comparingLong(DataFile::lo).thenComparingLong(DataFile::hi)).toList();
    }
  }

  /** The files of a day directory that queries read. */
  public List<DataFile> visibleFiles(Path dayDir) throws IOException {
    List<DataFile> all = allFiles(dayDir);
    return all.stream().filter(f -> all.stream().noneMatch(c -> c.covers(f))).toList();
  }

  /** Files hidden by a compacted file, safe to delete once no query reads them. */
  public List<DataFile> coveredFiles(Path dayDir) throws IOException {
    List<DataFile> all = allFiles(dayDir);
    return all.stream().filter(f -> all.stream().anyMatch(c -> c.covers(f))).toList();
  }

  /** Visible files of a tenant for days in {@code [from, to]} (either may be null: open). */
  public List<Path> visibleFiles(String tenant, LocalDate from, LocalDate to) throws IOException {
    List<Path> out = new ArrayList<>();
    for (LocalDate day : days(tenant)) {
      if ((from == null || !day.isBefore(from)) && (to == null || !day.isAfter(to))) {
        for (DataFile file : visibleFiles(dayDir(tenant, day))) {
          out.add(file.path());
        }
      }
    }
    return out;
  }

  private static List<Path> listDirs(Path parent, String prefix) throws IOException {
    if (!Files.isDirectory(parent)) {
      return List.of();
    }
    try (Stream<Path> dirs = Files.list(parent)) {
      return dirs.filter(Files::isDirectory).filter(p -> p.getFileName().toString().startsWith(prefix)).toList();
    }
  }
}
