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

  private static final byte VERSION = 1;
  private static final int MAX_STRING = 0xFFFF;

  public SpooledEvent {
    Objects.requireNonNull(integrationId, "integrationId");
    Objects.requireNonNull(senderAddress, "senderAddress");
    Objects.requireNonNull(alertKind, "alertKind");
    Objects.requireNonNull(ocsfJson, "ocsfJson");
  }

  public byte[] encode() {
    byte[] integration = utf8(integrationId);
    byte[] host = senderHostname == null ? null : utf8(senderHostname);
    byte[] address = utf8(senderAddress);
    byte[] kind = utf8(alertKind);
    int size = 1 + 1 + 8 + 2 + integration.length + (host == null ? 0 : 2 + host.length)
        + 2 + address.length + 2 + kind.length + 4 + ocsfJson.length;
    ByteBuffer b = ByteBuffer.allocate(size);
    b.put(VERSION);
    b.put((byte) ((testAlert ? 1 : 0) | (host != null ? 2 : 0)));
    b.putLong(receiveTimeMillis);
    putString(b, integration);
    if (host != null) {
      putString(b, host);
    }
    putString(b, address);
    putString(b, kind);
    b.putInt(ocsfJson.length).put(ocsfJson);
    return b.array();
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

  private static byte[] utf8(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    if (b.length > MAX_STRING) {
      throw new IllegalArgumentException("string field longer than " + MAX_STRING + " bytes");
    }
    return b;
  }

  private static void putString(ByteBuffer b, byte[] s) {
    b.putShort((short) s.length).put(s);
  }

  private static String getString(ByteBuffer b) {
    int n = Short.toUnsignedInt(b.getShort());
    byte[] s = new byte[n];
    b.get(s);
    return new String(s, StandardCharsets.UTF_8);
  }
}
