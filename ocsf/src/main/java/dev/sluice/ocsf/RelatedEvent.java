package dev.sluice.ocsf;

import dev.sluice.ocsf.internal.Checks;

/** OCSF {@code related_event}: another finding behind this one (an AI Analyst incident's model breaches). */
public record RelatedEvent(String uid, String title) {
    public RelatedEvent {
        uid = Checks.nonBlank(uid, "uid");
        title = Checks.blankToNull(title);
    }
}
