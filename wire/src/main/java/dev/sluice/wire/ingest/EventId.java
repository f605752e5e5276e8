package dev.sluice.wire.ingest;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The stable id of one event: the appliance that spooled it and the event's offset in that
 * appliance's spool. Retries carry the same id, which is how the lake stores each event once.
 *
 * <p>Text form: {@code <applianceId>:<offset>}, e.g. {@code appl-7f3a:1042}. The appliance id is
 * 1–64 characters of {@code [A-Za-z0-9._-]}; the offset is a decimal {@code long} ≥ 0. Offsets are
 * record sequence numbers (consecutive events get consecutive offsets), which lets the lake keep
 * the ids it holds as ranges.
 */
public record EventId(String applianceId, long offset) {

  private static final Pattern APPLIANCE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  public EventId {
    Objects.requireNonNull(applianceId, "applianceId");
    if (!APPLIANCE_ID.matcher(applianceId).matches()) {
      throw new IllegalArgumentException("appliance id must match " + APPLIANCE_ID + ": " + applianceId);
    }
    if (offset < 0) {
      throw new IllegalArgumentException("offset must be >= 0: " + offset);
    }
  }

  /** Reads the text form; empty when {@code text} is not a valid event id. Never throws. */
  public static Optional<EventId> parse(String text) {
    if (text == null || text.length() > 90) {
      return Optional.empty();
    }
    int colon = text.lastIndexOf(':');
    if (colon <= 0 || colon == text.length() - 1 || text.length() - colon - 1 > 19) {
      return Optional.empty();
    }
    String appliance = text.substring(0, colon);
    if (!APPLIANCE_ID.matcher(appliance).matches()) {
      return Optional.empty();
    }
    long offset = 0;
    for (int i = colon + 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return Optional.empty();
      }
      offset = offset * 10 + (c - '0');
      if (offset < 0) {
        return Optional.empty();
      }
    }
    return Optional.of(new EventId(appliance, offset));
  }

  /** Whether {@code text} is a valid appliance id. */
  public static boolean isValidApplianceId(String text) {
    return text != null && APPLIANCE_ID.matcher(text).matches();
  }

  @Override
  public String toString() {
    return applianceId + ":" + offset;
  }
}
