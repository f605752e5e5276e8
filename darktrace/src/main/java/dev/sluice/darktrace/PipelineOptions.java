package dev.sluice.darktrace;

import dev.sluice.ocsf.OcsfVersion;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * Settings of the normalizer.
 *
 * @param ocsfVersion  written to {@code metadata.version}; attributes newer than it are left out
 * @param sourceZone   the zone of zone-less timestamps (RFC 3164 headers, CEF dates without a zone)
 */
public record PipelineOptions(OcsfVersion ocsfVersion, ZoneId sourceZone) {
    public static final PipelineOptions DEFAULTS = new PipelineOptions(OcsfVersion.DEFAULT, ZoneOffset.UTC);

    public PipelineOptions {
        Objects.requireNonNull(ocsfVersion, "ocsfVersion");
        Objects.requireNonNull(sourceZone, "sourceZone");
    }
}
