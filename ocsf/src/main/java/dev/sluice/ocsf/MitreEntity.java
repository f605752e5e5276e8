package dev.sluice.ocsf;

import dev.sluice.ocsf.internal.Checks;

/** A MITRE ATT&CK tactic, technique or sub-technique ({@code uid} such as {@code T1568.002}, and a name). */
public record MitreEntity(String uid, String name) {
    public MitreEntity {
        uid = Checks.blankToNull(uid);
        name = Checks.blankToNull(name);
        Checks.atLeastOne("a MITRE entity needs a uid or a name", uid, name);
    }
}
