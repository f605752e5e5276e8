package dev.sluice.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DemoCommandTest {

  @TempDir Path temp;

  @Test
  void aSecondRunStartsFreshAndKeepsThePreviousRunAside() throws Exception {
    Path demo = temp.resolve("demo");
    DemoCommand.freshDirectory(demo);
    Files.writeString(demo.resolve("first.txt"), "first run");
    DemoCommand.freshDirectory(demo);
    Files.writeString(demo.resolve("second.txt"), "second run");
    DemoCommand.freshDirectory(demo);
    assertTrue(Files.isDirectory(demo));
    try (var files = Files.list(demo)) {
      assertEquals(0, files.count(), "the new run's directory is empty");
    }
    assertTrue(Files.exists(temp.resolve("demo.previous").resolve("second.txt")));
    assertFalse(Files.exists(temp.resolve("demo.previous").resolve("first.txt")),
        "only the last run is kept");
  }

  @Test
  void refusesToStartWhenThePortIsTaken() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      StringWriter err = new StringWriter();
      CommandLine cli = Main.newCommandLine();
      cli.setErr(new PrintWriter(err, true));
      int code = cli.execute("demo", "--exit", "--data", temp.resolve("d").toString(), "--port",
          Integer.toString(taken.getLocalPort()));
      assertEquals(1, code);
      assertTrue(err.toString().contains("is in use"), err.toString());
      assertFalse(Files.exists(temp.resolve("d")), "nothing was touched");
    }
  }
}
