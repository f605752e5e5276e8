package dev.sluice.central.appliance;

import dev.sluice.wire.image.NetworkSettings;
import dev.sluice.wire.image.Platform;
import dev.sluice.wire.image.SyslogSettings;

/** What creating an appliance takes (validated). */
public record NewAppliance(String name, String description, Platform platform, NetworkSettings network, SyslogSettings syslog) {}
