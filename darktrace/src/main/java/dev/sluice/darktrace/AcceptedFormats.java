package dev.sluice.darktrace;

import java.util.EnumSet;
import java.util.Set;

/** The formats one integration accepts. CEF only by default. */
public record AcceptedFormats(Set<AlertFormat> formats) {
    public static final AcceptedFormats CEF_ONLY = new AcceptedFormats(EnumSet.of(AlertFormat.CEF));
    public static final AcceptedFormats CEF_AND_JSON = new AcceptedFormats(EnumSet.of(AlertFormat.CEF, AlertFormat.JSON));

    public AcceptedFormats {
        if (formats == null || formats.isEmpty()) {
            throw new IllegalArgumentException("an integration accepts at least one format");
        }
        formats = Set.copyOf(formats);
    }

    public boolean accepts(AlertFormat format) {
        return formats.contains(format);
    }

    /** Parses a comma-separated list such as {@code cef,json} (case-insensitive). */
    public static AcceptedFormats parse(String text) {
        EnumSet<AlertFormat> set = EnumSet.noneOf(AlertFormat.class);
        for (String part : (text == null ? "" : text).split(",")) {
            if (!part.isBlank()) {
                try {
                    set.add(AlertFormat.valueOf(part.trim().toUpperCase(java.util.Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("unknown format '" + part.trim() + "' (cef, json)", e);
                }
            }
        }
        return new AcceptedFormats(set);
    }
}
