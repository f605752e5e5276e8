package dev.sluice.ocsf;

import dev.sluice.ocsf.internal.Checks;
import java.util.Objects;

/** OCSF {@code network_endpoint}, with whether it is inside the tenant's network ({@code network_scope_id}). */
public record NetworkEndpoint(String hostname, String ip, Integer port, String mac, NetworkScope scope) {
    public NetworkEndpoint {
        hostname = Checks.blankToNull(hostname);
        ip = Checks.blankToNull(ip);
        mac = Checks.blankToNull(mac);
        Objects.requireNonNull(scope, "scope");
        if (port != null && (port < 0 || port > 65535)) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        Checks.atLeastOne("network endpoint needs an ip or hostname", ip, hostname);
    }
}
