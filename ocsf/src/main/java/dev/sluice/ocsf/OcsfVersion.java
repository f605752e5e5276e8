package dev.sluice.ocsf;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The OCSF schema version written to {@code metadata.version}. Attributes introduced after a
 * version are left out of records that declare it (for example {@code is_alert} needs 1.4.0,
 * {@code raw_data_size} 1.5.0, {@code resource_details.role_id} 1.6.0).
 */
public record OcsfVersion(int major, int minor, int patch) implements Comparable<OcsfVersion> {
    /** The version Sluice emits unless configured otherwise. */
    public static final OcsfVersion DEFAULT = new OcsfVersion(1, 8, 0);
    /** The oldest version with Detection Finding (2004). */
    public static final OcsfVersion MINIMUM = new OcsfVersion(1, 1, 0);

    private static final Pattern SEMVER = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

    public OcsfVersion {
        if (major < 0 || minor < 0 || patch < 0) {
            throw new IllegalArgumentException("negative version component");
        }
    }

    /** Parses {@code MAJOR.MINOR.PATCH}; rejects versions before 1.1.0, which have no Detection Finding. */
    public static OcsfVersion parse(String text) {
        Matcher m = SEMVER.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("not an OCSF version (MAJOR.MINOR.PATCH): " + text);
        }
        OcsfVersion v = new OcsfVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        if (v.compareTo(MINIMUM) < 0) {
            throw new IllegalArgumentException("OCSF " + text + " has no Detection Finding; use 1.1.0 or later");
        }
        return v;
    }

    /** True when this version is {@code major.minor} or later. */
    public boolean atLeast(int major, int minor) {
        return compareTo(new OcsfVersion(major, minor, 0)) >= 0;
    }

    @Override
    public int compareTo(OcsfVersion o) {
        int c = Integer.compare(major, o.major);
        if (c == 0) {
            c = Integer.compare(minor, o.minor);
        }
        return c != 0 ? c : Integer.compare(patch, o.patch);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }
}
