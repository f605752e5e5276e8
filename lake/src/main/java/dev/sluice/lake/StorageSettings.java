package dev.sluice.lake;

import java.time.Duration;
import java.util.Objects;

/**
 * Tuning of the lake's background storage work.
 *
 * @param compactionMinFiles fewest small files of a day worth merging into one
 * @param compactionMaxInputBytes most bytes merged into one compacted file
 * @param compactionLargeFileBytes files at least this large are never rewritten by compaction
 * @param coveredFileGrace how long files merged into a compacted file stay for queries still reading them
 * @param writerMemoryLimit DuckDB {@code memory_limit} of the writer instance (e.g. {@code 1GB})
 */
public record StorageSettings(int compactionMinFiles, long compactionMaxInputBytes, long compactionLargeFileBytes,
    Duration coveredFileGrace, String writerMemoryLimit) {

  /**
   * Default of {@link #compactionLargeFileBytes()}: about 50,000 alerts (≈ 87 bytes each), so a
   * one-second WAL segment of one tenant's day is left as it is from about 50,000 events/s on.
   */
  public static final long LARGE_FILE_BYTES = 4L * 1024 * 1024;

  public StorageSettings {
    if (compactionMinFiles < 2) {
      throw new IllegalArgumentException("compactionMinFiles must be at least 2");
    }
    if (compactionMaxInputBytes < 1) {
      throw new IllegalArgumentException("compactionMaxInputBytes must be positive");
    }
    if (compactionLargeFileBytes < 1) {
      throw new IllegalArgumentException("compactionLargeFileBytes must be positive");
    }
    Objects.requireNonNull(coveredFileGrace, "coveredFileGrace");
    Objects.requireNonNull(writerMemoryLimit, "writerMemoryLimit");
  }

  public static StorageSettings defaults() {
    return new StorageSettings(8, 256L * 1024 * 1024, LARGE_FILE_BYTES, Duration.ofMinutes(2), "1GB");
  }
}
