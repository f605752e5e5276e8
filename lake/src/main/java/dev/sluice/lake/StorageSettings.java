package dev.sluice.lake;

import java.time.Duration;
import java.util.Objects;

/**
 * Tuning of the lake's background storage work.
 *
 * @param compactionMinFiles fewest small files of a day worth merging into one
 * @param compactionMaxInputBytes most bytes merged into one compacted file
 * @param coveredFileGrace how long files merged into a compacted file stay for queries still reading them
 * @param writerMemoryLimit DuckDB {@code memory_limit} of the writer instance (e.g. {@code 1GB})
 */
public record StorageSettings(int compactionMinFiles, long compactionMaxInputBytes, Duration coveredFileGrace,
    String writerMemoryLimit) {

  public StorageSettings {
    if (compactionMinFiles < 2) {
      throw new IllegalArgumentException("compactionMinFiles must be at least 2");
    }
    if (compactionMaxInputBytes < 1) {
      throw new IllegalArgumentException("compactionMaxInputBytes must be positive");
    }
    Objects.requireNonNull(coveredFileGrace, "coveredFileGrace");
    Objects.requireNonNull(writerMemoryLimit, "writerMemoryLimit");
  }

  public static StorageSettings defaults() {
    return new StorageSettings(8, 256L * 1024 * 1024, Duration.ofMinutes(2), "1GB");
  }
}
