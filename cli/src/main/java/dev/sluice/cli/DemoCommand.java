package dev.sluice.cli;

import dev.sluice.cli.demo.DemoException;
import dev.sluice.cli.demo.DemoOptions;
import dev.sluice.cli.demo.DemoReport;
import dev.sluice.cli.demo.DemoResult;
import dev.sluice.cli.demo.DemoWorkflow;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sluice demo}: the whole workflow end to end on one machine. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "The whole workflow on one machine: central + lake, an integration with a new appliance,"
          + " the image, the appliance booted from it, two emulated Darktrace instances, the lake.",
      "Prints a report and keeps everything running until Ctrl-C (or exits with --exit).",
      "Each run starts from a fresh data directory; the previous run's is kept as <data>.previous."
    })
public final class DemoCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--data", paramLabel = "DIR",
      description = "Where the run keeps everything (default: .sluice/demo in the checkout).")
  Path data;

  @Option(names = "--port", defaultValue = "${env:SLUICE_PORT:-8443}",
      description = "HTTPS port of central + lake (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--alerts", defaultValue = "2000", paramLabel = "N",
      description = "Alerts each emulated Darktrace instance sends (default: ${DEFAULT-VALUE}).")
  int alerts;

  @Option(names = "--rate", defaultValue = "1000", paramLabel = "N",
      description = "Alerts per second per instance (default: ${DEFAULT-VALUE}).")
  int rate;

  @Option(names = "--seed", defaultValue = "1", description = "Generator seed (default: 1).")
  long seed;

  @Option(names = "--exit", description = "Exit after the report instead of staying up.")
  boolean exit;

  @Override
  public Integer call() throws Exception {
    PrintStream out = System.out;
    Path dir = data != null ? data : home().resolve(".sluice").resolve("demo");
    if (!portFree(port)) {
      spec.commandLine().getErr().printf("demo: port %d is in use (is another demo or central"
          + " running? stop it, or pick another port with --port)%n", port);
      return 1;
    }
    freshDirectory(dir);
    String password = System.getenv().getOrDefault("SLUICE_BOOTSTRAP_ADMIN_PASSWORD",
        generatedPassword());
    String email = System.getenv().getOrDefault("SLUICE_BOOTSTRAP_ADMIN_EMAIL",
        "admin@sluice.local");
    DemoOptions options = new DemoOptions(dir, port, "127.0.0.1", "10514-10999", alerts, rate,
        seed, Instant.now().minus(Duration.ofMinutes(10)), email, password, out);
    DemoWorkflow workflow = new DemoWorkflow(options);
    CountDownLatch stopped = new CountDownLatch(1);
    Thread onCtrlC = new Thread(() -> {
      out.println("\ndemo: stopping the appliance and central...");
      workflow.close();
      stopped.countDown();
    });
    Runtime.getRuntime().addShutdownHook(onCtrlC);
    try {
      DemoResult result = workflow.run();
      out.print(DemoReport.format(result));
      out.println("query:   ./sluice query --data " + home().relativize(dir.toAbsolutePath())
          .resolve("central") + " \"SELECT alert_kind, count(*) FROM alerts GROUP BY 1\"");
      out.println("logs:    " + workflow.logs());
      if (exit) {
        return 0;
      }
      out.println("\nEverything keeps running; press Ctrl-C to stop.");
      out.flush();
      stopped.await();
      return 0;
    } catch (DemoException e) {
      spec.commandLine().getErr().println("demo failed: " + e.getMessage());
      spec.commandLine().getErr().println("logs: " + workflow.logs());
      return 1;
    } finally {
      if (stopped.getCount() > 0) {
        try {
          Runtime.getRuntime().removeShutdownHook(onCtrlC);
          workflow.close();
        } catch (IllegalStateException shuttingDown) {
          // The hook closes the workflow.
        }
      }
    }
  }

  private static Path home() {
    String home = System.getProperty("sluice.home");
    return home == null ? Path.of("").toAbsolutePath() : Path.of(home);
  }

  /** Moves a previous run's directory to {@code <dir>.previous} (replacing an older one). */
  static void freshDirectory(Path dir) throws IOException {
    if (Files.exists(dir)) {
      Path previous = dir.resolveSibling(dir.getFileName() + ".previous");
      deleteRecursively(previous);
      Files.move(dir, previous);
    }
    Files.createDirectories(dir);
  }

  private static void deleteRecursively(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(path)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  private static boolean portFree(int port) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static String generatedPassword() {
    String alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    SecureRandom random = new SecureRandom();
    StringBuilder sb = new StringBuilder("demo-");
    for (int i = 0; i < 16; i++) {
      sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return sb.toString();
  }
}
