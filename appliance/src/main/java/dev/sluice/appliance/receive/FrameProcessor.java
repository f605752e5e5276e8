package dev.sluice.appliance.receive;

import dev.sluice.wire.control.IntegrationConfig;
import dev.sluice.wire.control.TenantSettings;
import java.io.IOException;
import java.util.Objects;

/**
 * Turns one syslog frame into an accepted alert (with a way to write its OCSF record) or a
 * rejection with a stable code. Implementations never throw on bad input and are thread-safe.
 */
public interface FrameProcessor {

  /**
   * Writes one accepted alert's OCSF record as UTF-8 JSON (an object) into the spool record
   * being built, so no intermediate array is needed. Called once, on the thread that processed
   * the frame, before that thread processes another frame.
   */
  @FunctionalInterface
  interface OcsfBody {
    void writeTo(JsonSink sink) throws IOException;

    /** A body that is already serialized. */
    static OcsfBody of(byte[] json) {
      Objects.requireNonNull(json, "json");
      return sink -> sink.stream().write(json);
    }
  }

  /** What processing one frame came to. */
  sealed interface Outcome {
    /** @param hostname the syslog HOSTNAME, null when the message has none */
    record Accepted(String hostname, String alertKind, boolean testAlert, OcsfBody ocsf)
        implements Outcome {
      public Accepted {
        Objects.requireNonNull(alertKind, "alertKind");
        Objects.requireNonNull(ocsf, "ocsf");
      }

      /** An accepted alert whose OCSF record is the UTF-8 JSON {@code ocsfJson}. */
      public Accepted(String hostname, String alertKind, boolean testAlert, byte[] ocsfJson) {
        this(hostname, alertKind, testAlert, OcsfBody.of(ocsfJson));
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
