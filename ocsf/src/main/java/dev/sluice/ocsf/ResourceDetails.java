package dev.sluice.ocsf;

import dev.sluice.ocsf.internal.Checks;
import java.util.Objects;

/** OCSF {@code resource_details}: an affected resource ({@code role_id} is written from OCSF 1.6.0). */
public record ResourceDetails(String type, String name, String hostname, String ip, ResourceRole role) {
    public ResourceDetails {
        type = Checks.blankToNull(type);
        name = Checks.blankToNull(name);
        hostname = Checks.blankToNull(hostname);
        ip = Checks.blankToNull(ip);
        Objects.requireNonNull(role, "role");
        Checks.atLeastOne("resource needs a name", name);
    }
}
