package dev.sluice.darktracesim.alert;

import java.util.Objects;

/**
 * A device Darktrace observes (the breaching device of a model breach or incident event).
 *
 * @param did Darktrace device id; {@code -1} for the system itself
 * @param ip IPv4 address ({@code 0.0.0.0} for the system)
 * @param hostname host name, may be empty when Darktrace does not know it
 * @param mac MAC address, may be empty
 * @param typeLabel device type label ({@code "Desktop"}, {@code "Server"}, …)
 * @param subnet subnet label Darktrace shows
 */
public record Device(int did, String ip, String hostname, String mac, String typeLabel, String subnet) {

  /** The pseudo-device of {@code System::System} breaches. */
  public static final Device SYSTEM = new Device(-1, "0.0.0.0", "", "", "System", "");

  public Device {
    Objects.requireNonNull(ip, "ip");
    Objects.requireNonNull(hostname, "hostname");
    Objects.requireNonNull(mac, "mac");
    Objects.requireNonNull(typeLabel, "typeLabel");
    Objects.requireNonNull(subnet, "subnet");
  }
}
