package dev.sluice.ocsf;

import dev.sluice.ocsf.internal.Checks;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;

/**
 * OCSF Detection Finding (category 2 Findings, class_uid 2004). The class, category and type
 * attributes follow from {@code activity}; captions follow from the enums. Serialize with
 * {@link OcsfJsonWriter}; the attribute order of the JSON is fixed (see there).
 *
 * @param severityLabel the source's own severity text; written as {@code severity} only when
 *                      {@code severity} is {@link Severity#OTHER} (otherwise the caption is written)
 * @param isAlert       written only from OCSF 1.4.0
 * @param rawData       the message as received (written as {@code raw_data}, with {@code raw_data_size} from 1.5.0)
 * @param unmapped      source fields not mapped to OCSF, flattened to dotted keys (e.g. {@code cef.lat});
 *                      kept as an {@link UnmappedMap} (any other map is copied into one)
 */
public record DetectionFinding(FindingActivity activity, Severity severity, String severityLabel,
                               FindingStatus status, long time, Long startTime, Long endTime,
                               Integer timezoneOffset, String message, Boolean isAlert, Integer riskScore,
                               RiskLevel riskLevel, Metadata metadata, FindingInfo findingInfo, Device device,
                               List<ResourceDetails> resources, List<Evidence> evidences,
                               List<Observable> observables, String rawData,
                               SortedMap<String, String> unmapped) {
    public static final int CATEGORY_UID = 2;
    public static final String CATEGORY_NAME = "Findings";
    public static final int CLASS_UID = 2004;
    public static final String CLASS_NAME = "Detection Finding";

    public DetectionFinding {
        Objects.requireNonNull(activity, "activity");
        Objects.requireNonNull(severity, "severity");
        severityLabel = Checks.blankToNull(severityLabel);
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(findingInfo, "findingInfo");
        message = Checks.blankToNull(message);
        if (riskScore != null && (riskScore < 0 || riskScore > 100)) {
            throw new IllegalArgumentException("risk_score must be 0-100: " + riskScore);
        }
        resources = Checks.copy(resources);
        evidences = Checks.copy(evidences);
        observables = Checks.copy(observables);
        unmapped = UnmappedMap.copyOf(unmapped);
    }

    /** {@code type_uid} = class_uid * 100 + activity_id. */
    public long typeUid() {
        return CLASS_UID * 100L + activity.id();
    }

    /** {@code type_name}, e.g. "Detection Finding: Create". */
    public String typeName() {
        return CLASS_NAME + ": " + activity.caption();
    }
}
