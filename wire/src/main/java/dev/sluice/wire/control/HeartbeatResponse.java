package dev.sluice.wire.control;

import java.time.Instant;

/**
 * Central's answer to a heartbeat.
 *
 * @param receivedAt central's clock when it recorded the heartbeat
 * @param configEtag the current configuration's entity tag: when it differs from the one the
 *     appliance runs, the appliance fetches {@link ControlPaths#CONFIG} now
 */
public record HeartbeatResponse(Instant receivedAt, String configEtag) {
  public HeartbeatResponse {
    java.util.Objects.requireNonNull(receivedAt, "receivedAt");
    Validation.requireText(configEtag, "configEtag", 128);
  }
}
