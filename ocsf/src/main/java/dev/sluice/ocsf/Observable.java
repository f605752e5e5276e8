package dev.sluice.ocsf;

import dev.sluice.ocsf.internal.Checks;
import java.util.Objects;

/** OCSF {@code observable}: {@code name} is the attribute path the value was taken from, e.g. {@code device.ip}. */
public record Observable(String name, ObservableType type, String value) {
    public Observable {
        name = Checks.nonBlank(name, "name");
        Objects.requireNonNull(type, "type");
        value = Checks.nonBlank(value, "value");
    }
}
