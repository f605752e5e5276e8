package dev.sluice.ocsf;

import dev.sluice.ocsf.internal.Checks;

/** OCSF {@code attack}: one MITRE ATT&CK reference. At least one of tactic, technique and sub-technique. */
public record Attack(MitreEntity tactic, MitreEntity technique, MitreEntity subTechnique, String version) {
    public Attack {
        Checks.atLeastOne("attack needs a tactic, technique or sub_technique", tactic, technique, subTechnique);
        version = Checks.blankToNull(version);
    }
}
