package dev.sluice.lake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.lake.internal.LakeFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compaction on real files: large files stay as they are, runs of small ones become one file each. */
class CompactionTest {

  private static final String TENANT = "t";
  private static final String APPLIANCE = "appl-1";

  @TempDir Path dir;

  private LakeService open(long largeFileBytes) throws Exception {
    return LakeService.start(
        new LakeConfig(dir, Duration.ofHours(1), Duration.ofHours(1), t -> 90, LakeConfig.QueryLimits.defaults()),
        IngestAuthorizer.allowAll(), Clock.fixed(Instant.ofEpochMilli(Alerts.T0), ZoneOffset.UTC),
        new StorageSettings(2, 256L * 1024 * 1024, largeFileBytes, Duration.ofMinutes(2), "256MB"));
  }

  /** One flushed batch of {@code count} events from {@code offset}: one file of one WAL segment. */
  private static void flushedBatch(LakeService lake, long offset, int count) throws Exception {
    IngestOutcome outcome = lake.ingest(new ApplianceIdentity(TENANT, APPLIANCE),
        Alerts.batch("b" + offset, "int-1", Alerts.events(APPLIANCE, offset, count)));
    assertInstanceOf(IngestOutcome.Stored.class, outcome, outcome::toString);
    lake.flush();
  }

  private static List<List<Object>> rows(LakeService lake, String sql) {
    QueryResult result = lake.query(TENANT, new QueryRequest(sql, null, null));
    return assertInstanceOf(QueryResult.Succeeded.class, result, result::toString).rows();
  }

  @Test
  void largeFilesAreLeftAloneAndSmallOnesAreMerged() throws Exception {
    // files of 300, 5, 5, 300, 5, 5, 5 events (one day)
    int[] sizes = {300, 5, 5, 300, 5, 5, 5};
    try (LakeService lake = open(Long.MAX_VALUE)) {
      long offset = 0;
      for (int n : sizes) {
        flushedBatch(lake, offset, n);
        offset += n;
      }
    }
    LakeFiles files = new LakeFiles(dir);
    LocalDate day = files.days(TENANT).get(0);
    Path dayDir = files.dayDir(TENANT, day);
    List<LakeFiles.DataFile> written = files.visibleFiles(dayDir);
    assertEquals(sizes.length, written.size());
    long large = Math.min(Files.size(written.get(0).path()), Files.size(written.get(3).path()));
    long largestSmall = 0;
    for (int i : new int[] {1, 2, 4, 5, 6}) {
      largestSmall = Math.max(largestSmall, Files.size(written.get(i).path()));
    }
    assertTrue(largestSmall < large, () -> "a file of 5 events must be smaller than one of 300");

    try (LakeService lake = open(large)) {
      List<List<Object>> before = rows(lake, "SELECT event_id, title, device_ip FROM alerts ORDER BY event_id");
      assertEquals(5, lake.compact());
      List<LakeFiles.DataFile> visible = files.visibleFiles(dayDir);
      assertEquals(List.of(written.get(0).path(), LakeFiles.compactedFileName(written.get(1).lo(), written.get(2).hi()),
              written.get(3).path(), LakeFiles.compactedFileName(written.get(4).lo(), written.get(6).hi())),
          visible.stream().map(f -> f.compacted() ? (Object) f.path().getFileName().toString() : f.path()).toList());
      assertEquals(before, rows(lake, "SELECT event_id, title, device_ip FROM alerts ORDER BY event_id"));
      assertEquals(List.of(List.of(625L, 625L)), rows(lake, "SELECT count(*), count(DISTINCT event_id) FROM alerts"));
      // nothing left worth merging: a second compaction rewrites nothing
      assertEquals(0, lake.compact());
    }
  }
}
