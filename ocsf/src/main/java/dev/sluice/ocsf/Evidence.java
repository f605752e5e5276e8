package dev.sluice.ocsf;

import dev.sluice.ocsf.internal.Checks;

/**
 * OCSF {@code evidences} entry: the connection that triggered the detection. At least one of the
 * parts is present; {@code connectionInfo} carries the direction derived from both ends.
 */
public record Evidence(NetworkEndpoint srcEndpoint, NetworkEndpoint dstEndpoint, ConnectionDirection direction) {
    public Evidence {
        Checks.atLeastOne("evidence needs an endpoint", srcEndpoint, dstEndpoint);
        direction = direction == null ? ConnectionDirection.UNKNOWN : direction;
    }
}
