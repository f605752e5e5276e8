package dev.sluice.ocsf;

import dev.sluice.ocsf.internal.Checks;
import java.util.Objects;

/**
 * OCSF {@code metadata}.
 *
 * @param version        {@code metadata.version}, the OCSF schema version of the record
 * @param product        the originating product
 * @param correlationUid groups related findings (the AI Analyst incident id)
 * @param eventCode      the product's own event code (CEF Device Event Class ID)
 * @param logName        {@code darktrace_model_breach}, {@code darktrace_ai_analyst}, ...
 * @param originalTime   the event time exactly as it appeared in the source
 * @param loggedTime     when Sluice received the message (epoch ms)
 * @param tenantUid      the tenant the record belongs to, when known
 */
public record Metadata(OcsfVersion version, Product product, String correlationUid, String eventCode,
                       String logName, String originalTime, Long loggedTime, String tenantUid) {
    public Metadata {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(product, "product");
        correlationUid = Checks.blankToNull(correlationUid);
        eventCode = Checks.blankToNull(eventCode);
        logName = Checks.blankToNull(logName);
        originalTime = Checks.blankToNull(originalTime);
        tenantUid = Checks.blankToNull(tenantUid);
    }
}
