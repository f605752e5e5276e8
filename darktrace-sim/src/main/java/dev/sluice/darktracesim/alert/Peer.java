package dev.sluice.darktracesim.alert;

import java.util.Objects;

/**
 * The other end of the connection that triggered a model breach.
 *
 * @param ip address
 * @param port destination port, 1–65535
 * @param hostname host name, may be empty
 */
public record Peer(String ip, int port, String hostname) {
  public Peer {
    Objects.requireNonNull(ip, "ip");
    Objects.requireNonNull(hostname, "hostname");
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port must be 1-65535, was " + port);
    }
  }
}
