package dev.sluice.appliance.testing;

import dev.sluice.appliance.Appliance;
import dev.sluice.appliance.boot.ApplianceBoot;
import dev.sluice.appliance.forward.ForwarderConfig;
import dev.sluice.appliance.receive.DarktraceFrameProcessor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The appliance as a child process for tests that kill it: {@code ApplianceProcess DATA_DIR}
 * starts from the enrolled identity in DATA_DIR, prints {@code ready} and runs until killed.
 */
public final class ApplianceProcess {
  private ApplianceProcess() {}

  public static void main(String[] args) throws Exception {
    Appliance.Options options = Appliance.Options.defaults().withMetricsPort(0)
        .withForwarder(new ForwarderConfig(2000, 4 << 20, Duration.ofMillis(50),
            Duration.ofMillis(100), Duration.ofMillis(500)));
    ApplianceBoot.Result r = ApplianceBoot.boot(Optional.empty(), Path.of(args[0]), options,
        DarktraceFrameProcessor::new, Clock.systemUTC(), System.out);
    if (r instanceof ApplianceBoot.Result.Failed f) {
      System.out.println("failed " + f.code() + " " + f.message());
      System.exit(2);
    }
    Appliance a = ((ApplianceBoot.Result.Started) r).appliance();
    System.out.println("ready metrics=" + a.metricsPort() + " ");
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }

  /** The value of an unlabelled metric on the process's metrics port (as logged). */
  public static double metric(Path log, String name) throws Exception {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("ready metrics=(\\d+) ")
        .matcher(Files.readString(log));
    if (!m.find()) {
      throw new AssertionError("no metrics port in " + log);
    }
    java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
        java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + m.group(1)
            + "/metrics")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    for (String line : response.body().split("\n")) {
      if (line.startsWith(name + " ")) {
        return Double.parseDouble(line.substring(name.length() + 1).trim());
      }
    }
    throw new AssertionError("no metric " + name);
  }

  /** Starts {@link #main} in a new JVM with this JVM's class path. */
  public static Process start(Path dataDir, Path log) throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    Process p = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
        ApplianceProcess.class.getName(), dataDir.toString())
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    long deadline = System.nanoTime() + 120_000_000_000L;
    while (System.nanoTime() < deadline) {
      String out = Files.exists(log) ? Files.readString(log) : "";
      if (out.contains("ready")) {
        return p;
      }
      if (out.contains("failed") || !p.isAlive()) {
        p.destroyForcibly();
        throw new AssertionError("appliance process did not start: " + out);
      }
      Thread.sleep(50);
    }
    p.destroyForcibly();
    throw new AssertionError("appliance process did not start in time");
  }
}
