package dev.sluice.ocsf;

import dev.sluice.ocsf.internal.Checks;
import java.util.Objects;

/** OCSF {@code analytic}: the model or engine that produced the finding. */
public record Analytic(String uid, String name, AnalyticType type, String category) {
    public Analytic {
        uid = Checks.blankToNull(uid);
        name = Checks.blankToNull(name);
        Objects.requireNonNull(type, "type");
        category = Checks.blankToNull(category);
        Checks.atLeastOne("analytic needs a name or uid", name, uid);
    }
}
