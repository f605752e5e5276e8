package dev.sluice.spool;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What {@link Spool#open} found and repaired.
 *
 * @param firstOffset first offset still held (equal to {@code nextOffset} when empty)
 * @param nextOffset offset the next appended record gets
 * @param ackedOffset last offset the lake acknowledged, -1 for none
 * @param truncations each place where valid data ended before the end of a file
 * @param deletedSegments segment files removed because they followed a truncation or were
 *     fully acknowledged
 * @param checkpointProblem why the checkpoint could not be read, or null
 */
public record RecoveryReport(
    long firstOffset,
    long nextOffset,
    long ackedOffset,
    List<Truncation> truncations,
    List<Path> deletedSegments,
    String checkpointProblem) {

  public RecoveryReport {
    truncations = List.copyOf(truncations);
    deletedSegments = List.copyOf(deletedSegments);
  }

  /** True when the spool opened without cutting anything. */
  public boolean clean() {
    return truncations.isEmpty() && checkpointProblem == null;
  }

  /**
   * Valid data in {@code segment} ended at byte {@code position}; {@code bytesRemoved} bytes
   * after it were cut off.
   */
  public record Truncation(Path segment, long position, long bytesRemoved, Corruption reason,
      String detail) {
    public Truncation {
      Objects.requireNonNull(segment, "segment");
      Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String toString() {
      return segment.getFileName() + " at byte " + position + ": " + reason + " (" + detail
          + "), " + bytesRemoved + " bytes removed";
    }
  }
}
