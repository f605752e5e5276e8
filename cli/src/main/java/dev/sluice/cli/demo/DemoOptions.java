package dev.sluice.cli.demo;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/**
 * How the demo runs.
 *
 * @param data directory for everything the run creates (central, lake, image, appliance, logs)
 * @param centralPort HTTPS port of central + lake
 * @param syslogAddress loopback address the appliance listens on (its "syslog IP")
 * @param integrationPorts port range central allocates integration ports from ({@code A-B})
 * @param alertsPerInstance alerts each of the two emulated Darktrace instances sends
 * @param rate messages per second per instance
 * @param seed generator seed of the first instance (the second uses seed + 1)
 * @param start time of the first generated alert
 * @param adminEmail the bootstrap operator's e-mail
 * @param adminPassword the bootstrap operator's password
 * @param out where progress and the report go
 */
public record DemoOptions(
    Path data,
    int centralPort,
    String syslogAddress,
    String integrationPorts,
    int alertsPerInstance,
    int rate,
    long seed,
    Instant start,
    String adminEmail,
    String adminPassword,
    PrintStream out) {

  /** Lines sent to the integration port that are not Darktrace CEF, one per rejection reason. */
  public static final java.util.List<String> INVALID_MESSAGES = java.util.List.of(
      "<14>Nov 27 10:00:00 host app: hello, this is not CEF",
      "<165>Nov 27 10:00:00 fw-01 CEF:0|Acme|Firewall|1.0|100|Port scan|5|src=10.0.0.1",
      "<165>Nov 27 10:00:00 dt-master-01.corp.example.com darktrace CEF:0|Darktrace|DCIP|6.2.4");

  public DemoOptions {
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(syslogAddress, "syslogAddress");
    Objects.requireNonNull(integrationPorts, "integrationPorts");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(adminEmail, "adminEmail");
    Objects.requireNonNull(adminPassword, "adminPassword");
    Objects.requireNonNull(out, "out");
    if (!syslogAddress.startsWith("127.")) {
      throw new IllegalArgumentException("the demo only uses loopback addresses (127.x.y.z)");
    }
    if (alertsPerInstance < 1 || rate < 1) {
      throw new IllegalArgumentException("alerts per instance and rate must be positive");
    }
  }
}
