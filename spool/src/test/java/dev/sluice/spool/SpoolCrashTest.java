package dev.sluice.spool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpoolCrashTest {
  @TempDir Path dir;

  /** Starts the writer, lets it report at least {@code minDurable} records, then SIGKILLs it. */
  private long runAndKill(long minDurable) throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        SpoolWriterProcess.class.getName(), dir.toString())
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    long durable = -1;
    try (BufferedReader out = new BufferedReader(
        new InputStreamReader(p.getInputStream(), StandardCharsets.US_ASCII))) {
      String line;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while ((line = out.readLine()) != null && System.nanoTime() < deadline) {
        if (line.startsWith("durable ")) {
          durable = Long.parseLong(line.substring(8));
          if (durable >= minDurable) {
            break;
          }
        }
      }
      // SIGKILL while it is still appending: no shutdown hook, no close.
      p.destroyForcibly();
      assertTrue(p.waitFor(30, TimeUnit.SECONDS));
      assertEquals(137, p.exitValue(), "killed by SIGKILL");
    }
    return durable;
  }

  @Test
  void everyRecordReportedDurableSurvivesSigkillMidWrite() throws Exception {
    long durable1 = runAndKill(20_000);
    long durable2;
    try (Spool spool = Spool.open(dir, Records.small(64L << 20))) {
      List<SpoolRecord> all = Records.readAll(spool, 0);
      assertTrue(all.size() >= durable1, all.size() + " records, " + durable1 + " were durable");
      Records.assertConsecutive(all, 0);
    }
    // A second kill after recovery: offsets continue and nothing durable is lost.
    durable2 = runAndKill(durable1 + 20_000);
    try (Spool spool = Spool.open(dir, Records.small(64L << 20))) {
      List<SpoolRecord> all = Records.readAll(spool, 0);
      assertTrue(all.size() >= durable2, all.size() + " records, " + durable2 + " were durable");
      Records.assertConsecutive(all, 0);
    }
  }
}
