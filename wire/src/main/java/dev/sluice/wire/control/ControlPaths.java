package dev.sluice.wire.control;

/**
 * The appliance-facing endpoints of central. All are HTTPS to the central URL carried in the
 * appliance image, verifying central's pinned certificate. {@link #ENROLL} is called once,
 * without a client certificate; every other call presents the client certificate issued at
 * enrollment (mutual TLS).
 */
public final class ControlPaths {
  /** {@code POST} {@link EnrollmentRequest} → {@link EnrollmentResponse}. */
  public static final String ENROLL = "/api/v1/appliance/enroll";

  /**
   * {@code GET} → {@link ApplianceConfig} with an {@code ETag} header; send it back as
   * {@code If-None-Match} and an unchanged configuration answers {@code 304} with no body.
   */
  public static final String CONFIG = "/api/v1/appliance/config";

  /** {@code POST} {@link Heartbeat} → {@link HeartbeatResponse}. */
  public static final String HEARTBEAT = "/api/v1/appliance/heartbeat";

  private ControlPaths() {}
}
