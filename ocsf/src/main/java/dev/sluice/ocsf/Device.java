package dev.sluice.ocsf;

import dev.sluice.ocsf.internal.Checks;
import java.util.Objects;

/** OCSF {@code device}: the device the finding is about. Needs an ip, hostname, name or uid. */
public record Device(DeviceType type, String hostname, String ip, String mac, String name, String uid) {
    public Device {
        Objects.requireNonNull(type, "type");
        hostname = Checks.blankToNull(hostname);
        ip = Checks.blankToNull(ip);
        mac = Checks.blankToNull(mac);
        name = Checks.blankToNull(name);
        uid = Checks.blankToNull(uid);
        Checks.atLeastOne("device needs an ip, hostname, name or uid", ip, hostname, name, uid);
    }
}
