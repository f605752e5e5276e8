package dev.sluice.appliance.event;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * One accepted alert as the appliance spools it: everything the forwarder needs to build the
 * lake's ingest event, with the OCSF record already serialized.
 *
 * <p>Byte layout (big-endian), version 1:
 *
 * <pre>
 * 1 byte   version (1)
 * 1 byte   flags: bit 0 test alert, bit 1 hostname present
 * 8 bytes  receive time, milliseconds since the epoch
 * string   integration id      (string = 2-byte length n, then n bytes of UTF-8)
 * string   sender hostname     (only when flag bit 1 is set)
 * string   sender peer address
 * string   alert kind
 * 4 bytes  OCSF JSON length m, then m bytes of UTF-8 JSON (an object)
 * </pre>
 *
 * @param ocsfJson the OCSF record as UTF-8 JSON; not copied (treated as immutable)
 */
public record SpooledEvent(
    String integrationId,
    long receiveTimeMillis,
    String senderHostname,
    String senderAddress,
    String alertKind,
    boolean testAlert,
    byte[] ocsfJson) {

  private static final byte VERSION = SpooledEventWriter.VERSION;

  public SpooledEvent {
    Objects.requireNonNull(integrationId, "integrationId");
    Objects.requireNonNull(senderAddress, "senderAddress");
    Objects.requireNonNull(alertKind, "alertKind");
    Objects.requireNonNull(ocsfJson, "ocsfJson");
  }

  public byte[] encode() {
    SpooledEventWriter w = new SpooledEventWriter(64 + ocsfJson.length);
    int start = w.begin(integrationId, receiveTimeMillis, senderHostname, senderAddress,
        alertKind, testAlert);
    w.write(ocsfJson, 0, ocsfJson.length);
    return w.copy(start, w.end(start));
  }

  /** Reads a spooled event; empty if the bytes are not one (never throws). */
  public static Optional<SpooledEvent> decode(byte[] bytes) {
    try {
      ByteBuffer b = ByteBuffer.wrap(bytes);
      if (b.get() != VERSION) {
        return Optional.empty();
      }
      int flags = b.get();
      long time = b.getLong();
      String integration = getString(b);
      String host = (flags & 2) != 0 ? getString(b) : null;
      String address = getString(b);
      String kind = getString(b);
      int n = b.getInt();
      if (n < 0 || n != b.remaining()) {
        return Optional.empty();
      }
      byte[] ocsf = new byte[n];
      b.get(ocsf);
      return Optional.of(new SpooledEvent(integration, time, host, address, kind,
          (flags & 1) != 0, ocsf));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private static String getString(ByteBuffer b) {
    int n = Short.toUnsignedInt(b.getShort());
    byte[] s = new byte[n];
    b.get(s);
    return new String(s, StandardCharsets.UTF_8);
  }
}
