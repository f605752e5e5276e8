package dev.sluice.lake.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.ocsf.OcsfValidator;
import dev.sluice.wire.ingest.EventId;
import dev.sluice.wire.ingest.IngestEvent;
import dev.sluice.wire.ingest.IngestResponse.EventRejection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Decides per event whether the lake stores it: a well-formed id of the sending appliance, a
 * plausible receive time, and an OCSF Detection Finding that {@link OcsfValidator} accepts.
 * Rejection codes are stable: {@code EVENT_ID_INVALID}, {@code EVENT_ID_WRONG_APPLIANCE},
 * {@code RECEIVE_TIME_INVALID}, {@code OCSF_MISSING}, {@code OCSF_CLASS_UNSUPPORTED},
 * {@code OCSF_TIME_OUT_OF_RANGE} and {@code OCSF_<violation>} (e.g.
 * {@code OCSF_MISSING_REQUIRED}, {@code OCSF_WRONG_TYPE}) for the first schema violation.
 */
public final class EventValidator {

  /** Epoch ms of 2000-01-01 and 2200-01-01: event times outside are not alerts from a live system. */
  private static final long MIN_TIME = 946_684_800_000L;
  private static final long MAX_TIME = 7_258_118_400_000L;
  private static final long MS_PER_DAY = 86_400_000L;

  private final OcsfValidator ocsf = OcsfValidator.detectionFinding();

  /** The result for one event. */
  public sealed interface Verdict {
    record Valid(LakeStore.Accepted accepted) implements Verdict {}

    record Invalid(EventRejection rejection) implements Verdict {}
  }

  public Verdict check(String applianceId, IngestEvent event) {
    Optional<EventId> id = EventId.parse(event.eventId());
    if (id.isEmpty()) {
      return invalid(event, "EVENT_ID_INVALID", "event id must be <applianceId>:<offset>");
    }
    if (!id.get().applianceId().equals(applianceId)) {
      return invalid(event, "EVENT_ID_WRONG_APPLIANCE",
          "event id names appliance " + id.get().applianceId() + ", but the sender is " + applianceId);
    }
    if (event.receiveTime() < MIN_TIME || event.receiveTime() > MAX_TIME) {
      return invalid(event, "RECEIVE_TIME_INVALID", "receiveTime must be epoch milliseconds between 2000 and 2200");
    }
    JsonNode record = event.ocsf();
    if (record == null || !record.isObject()) {
      return invalid(event, "OCSF_MISSING", "ocsf must be an OCSF record (a JSON object)");
    }
    JsonNode classUid = record.get("class_uid");
    if (classUid == null || !classUid.isIntegralNumber() || classUid.longValue() != 2004) {
      return invalid(event, "OCSF_CLASS_UNSUPPORTED", "only OCSF Detection Finding (class_uid 2004) is stored, got "
          + (classUid == null ? "no class_uid" : classUid.toString()));
    }
    List<OcsfValidator.Violation> violations = ocsf.validate(record);
    if (!violations.isEmpty()) {
      String detail = violations.stream().limit(3).map(Object::toString).collect(Collectors.joining("; "));
      return invalid(event, "OCSF_" + violations.get(0).code().name(),
          "not a valid Detection Finding: " + detail + (violations.size() > 3 ? " (+" + (violations.size() - 3) + " more)" : ""));
    }
    long time = record.get("time").longValue();
    if (time < MIN_TIME || time > MAX_TIME) {
      return invalid(event, "OCSF_TIME_OUT_OF_RANGE", "time must be epoch milliseconds between 2000 and 2200");
    }
    return new Verdict.Valid(new LakeStore.Accepted(event, id.get(), (int) Math.floorDiv(time, MS_PER_DAY)));
  }

  private static Verdict invalid(IngestEvent event, String code, String message) {
    return new Verdict.Invalid(new EventRejection(event.eventId(), code, message));
  }
}
