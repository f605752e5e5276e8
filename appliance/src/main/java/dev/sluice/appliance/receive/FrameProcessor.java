package dev.sluice.appliance.receive;

import dev.sluice.wire.control.IntegrationConfig;
import dev.sluice.wire.control.TenantSettings;
import java.util.Objects;

/**
 * Turns one syslog frame into an accepted alert (with its OCSF record serialized) or a
 * rejection with a stable code. Implementations never throw on bad input and are thread-safe.
 */
public interface FrameProcessor {

  /** What processing one frame came to. */
  sealed interface Outcome {
    /**
     * @param hostname the syslog HOSTNAME, null when the message has none
     * @param ocsfJson the OCSF record, UTF-8 JSON
     */
    record Accepted(String hostname, String alertKind, boolean testAlert, byte[] ocsfJson)
        implements Outcome {
      public Accepted {
        Objects.requireNonNull(alertKind, "alertKind");
        Objects.requireNonNull(ocsfJson, "ocsfJson");
      }
    }

    /** @param hostname the syslog HOSTNAME if the header could be read, else null */
    record Rejected(String hostname, String code, String detail) implements Outcome {
      public Rejected {
        Objects.requireNonNull(code, "code");
      }
    }
  }

  /**
   * Processes {@code frame[offset, offset+length)}, which is valid only during the call.
   *
   * @param receiveTimeMillis when the frame was received
   */
  Outcome process(byte[] frame, int offset, int length, long receiveTimeMillis,
      IntegrationConfig integration, TenantSettings tenant);
}
