package dev.sluice.cli.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code sluice} subcommand running as a child JVM with this process's classpath: what the
 * demo and the acceptance test start central and appliances as (real processes, as deployed).
 * Its stdout and stderr go to a log file and are kept in memory so callers can wait for a line.
 */
public final class SluiceProcess implements AutoCloseable {

  private final String name;
  private final Process process;
  private final Path log;
  private final List<String> lines = new ArrayList<>();
  private Thread pump;

  private SluiceProcess(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  /**
   * Starts {@code java -cp <this classpath> dev.sluice.cli.Main args…}.
   *
   * @param log file that receives the child's output (created or appended)
   * @param environment variables added to this process's environment
   */
  public static SluiceProcess start(String name, List<String> args, Map<String, String> environment,
      Path log) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // Arrow (used by the lake) needs java.nio opened to it, as the launcher does.
    command.add("--add-opens=java.base/java.nio=ALL-UNNAMED");
    command.add("-XX:+UseSerialGC");
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    String home = System.getProperty("sluice.home");
    if (home != null) {
      command.add("-Dsluice.home=" + home);
    }
    command.add("dev.sluice.cli.Main");
    command.addAll(args);
    Files.createDirectories(log.toAbsolutePath().getParent());
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(environment);
    SluiceProcess child = new SluiceProcess(name, builder.start(), log);
    child.pump = new Thread(child::pump, name + "-output");
    child.pump.setDaemon(true);
    child.pump.start();
    return child;
  }

  private void pump() {
    try (BufferedReader in = new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8,
            java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND))) {
      String line;
      while ((line = in.readLine()) != null) {
        out.println(line);
        out.flush();
        synchronized (lines) {
          lines.add(line);
          lines.notifyAll();
        }
      }
    } catch (IOException e) {
      // The child is gone; its exit code tells the rest.
    } finally {
      synchronized (lines) {
        lines.notifyAll();
      }
    }
  }

  /**
   * Waits for an output line matching {@code pattern} and returns the match.
   *
   * @throws DemoException when the child exits first or the time is up, with its last lines
   */
  public Matcher awaitLine(Pattern pattern, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    int checked = 0;
    synchronized (lines) {
      while (true) {
        for (; checked < lines.size(); checked++) {
          Matcher m = pattern.matcher(lines.get(checked));
          if (m.find()) {
            return m;
          }
        }
        long left = deadline - System.nanoTime();
        if (!pump.isAlive() && checked == lines.size()) {
          throw new DemoException(name + " exited with code " + exitCode()
              + " before printing /" + pattern + "/:\n" + tail(20));
        }
        if (left <= 0) {
          throw new DemoException(name + " did not print /" + pattern + "/ within "
              + timeout.toSeconds() + " s:\n" + tail(20));
        }
        try {
          lines.wait(Math.min(200, TimeUnit.NANOSECONDS.toMillis(left) + 1));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new DemoException("interrupted while waiting for " + name);
        }
      }
    }
  }

  /** Waits for the child to exit; empty if it is still running after {@code timeout}. */
  public Optional<Integer> awaitExit(Duration timeout) throws InterruptedException {
    if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      drainIfExited();
      return Optional.of(process.exitValue());
    }
    return Optional.empty();
  }

  /** The last {@code n} output lines (all of them, once the child has exited). */
  public String tail(int n) {
    drainIfExited();
    synchronized (lines) {
      return String.join("\n", lines.subList(Math.max(0, lines.size() - n), lines.size()));
    }
  }

  /** All output so far (all of it, once the child has exited). */
  public String output() {
    drainIfExited();
    synchronized (lines) {
      return String.join("\n", lines);
    }
  }

  private String exitCode() {
    try {
      return Integer.toString(process.waitFor(5, TimeUnit.SECONDS) ? process.exitValue() : -1);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "unknown";
    }
  }

  private void drainIfExited() {
    if (!process.isAlive() && Thread.currentThread() != pump) {
      try {
        pump.join(2_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  public long pid() {
    return process.pid();
  }

  public Path log() {
    return log;
  }

  /** Stops the child: SIGTERM, then SIGKILL after 15 s. */
  @Override
  public void close() {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(15, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
