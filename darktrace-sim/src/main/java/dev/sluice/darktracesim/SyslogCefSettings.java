package dev.sluice.darktracesim;

import java.util.Objects;

/**
 * The settings of a Darktrace DETECT <em>Syslog CEF</em> workflow integration (Threat Visualizer
 * → Admin → System Configuration → Modules → Workflow Integrations → Syslog → Syslog CEF), plus
 * what the emulator needs to know about the instance it pretends to be.
 *
 * @param server <em>Server</em>: where alerts go (loopback only in this project's tests)
 * @param port <em>Server Port</em>
 * @param transport <em>Send Alerts Using TCP</em> on ({@link Transport#TCP}) or off (UDP)
 * @param sendAiAnalystAlerts <em>Send AI Analyst Alerts</em>
 * @param minAiAnalystIncidentEventScore <em>Minimum AI Analyst Incident Event Score</em>, 0–100
 * @param minAiAnalystIncidentScore <em>Minimum AI Analyst Incident Score</em>, 0–100
 * @param sendModelBreachAlerts <em>Send Model Breach Alerts</em>
 * @param minBreachScore <em>Minimum Breach Score</em>, 0–100 (percent)
 * @param minBreachPriority <em>Minimum Breach Priority</em>, 0–5
 * @param sendSystemStatusAlerts <em>Send System Status Alerts</em>
 * @param minSystemStatusPriority <em>Minimum System Status Priority</em>, 0–100
 * @param header <em>Full Timestamps</em> on ({@link HeaderFormat#RFC5424}) or off
 * @param framing TCP framing
 * @param format CEF (the Syslog CEF tab) or JSON (the Syslog JSON tab)
 * @param hostname the instance's host name (its FQDN), written in the syslog header and links
 * @param softwareVersion the Threat Visualizer version (CEF Device Version)
 */
public record SyslogCefSettings(
    String server,
    int port,
    Transport transport,
    boolean sendAiAnalystAlerts,
    int minAiAnalystIncidentEventScore,
    int minAiAnalystIncidentScore,
    boolean sendModelBreachAlerts,
    int minBreachScore,
    int minBreachPriority,
    boolean sendSystemStatusAlerts,
    int minSystemStatusPriority,
    HeaderFormat header,
    Framing framing,
    MessageFormat format,
    String hostname,
    String softwareVersion) {

  public static final String DEFAULT_HOSTNAME = "dt-master-01.corp.example.com";
  public static final String DEFAULT_SOFTWARE_VERSION = "6.2.4";

  public SyslogCefSettings {
    Objects.requireNonNull(server, "server");
    Objects.requireNonNull(transport, "transport");
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(framing, "framing");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(hostname, "hostname");
    Objects.requireNonNull(softwareVersion, "softwareVersion");
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("server port must be 1-65535, was " + port);
    }
    requireRange("minimum AI Analyst incident event score", minAiAnalystIncidentEventScore, 100);
    requireRange("minimum AI Analyst incident score", minAiAnalystIncidentScore, 100);
    requireRange("minimum breach score", minBreachScore, 100);
    requireRange("minimum breach priority", minBreachPriority, 5);
    requireRange("minimum system status priority", minSystemStatusPriority, 100);
    if (hostname.isBlank() || hostname.chars().anyMatch(c -> c <= ' ' || c > '~')) {
      throw new IllegalArgumentException("hostname must be printable ASCII without spaces");
    }
  }

  /**
   * The settings the integration guide asks for: TCP, AI Analyst alerts on with both minimum
   * scores 0, model breach and system status alerts on with no minimum, default RFC 3164 header,
   * LF framing, CEF.
   */
  public static SyslogCefSettings recommended(String server, int port) {
    return new SyslogCefSettings(server, port, Transport.TCP, true, 0, 0, true, 0, 0, true, 0,
        HeaderFormat.RFC3164, Framing.LF, MessageFormat.CEF, DEFAULT_HOSTNAME,
        DEFAULT_SOFTWARE_VERSION);
  }

  public SyslogCefSettings withHostname(String newHostname) {
    return new SyslogCefSettings(server, port, transport, sendAiAnalystAlerts,
        minAiAnalystIncidentEventScore, minAiAnalystIncidentScore, sendModelBreachAlerts,
        minBreachScore, minBreachPriority, sendSystemStatusAlerts, minSystemStatusPriority,
        header, framing, format, newHostname, softwareVersion);
  }

  private static void requireRange(String name, int value, int max) {
    if (value < 0 || value > max) {
      throw new IllegalArgumentException(name + " must be 0-" + max + ", was " + value);
    }
  }
}
