package dev.sluice.lake.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Which files of one day directory compaction merges, so that it pays for itself:
 *
 * <ul>
 *   <li>a file of at least {@code largeFileBytes} is never rewritten (at a high rate, a second's
 *       WAL segment already gives a file of that size: merging it again would cost as much CPU as
 *       converting it and gain the queries nothing);
 *   <li>small files are merged in runs of consecutive files (WAL order; a compacted file covers a
 *       range of segments, so a run never skips a file), at most {@code maxInputBytes} per run;
 *   <li>a run is merged only if its other files add at least half the size of its largest file,
 *       otherwise the parts either side of that file are considered on their own. Each time an
 *       event is rewritten, the file it ends up in is at least 1.5 times the size of the one it was
 *       in, so a trickle of small files costs each event at most log1.5(largeFileBytes / first
 *       file size) + 1 rewrites, instead of one rewrite of the growing day file per compaction.
 * </ul>
 */
final class CompactionPlan {

  private CompactionPlan() {}

  /** A visible data file, its size, and whether compaction may take it (its segment is converted). */
  record Candidate(LakeFiles.DataFile file, long bytes, boolean settled) {}

  /** The runs to merge, each at least {@code minFiles} consecutive files, in WAL order. */
  static List<List<LakeFiles.DataFile>> runs(List<Candidate> visible, int minFiles, long maxInputBytes,
      long largeFileBytes) {
    List<List<LakeFiles.DataFile>> out = new ArrayList<>();
    List<Candidate> run = new ArrayList<>();
    long runBytes = 0;
    for (Candidate c : visible) {
      boolean small = c.settled() && c.bytes() < largeFileBytes;
      if (small && runBytes + c.bytes() <= maxInputBytes) {
        run.add(c);
        runBytes += c.bytes();
        continue;
      }
      addGrowing(run, minFiles, out);
      run = new ArrayList<>();
      runBytes = 0;
      if (small) {
        run.add(c);
        runBytes = c.bytes();
      }
    }
    addGrowing(run, minFiles, out);
    return out;
  }

  /** Adds {@code run} if merging it grows its largest file by half, else its parts either side of that file. */
  private static void addGrowing(List<Candidate> run, int minFiles, List<List<LakeFiles.DataFile>> out) {
    if (run.size() < minFiles) {
      return;
    }
    int largest = 0;
    long total = 0;
    for (int i = 0; i < run.size(); i++) {
      total += run.get(i).bytes();
      if (run.get(i).bytes() > run.get(largest).bytes()) {
        largest = i;
      }
    }
    long largestBytes = run.get(largest).bytes();
    if (2 * (total - largestBytes) < largestBytes) {
      addGrowing(run.subList(0, largest), minFiles, out);
      addGrowing(run.subList(largest + 1, run.size()), minFiles, out);
      return;
    }
    out.add(run.stream().map(Candidate::file).toList());
  }
}
