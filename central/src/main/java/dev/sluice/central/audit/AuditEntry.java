package dev.sluice.central.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** One recorded change: who did what to which resource, when. */
public record AuditEntry(
    String id, String tenantId, String actor, String action, String targetType, String targetId, JsonNode detail, Instant at) {}
