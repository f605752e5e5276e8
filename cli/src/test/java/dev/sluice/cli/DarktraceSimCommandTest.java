package dev.sluice.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.darktracesim.sink.SocketSink;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class DarktraceSimCommandTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = Main.newCommandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  @Test
  void verifyReportsNotSentAndExitsOneWhenNothingListens() throws Exception {
    // A socket bound but never listening holds the port for the whole test, so no other process
    // can start listening on it in between; connecting to it is refused.
    try (Socket reserved = new Socket()) {
      reserved.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      assertEquals(1, run("darktrace-sim", "--verify", "--port", Integer.toString(reserved.getLocalPort())));
    }
    assertTrue(err.toString().startsWith("Alert not sent to tcp://127.0.0.1:"), err.toString());
  }

  @Test
  void verifyReportsOneAlertSentToAListeningServer() throws Exception {
    try (SocketSink sink = SocketSink.start(0)) {
      assertEquals(0, run("darktrace-sim", "--verify", "--port", Integer.toString(sink.port())));
      assertTrue(out.toString().startsWith("1 Alert Sent"), out.toString());
    }
  }

  @Test
  void stdoutPrintsTheCountOfMessagesOnePerLine() {
    assertEquals(0, run("darktrace-sim", "--stdout", "--count", "25", "--seed", "3",
        "--start-time", "2026-11-27T10:00:00Z", "--format", "json", "--full-timestamps"));
    String[] lines = out.toString().split("\n");
    assertEquals(25, lines.length);
    for (String line : lines) {
      assertTrue(line.startsWith("<165>1 2026-11-27T10:0") && line.contains(" darktrace - - - {"),
          line);
    }
  }

  @Test
  void loadModeSendsTheCountAndPrintsTheSummary() throws Exception {
    try (SocketSink sink = SocketSink.start(0)) {
      assertEquals(0, run("darktrace-sim", "--port", Integer.toString(sink.port()), "--rate",
          "max", "--count", "3000", "--instances", "2", "--framing", "octet_counting"));
      assertTrue(out.toString().startsWith("sent 3,000 messages"), out.toString());
      long deadline = System.currentTimeMillis() + 5_000;
      while (sink.frames() < 3_000 && System.currentTimeMillis() < deadline) {
        Thread.sleep(10);
      }
      assertEquals(3_000, sink.frames());
    }
  }

  @Test
  void settingsOutOfRangeAreUsageErrors() {
    assertEquals(2, run("darktrace-sim", "--min-breach-priority", "6", "--count", "1"));
    assertTrue(err.toString().contains("minimum breach priority must be 0-5"), err.toString());
    assertEquals(2, run("darktrace-sim", "--rate", "fast", "--count", "1"));
    assertTrue(err.toString().contains("rate must be 'max'"), err.toString());
  }
}
