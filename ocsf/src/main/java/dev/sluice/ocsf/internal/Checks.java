package dev.sluice.ocsf.internal;

import java.util.List;
import java.util.Objects;

/** Constructor checks shared by the OCSF records. They run for every record built, so they stay cheap. */
public final class Checks {
    private Checks() {
    }

    /** Returns {@code value}, failing when it is null or blank. */
    public static String nonBlank(String value, String attribute) {
        Objects.requireNonNull(value, attribute);
        if (isBlank(value)) {
            throw new IllegalArgumentException(attribute + " must not be blank");
        }
        return value;
    }

    /** Returns null for null or blank strings, the string otherwise (optional attributes are omitted, never empty). */
    public static String blankToNull(String value) {
        return value == null || isBlank(value) ? null : value;
    }

    /** {@link String#isBlank()}, answered from the first character for the usual printable text. */
    private static boolean isBlank(String value) {
        if (value.isEmpty()) {
            return true;
        }
        char first = value.charAt(0);
        return (first <= ' ' || first >= 0x7f) && value.isBlank();
    }

    /** An immutable copy; null becomes the empty list. Elements must not be null. */
    public static <T> List<T> copy(List<T> values) {
        return values == null ? List.of() : List.copyOf(values);
    }

    /** Fails unless {@code a} is non-null (OCSF {@code at_least_one} constraint with one member present). */
    public static void atLeastOne(String what, Object a) {
        if (a == null) {
            throw new IllegalArgumentException(what);
        }
    }

    /** Fails unless at least one of the values is non-null (OCSF {@code at_least_one} constraint). */
    public static void atLeastOne(String what, Object a, Object b) {
        if (a == null && b == null) {
            throw new IllegalArgumentException(what);
        }
    }

    /** Fails unless at least one of the values is non-null (OCSF {@code at_least_one} constraint). */
    public static void atLeastOne(String what, Object a, Object b, Object c) {
        if (a == null && b == null && c == null) {
            throw new IllegalArgumentException(what);
        }
    }

    /** Fails unless at least one of the values is non-null (OCSF {@code at_least_one} constraint). */
    public static void atLeastOne(String what, Object a, Object b, Object c, Object d) {
        if (a == null && b == null && c == null && d == null) {
            throw new IllegalArgumentException(what);
        }
    }
}
