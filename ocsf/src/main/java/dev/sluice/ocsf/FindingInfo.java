package dev.sluice.ocsf;

import dev.sluice.ocsf.internal.Checks;
import java.util.List;

/** OCSF {@code finding_info}. {@code uid} is required; lists are never null (empty lists are not written). */
public record FindingInfo(String uid, String title, String desc, String srcUrl, List<String> types,
                          Analytic analytic, List<Attack> attacks, Long createdTime, Long firstSeenTime,
                          Long lastSeenTime, List<RelatedEvent> relatedEvents) {
    public FindingInfo {
        uid = Checks.nonBlank(uid, "uid");
        title = Checks.blankToNull(title);
        desc = Checks.blankToNull(desc);
        srcUrl = Checks.blankToNull(srcUrl);
        types = Checks.copy(types);
        attacks = Checks.copy(attacks);
        relatedEvents = Checks.copy(relatedEvents);
    }
}
