package dev.sluice.appliance;

import static dev.sluice.appliance.testing.Senders.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sluice.appliance.boot.ApplianceBoot;
import dev.sluice.appliance.forward.ForwarderConfig;
import dev.sluice.appliance.receive.DarktraceFrameProcessor;
import dev.sluice.appliance.testing.FakeCentral;
import dev.sluice.appliance.testing.RealLake;
import dev.sluice.appliance.testing.Senders;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real third-party senders (util-linux {@code logger -T}, rsyslog's {@code omfwd} with
 * octet-counted framing) into the appliance, and from there into the real lake: each message
 * arrives exactly once.
 */
class ThirdPartySendersTest {
  @TempDir Path tmp;
  private FakeCentral central;
  private RealLake lake;
  private Appliance appliance;
  private int port;
  private final List<String> cef = Senders.darktraceSamples().stream()
      .map(m -> m.substring(m.indexOf("CEF:"))).limit(100).toList();

  @BeforeEach
  void start() throws Exception {
    central = new FakeCentral();
    lake = new RealLake(tmp.resolve("lake"), central.caCertificate());
    central.setIngest(lake.url(), lake.certificatePem());
    port = Senders.freePort();
    central.setIntegrations(List.of(FakeCentral.integration("int-1", port)));
    ApplianceBoot.Result r = ApplianceBoot.boot(
        Optional.of(central.image(tmp, Instant.now().plusSeconds(3600))), tmp.resolve("data"),
        Appliance.Options.defaults().withMetricsPort(0).withForwarder(new ForwarderConfig(1000,
            4 << 20, Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofSeconds(1))),
        DarktraceFrameProcessor::new, Clock.systemUTC(),
        new PrintStream(new ByteArrayOutputStream()));
    appliance = ((ApplianceBoot.Result.Started) r).appliance();
  }

  @AfterEach
  void stop() throws IOException {
    appliance.close();
    lake.close();
    central.close();
  }

  private static int run(Path log, String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("timed out: " + String.join(" ", command));
    }
    return p.exitValue();
  }

  private long[] lakeCounts() {
    try {
      return lake.counts(FakeCentral.TENANT_ID, "integration_id = 'int-1'");
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void messagesFromLoggerOverTcpLandInTheLakeExactlyOnce() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/logger")), "util-linux logger");
    Path file = tmp.resolve("messages.txt");
    Files.write(file, cef);
    assertEquals(0, run(tmp.resolve("logger.log"), "logger", "-T", "-n", "127.0.0.1", "-P",
        String.valueOf(port), "--octet-count", "--size", "65536", "-t", "darktrace", "-f",
        file.toString()), () -> read(tmp.resolve("logger.log")));
    await(() -> lakeCounts()[0] >= cef.size(), 60, "logger's messages in the lake");
    Senders.holds(() -> lakeCounts()[0] == cef.size(), Duration.ofMillis(1500), "no duplicates arrive later");
    assertArrayEquals(new long[] {cef.size(), cef.size()}, lakeCounts());
  }

  @Test
  void messagesRelayedByRsyslogOmfwdOctetCountedLandInTheLakeExactlyOnce() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/sbin/rsyslogd")), "rsyslog");
    int relayPort = Senders.freePort();
    Path work = Files.createDirectories(tmp.resolve("rsyslog"));
    Path conf = work.resolve("rsyslog.conf");
    Files.writeString(conf, String.join("\n",
        "global(workDirectory=\"" + work + "\" maxMessageSize=\"64k\")",
        "module(load=\"imtcp\")",
        "input(type=\"imtcp\" address=\"127.0.0.1\" port=\"" + relayPort + "\" ruleset=\"relay\")",
        "ruleset(name=\"relay\") { action(type=\"omfwd\" target=\"127.0.0.1\" port=\"" + port
            + "\" protocol=\"tcp\" TCP_Framing=\"octet-counted\""
            + " template=\"RSYSLOG_SyslogProtocol23Format\") }", ""));
    Process rsyslog = new ProcessBuilder("rsyslogd", "-n", "-f", conf.toString(), "-i",
        work.resolve("rsyslog.pid").toString()).redirectErrorStream(true)
        .redirectOutput(work.resolve("out.log").toFile()).start();
    try {
      await(() -> listening(relayPort), 30, "rsyslog listening");
      Path file = tmp.resolve("messages.txt");
      Files.write(file, cef);
      assertEquals(0, run(tmp.resolve("logger.log"), "logger", "-T", "-n", "127.0.0.1", "-P",
          String.valueOf(relayPort), "--octet-count", "--size", "65536", "-t", "darktrace",
          "-f", file.toString()), () -> read(tmp.resolve("logger.log")));
      await(() -> lakeCounts()[0] >= cef.size(), 60, "relayed messages in the lake");
      Senders.holds(() -> lakeCounts()[0] == cef.size(), Duration.ofMillis(1500), "no duplicates arrive later");
      assertArrayEquals(new long[] {cef.size(), cef.size()}, lakeCounts());
    } finally {
      rsyslog.destroy();
      rsyslog.waitFor(10, TimeUnit.SECONDS);
      rsyslog.destroyForcibly();
    }
  }

  private static boolean listening(int port) {
    try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      return "";
    }
  }
}
