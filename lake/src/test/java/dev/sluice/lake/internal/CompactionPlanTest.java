package dev.sluice.lake.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompactionPlanTest {

  private static final long LARGE = 1_000;

  /** Files w0, w1, … of the given sizes, every segment converted. */
  private static List<CompactionPlan.Candidate> files(long... sizes) {
    List<CompactionPlan.Candidate> out = new ArrayList<>();
    for (int i = 0; i < sizes.length; i++) {
      out.add(new CompactionPlan.Candidate(new LakeFiles.DataFile(Path.of("w" + i), i, i, false), sizes[i], true));
    }
    return out;
  }

  /** The runs as lists of segment numbers. */
  private static List<List<Long>> plan(List<CompactionPlan.Candidate> files, int minFiles, long maxInput) {
    return CompactionPlan.runs(files, minFiles, maxInput, LARGE).stream()
        .map(run -> run.stream().map(LakeFiles.DataFile::lo).toList()).toList();
  }

  @Test
  void smallFilesAreMergedIntoOne() {
    assertEquals(List.of(List.of(0L, 1L, 2L, 3L)), plan(files(10, 20, 10, 30), 2, 1 << 20));
  }

  @Test
  void largeFilesAreLeftAloneAndSplitTheRuns() {
    assertEquals(List.of(List.of(0L, 1L), List.of(3L, 4L, 5L)),
        plan(files(10, 10, LARGE, 10, 10, 10, LARGE + 5), 2, 1 << 20));
  }

  @Test
  void noMergeWhenEveryFileIsLarge() {
    assertEquals(List.of(), plan(files(LARGE, 5 * LARGE, LARGE), 2, 1 << 20));
  }

  @Test
  void fewerSmallFilesThanTheMinimumAreNotMerged() {
    assertEquals(List.of(), plan(files(10, LARGE, 10, 10), 3, 1 << 20));
  }

  @Test
  void aFileIsRewrittenOnlyWhenTheOthersAddHalfItsSize() {
    // a compacted file of 400 bytes and new files of 90 + 100: merging would rewrite 400 bytes
    // to gain 190; the new ones are merged on their own
    assertEquals(List.of(List.of(1L, 2L)), plan(files(400, 90, 100), 2, 1 << 20));
    // once the newer files add up to half its size, it is merged with them
    assertEquals(List.of(List.of(0L, 1L, 2L, 3L)), plan(files(400, 100, 50, 50), 2, 1 << 20));
  }

  @Test
  void twoSmallFilesOfAlmostTheSameSizeAreMerged() {
    assertEquals(List.of(List.of(0L, 1L)), plan(files(101, 100), 2, 1 << 20));
  }

  @Test
  void aLargestFileInTheMiddleSplitsTheRunAroundIt() {
    assertEquals(List.of(List.of(0L, 1L), List.of(3L, 4L)), plan(files(10, 10, 900, 20, 20), 2, 1 << 20));
  }

  @Test
  void filesOfUnconvertedSegmentsAreNotTaken() {
    List<CompactionPlan.Candidate> files = new ArrayList<>(files(10, 10, 10));
    files.set(2, new CompactionPlan.Candidate(files.get(2).file(), 10, false));
    assertEquals(List.of(List.of(0L, 1L)), plan(files, 2, 1 << 20));
  }

  @Test
  void aRunStopsAtTheInputLimit() {
    assertEquals(List.of(List.of(0L, 1L), List.of(2L, 3L)), plan(files(40, 40, 40, 40), 2, 100));
  }

  @Test
  void aTrickleRewritesEachByteOnlyLogarithmicallyOften() {
    // 64 rounds of compaction, each after 4 new files of 10 bytes: every merge grows the largest
    // file by half, so a byte is rewritten at most log1.5(LARGE / 10) + 1 times
    List<CompactionPlan.Candidate> day = new ArrayList<>();
    long rewritten = 0;
    long written = 0;
    long next = 0;
    for (int round = 0; round < 64; round++) {
      for (int i = 0; i < 4; i++, next++) {
        day.add(new CompactionPlan.Candidate(new LakeFiles.DataFile(Path.of("w" + next), next, next, false), 10, true));
        written += 10;
      }
      for (List<LakeFiles.DataFile> run : CompactionPlan.runs(day, 2, 1 << 20, LARGE)) {
        long bytes = day.stream().filter(c -> run.contains(c.file())).mapToLong(CompactionPlan.Candidate::bytes).sum();
        rewritten += bytes;
        int at = day.indexOf(day.stream().filter(c -> c.file().equals(run.get(0))).findFirst().orElseThrow());
        day.removeIf(c -> run.contains(c.file()));
        LakeFiles.DataFile merged = new LakeFiles.DataFile(Path.of("c" + run.get(0).lo()), run.get(0).lo(),
            run.get(run.size() - 1).hi(), true);
        day.add(at, new CompactionPlan.Candidate(merged, bytes, true));
      }
    }
    long maxRewrites = (long) (Math.log((double) LARGE / 10) / Math.log(1.5)) + 1;
    double perByte = (double) rewritten / written;
    assertTrue(perByte <= maxRewrites, () -> "rewrote " + perByte + " × the input");
    assertTrue(day.size() <= 16, () -> day.size() + " files left for the day");
  }
}
