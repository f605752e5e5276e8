package dev.sluice.darktracesim.alert;

import java.time.Instant;
import java.util.Objects;

/**
 * A system status (health) alert about a Darktrace component, from the separate system-status
 * feed (not a {@code System::System} model breach).
 *
 * @param uuid alert id
 * @param alertName display name ({@code "Probe Down"})
 * @param name machine name ({@code "probe_down"})
 * @param status {@code active} or {@code resolved}
 * @param priority 0–100
 * @param hostname the component's host name
 * @param ip the component's address
 * @param message the status message
 * @param time last update
 */
public record SystemStatusAlert(
    String uuid,
    String alertName,
    String name,
    Status status,
    int priority,
    String hostname,
    String ip,
    String message,
    Instant time)
    implements DarktraceAlert {

  /** Whether the condition is still present. */
  public enum Status {
    ACTIVE,
    RESOLVED;

    public String wireName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public SystemStatusAlert {
    Objects.requireNonNull(uuid, "uuid");
    Objects.requireNonNull(alertName, "alertName");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(hostname, "hostname");
    Objects.requireNonNull(ip, "ip");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(time, "time");
    if (priority < 0 || priority > 100) {
      throw new IllegalArgumentException("priority must be 0-100, was " + priority);
    }
  }

  /** Darktrace's priority level for the numeric priority ({@code low} … {@code critical}). */
  public String priorityLevel() {
    if (priority >= 80) {
      return "critical";
    }
    if (priority >= 60) {
      return "high";
    }
    if (priority >= 30) {
      return "medium";
    }
    return "low";
  }

  @Override
  public AlertKind kind() {
    return AlertKind.SYSTEM_STATUS;
  }
}
