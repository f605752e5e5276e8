package dev.sluice.ocsf.internal;

import java.util.List;
import java.util.Objects;

/** Constructor checks shared by the OCSF records. */
public final class Checks {
    private Checks() {
    }

    /** Returns {@code value}, failing when it is null or blank. */
    public static String nonBlank(String value, String attribute) {
        Objects.requireNonNull(value, attribute);
        if (value.isBlank()) {
            throw new IllegalArgumentException(attribute + " must not be blank");
        }
        return value;
    }

    /** Returns null for null or blank strings, the string otherwise (optional attributes are omitted, never empty). */
    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** An immutable copy; null becomes the empty list. Elements must not be null. */
    public static <T> List<T> copy(List<T> values) {
        return values == null ? List.of() : List.copyOf(values);
    }

    /** Fails unless at least one of the values is non-null (OCSF {@code at_least_one} constraint). */
    public static void atLeastOne(String what, Object... values) {
        for (Object value : values) {
            if (value != null) {
                return;
            }
        }
        throw new IllegalArgumentException(what);
    }
}
