package dev.sluice.appliance;

import static dev.sluice.appliance.testing.Senders.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.appliance.boot.ApplianceBoot;
import dev.sluice.appliance.receive.DarktraceFrameProcessor;
import dev.sluice.appliance.testing.ApplianceProcess;
import dev.sluice.appliance.testing.FakeCentral;
import dev.sluice.appliance.testing.Senders;
import dev.sluice.spool.Spool;
import dev.sluice.spool.SpoolConfig;
import dev.sluice.wire.ingest.IngestEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SIGKILL the appliance process under load; every accepted event reaches the lake once. */
class ApplianceCrashTest {
  @TempDir Path tmp;
  private static final Pattern SEQ = Pattern.compile("externalId=seq-(\\d+) ");

  /** Keeps sending numbered messages until told to stop or the connection breaks. */
  private static void sendUntilBroken(int port, AtomicInteger next, int limit) {
    List<String> samples = Senders.darktraceSamples().stream()
        .filter(m -> m.matches(".*externalId=\\d+ .*")).toList();
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
      OutputStream out = s.getOutputStream();
      while (next.get() < limit) {
        int n = next.getAndIncrement();
        String m = samples.get(n % samples.size()).replaceFirst("externalId=\\d+ ",
            "externalId=seq-" + n + " ");
        out.write((m + "\n").getBytes(StandardCharsets.UTF_8));
      }
      out.flush();
    } catch (IOException e) {
      // the appliance was killed: the rest is sent after the restart
    }
  }

  private static double depth(Path log) {
    try {
      return ApplianceProcess.metric(log, "sluice_appliance_spool_depth_events");
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void everyAcceptedEventReachesTheLakeExactlyOnceAcrossSigkill() throws Exception {
    int port = Senders.freePort();
    try (FakeCentral central = new FakeCentral()) {
      central.setIntegrations(List.of(FakeCentral.integration("int-1", port)));
      Path data = tmp.resolve("data");
      ApplianceBoot.Result r = ApplianceBoot.boot(
          Optional.of(central.image(tmp, Instant.now().plusSeconds(3600))), data,
          Appliance.Options.defaults().withMetricsPort(0), DarktraceFrameProcessor::new,
          Clock.systemUTC(), new PrintStream(new ByteArrayOutputStream()));
      ((ApplianceBoot.Result.Started) r).appliance().close();

      AtomicInteger next = new AtomicInteger();
      Process first = ApplianceProcess.start(data, tmp.resolve("first.log"));
      Thread sender = new Thread(() -> sendUntilBroken(port, next, 200_000));
      sender.start();
      await(() -> central.lake.size() > 1000, 120, "events flowing into the lake");
      first.destroyForcibly();
      assertTrue(first.waitFor(30, TimeUnit.SECONDS));
      sender.join(30_000);
      int sentBeforeKill = next.get();
      int inLakeAtKill = central.lake.size();

      Process second = ApplianceProcess.start(data, tmp.resolve("second.log"));
      try {
        int total = sentBeforeKill + 1500;
        sendUntilBroken(port, next, total);
        long spooled;
        // Everything the restarted appliance spooled (it recovered the first one's spool).
        try {
          Path log = tmp.resolve("second.log");
          await(() -> central.lake.size() >= inLakeAtKill + 1500, 120, "the rest in the lake");
          await(() -> depth(log) == 0, 120, "the spool drained");
        } finally {
          second.destroy();
          second.waitFor(30, TimeUnit.SECONDS);
        }
        try (Spool spool = Spool.open(data.resolve("spool"), SpoolConfig.defaults())) {
          spooled = spool.recovery().nextOffset();
        }
        assertEquals(spooled, central.lake.size(), "every spooled offset is in the lake");
        Set<Integer> seen = new HashSet<>();
        for (long o = 0; o < spooled; o++) {
          IngestEvent e = central.lake.get(FakeCentral.APPLIANCE_ID + ":" + o);
          assertTrue(e != null, "offset " + o + " missing");
          Matcher m = SEQ.matcher(e.ocsf().toString());
          assertTrue(m.find(), "numbered message");
          assertTrue(seen.add(Integer.parseInt(m.group(1))), "message " + m.group(1) + " twice");
        }
        assertTrue(seen.size() >= inLakeAtKill + 1500);
      } finally {
        second.destroyForcibly();
      }
    }
  }
}
