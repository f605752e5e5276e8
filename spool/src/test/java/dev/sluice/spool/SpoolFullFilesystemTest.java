package dev.sluice.spool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real, small filesystem (tmpfs of 512 KiB) that runs out of space under the spool. */
class SpoolFullFilesystemTest {
  @TempDir Path parent;
  private Path mount;
  private boolean mounted;

  private static boolean run(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
  }

  @BeforeEach
  void mountSmallFilesystem() throws Exception {
    mount = Files.createDirectory(parent.resolve("small"));
    mounted = run("mount", "-t", "tmpfs", "-o", "size=512k", "tmpfs", mount.toString());
    assumeTrue(mounted, "needs root to mount a small tmpfs");
  }

  @AfterEach
  void unmount() throws Exception {
    if (mounted) {
      run("umount", "-l", mount.toString());
    }
  }

  @Test
  void fullFilesystemBlocksAppendsUntilAcknowledgedSegmentsAreDeleted() throws Exception {
    Path dir = mount.resolve("spool");
    long offset = 0;
    try (Spool spool = Spool.open(dir, Records.small(64L << 20))) {
      // The writer retries a failed write with backoff, and a retry may succeed once the partial
      // write is rolled back, so the blocked state is judged on one snapshot, not on two reads.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      SpoolStats full = spool.stats();
      while (full.blocked() != SpoolStats.Blocked.WRITE_ERROR && System.nanoTime() < deadline) {
        spool.append(Records.forOffset(offset++));
        if (!spool.isWritable()) {
          Thread.sleep(1);
        }
        full = spool.stats();
      }
      assertEquals(SpoolStats.Blocked.WRITE_ERROR, full.blocked(), "the filesystem never filled: " + full);
      assertTrue(full.writeErrors() > 0, full.toString());
      assertFalse(full.writable(), full.toString());

      // Consume and acknowledge; deleted segments give the space back and the rest lands.
      SpoolReader reader = spool.reader(0);
      long read = 0;
      while (read < offset) {
        List<SpoolRecord> got = reader.poll(1000, Long.MAX_VALUE, Duration.ofSeconds(10));
        assertFalse(got.isEmpty(), "stuck at " + read + ": " + spool.stats());
        Records.assertConsecutive(got, read);
        read += got.size();
        spool.ack(got.get(got.size() - 1).offset());
      }
      assertTrue(spool.awaitWritable(Duration.ofSeconds(10)));
    }
    try (Spool spool = Spool.open(dir, Records.small(64L << 20))) {
      assertTrue(spool.recovery().clean(), spool.recovery().toString());
      assertEquals(offset, spool.recovery().nextOffset());
    }
  }
}
