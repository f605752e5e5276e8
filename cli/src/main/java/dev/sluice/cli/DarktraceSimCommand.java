package dev.sluice.cli;

import dev.sluice.darktracesim.AlertFilter;
import dev.sluice.darktracesim.AlertSendingVerifier;
import dev.sluice.darktracesim.Durations;
import dev.sluice.darktracesim.Framing;
import dev.sluice.darktracesim.HeaderFormat;
import dev.sluice.darktracesim.MessageFormat;
import dev.sluice.darktracesim.SyslogCefSettings;
import dev.sluice.darktracesim.Transport;
import dev.sluice.darktracesim.VerifyResult;
import dev.sluice.darktracesim.alert.AlertGenerator;
import dev.sluice.darktracesim.alert.AlertMix;
import dev.sluice.darktracesim.alert.DarktraceAlert;
import dev.sluice.darktracesim.render.SyslogMessageWriter;
import dev.sluice.darktracesim.send.LoadPlan;
import dev.sluice.darktracesim.send.LoadReport;
import dev.sluice.darktracesim.send.LoadRun;
import dev.sluice.darktracesim.send.ProgressBar;
import dev.sluice.darktracesim.send.Rate;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sluice darktrace-sim}: a Darktrace DETECT instance's Syslog CEF integration. */
@Command(
    name = "darktrace-sim",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Emulates Darktrace DETECT instances sending alerts over their Syslog CEF integration.",
      "Without --count or --duration it sends until Ctrl-C. See docs/darktrace-sim.md."
    },
    subcommands = {SocketSinkCommand.class})
public final class DarktraceSimCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--server", defaultValue = "${env:SLUICE_SIM_SERVER:-127.0.0.1}",
      description = "Server: the syslog receiver's address (default: ${DEFAULT-VALUE}).")
  String server;

  @Option(names = "--port", defaultValue = "${env:SLUICE_SIM_PORT:-514}",
      description = "Server Port (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--transport", defaultValue = "TCP",
      description = "Send Alerts Using TCP: TCP or UDP (default: ${DEFAULT-VALUE}).")
  Transport transport;

  @Option(names = "--send-ai-analyst-alerts", negatable = true, defaultValue = "true",
      fallbackValue = "true", description = "Send AI Analyst Alerts (default: on).")
  boolean sendAiAnalyst;

  @Option(names = "--min-ai-analyst-incident-event-score", defaultValue = "0", paramLabel = "0-100",
      description = "Minimum AI Analyst Incident Event Score (default: ${DEFAULT-VALUE}).")
  int minEventScore;

  @Option(names = "--min-ai-analyst-incident-score", defaultValue = "0", paramLabel = "0-100",
      description = "Minimum AI Analyst Incident Score (default: ${DEFAULT-VALUE}).")
  int minIncidentScore;

  @Option(names = "--send-model-breach-alerts", negatable = true, defaultValue = "true",
      fallbackValue = "true", description = "Send Model Breach Alerts (default: on).")
  boolean sendBreaches;

  @Option(names = "--min-breach-score", defaultValue = "0", paramLabel = "0-100",
      description = "Minimum Breach Score in percent (default: ${DEFAULT-VALUE}).")
  int minBreachScore;

  @Option(names = "--min-breach-priority", defaultValue = "0", paramLabel = "0-5",
      description = "Minimum Breach Priority (default: ${DEFAULT-VALUE}).")
  int minBreachPriority;

  @Option(names = "--send-system-status-alerts", negatable = true, defaultValue = "true",
      fallbackValue = "true", description = "Send System Status Alerts (default: on).")
  boolean sendSystemStatus;

  @Option(names = "--min-system-status-priority", defaultValue = "0", paramLabel = "0-100",
      description = "Minimum System Status Priority (default: ${DEFAULT-VALUE}).")
  int minSystemStatusPriority;

  @Option(names = "--full-timestamps",
      description = "Full Timestamps: RFC 5424 header instead of the default RFC 3164 one.")
  boolean fullTimestamps;

  @Option(names = "--framing", defaultValue = "LF",
      description = "TCP framing: LF or OCTET_COUNTING (default: ${DEFAULT-VALUE}).")
  Framing framing;

  @Option(names = "--format", defaultValue = "CEF",
      description = "CEF (Syslog CEF) or JSON (Syslog JSON) (default: ${DEFAULT-VALUE}).")
  MessageFormat format;

  @Option(names = "--hostname", defaultValue = SyslogCefSettings.DEFAULT_HOSTNAME,
      description = "The instance's host name; instance i>1 adds -i to its first label"
          + " (default: ${DEFAULT-VALUE}).")
  String hostname;

  @Option(names = "--software-version", defaultValue = SyslogCefSettings.DEFAULT_SOFTWARE_VERSION,
      description = "Threat Visualizer version, the CEF Device Version (default: ${DEFAULT-VALUE}).")
  String softwareVersion;

  @Option(names = "--verify",
      description = "Verify alert sending: send one test alert (\"Unrestricted Test Model\"),"
          + " report whether it was sent, exit 1 if not.")
  boolean verify;

  @Option(names = "--seed", defaultValue = "1",
      description = "Generator seed; the same seed and --start-time give the same stream"
          + " (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--start-time", paramLabel = "ISO-8601",
      description = "Time of the first alert (default: now).")
  String startTime;

  @Option(names = "--mix", paramLabel = "KIND=W,...",
      description = "Relative frequency of breach, ai-analyst, system-status"
          + " (default: breach=850,ai-analyst=100,system-status=50).")
  String mix;

  @Option(names = "--rate", defaultValue = "100", paramLabel = "N|max",
      description = "Messages per second over all instances, or max (default: ${DEFAULT-VALUE}).")
  String rate;

  @Option(names = "--count", paramLabel = "N", description = "Messages to send over all instances.")
  Long count;

  @Option(names = "--duration", paramLabel = "D", description = "Stop after D (30s, 5m, PT1M).")
  String duration;

  @Option(names = "--instances", defaultValue = "1", paramLabel = "K",
      description = "Emulated instances, one connection each (default: ${DEFAULT-VALUE}).")
  int instances;

  @Option(names = "--pool", defaultValue = "" + LoadPlan.DEFAULT_POOL_SIZE, paramLabel = "N",
      description = "Messages rendered ahead per instance; longer runs repeat them"
          + " (default: ${DEFAULT-VALUE}).")
  int pool;

  @Option(names = "--give-up-after", defaultValue = "60s", paramLabel = "D",
      description = "Stop an instance that cannot connect for this long (default: ${DEFAULT-VALUE}).")
  String giveUpAfter;

  @Option(names = "--progress", description = "Show the progress bar even when stderr is not a"
      + " terminal.")
  boolean progress;

  @Option(names = "--stdout", description = "Print the messages (one per line, no framing) instead"
      + " of sending them; needs --count.")
  boolean stdout;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    SyslogCefSettings settings = settings();
    if (verify) {
      VerifyResult result = new AlertSendingVerifier(Clock.systemUTC()).verify(settings);
      if (result instanceof VerifyResult.Sent sent) {
        out.printf("1 Alert Sent: test alert \"Unrestricted Test Model\" to %s (%d bytes)%n",
            sent.target(), sent.bytes());
        return 0;
      }
      VerifyResult.NotSent notSent = (VerifyResult.NotSent) result;
      err.printf("Alert not sent to %s: %s%n", notSent.target(), notSent.reason());
      return 1;
    }
    LoadPlan plan = plan();
    if (stdout) {
      return printMessages(settings, plan, out);
    }
    LoadRun run;
    try {
      run = new LoadRun(settings, plan);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    err.printf("darktrace-sim: %d instance(s) -> %s://%s:%d, rate %s%s%s, %s %s%n",
        plan.instances(), transport.name().toLowerCase(java.util.Locale.ROOT), server, port, rate,
        count == null ? "" : ", count " + count, duration == null ? "" : ", duration " + duration,
        format, fullTimestamps ? "RFC 5424" : "RFC 3164");
    err.flush();
    CountDownLatch summarized = new CountDownLatch(1);
    Thread onCtrlC = new Thread(() -> {
      run.stop();
      try {
        summarized.await(3, TimeUnit.SECONDS);
      } catch (InterruptedException ignored) {
        Thread.currentThread().interrupt();
      }
    });
    Runtime.getRuntime().addShutdownHook(onCtrlC);
    LoadReport report;
    boolean showProgress = progress || Terminals.stderrIsTerminal();
    try (ProgressBar bar = showProgress
        ? new ProgressBar(System.err, run.sentCounter(), run.errorCounter(),
            plan.count(), plan.duration()).start()
        : null) {
      report = run.run();
    }
    out.println(report.describe());
    out.flush();
    summarized.countDown();
    try {
      Runtime.getRuntime().removeShutdownHook(onCtrlC);
    } catch (IllegalStateException shuttingDown) {
      // Ctrl-C: the hook is already running and waits for the summary printed above.
    }
    return report.completed() ? 0 : 1;
  }

  private int printMessages(SyslogCefSettings settings, LoadPlan plan, PrintWriter out) {
    if (count == null) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--stdout needs --count");
    }
    AlertGenerator generator = new AlertGenerator(seed, plan.start(), plan.mix());
    AlertFilter filter = new AlertFilter(settings);
    SyslogMessageWriter writer = new SyslogMessageWriter(settings);
    for (long printed = 0; printed < count; ) {
      DarktraceAlert alert = generator.next();
      if (filter.sends(alert)) {
        out.println(writer.message(alert));
        printed++;
      }
    }
    out.flush();
    return 0;
  }

  private SyslogCefSettings settings() {
    try {
      return new SyslogCefSettings(server, port, transport, sendAiAnalyst, minEventScore,
          minIncidentScore, sendBreaches, minBreachScore, minBreachPriority, sendSystemStatus,
          minSystemStatusPriority, fullTimestamps ? HeaderFormat.RFC5424 : HeaderFormat.RFC3164,
          framing, format, hostname, softwareVersion);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  private LoadPlan plan() {
    try {
      Instant start = startTime == null ? Instant.now() : Instant.parse(startTime);
      Optional<Duration> runFor = Optional.ofNullable(duration).map(Durations::parse);
      OptionalLong total = count == null ? OptionalLong.empty() : OptionalLong.of(count);
      return new LoadPlan(instances, Rate.parse(rate), total, runFor, seed, start,
          mix == null ? AlertMix.TYPICAL : AlertMix.parse(mix), pool,
          Durations.parse(giveUpAfter));
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
  }
}
