package dev.sluice.darktrace;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The test corpus files in src/test/resources/corpus. */
final class Corpus {
    /** The receive time used by the golden tests. */
    static final long RECEIVED = Instant.parse("2026-11-27T10:00:00Z").toEpochMilli();

    /** A message with the tag line before it ({@code # name: x} or {@code # expect: CODE formats}). */
    record Entry(String tag, String message) {
    }

    private Corpus() {
    }

    static List<Entry> read(String resource, String tagPrefix) {
        try (InputStream in = Corpus.class.getResourceAsStream("/corpus/" + resource)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<Entry> entries = new ArrayList<>();
            String tag = null;
            for (String line : text.split("\n", -1)) {
                if (line.startsWith(tagPrefix)) {
                    tag = line.substring(tagPrefix.length()).trim();
                } else if (!line.startsWith("#") && !line.isEmpty() && tag != null) {
                    entries.add(new Entry(tag, line));
                    tag = null;
                } else if (!line.startsWith("#") && tag != null && line.isEmpty()) {
                    continue;
                }
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Entry> samples() {
        return read("darktrace-samples.txt", "# name:");
    }

    static TenantContext tenant() {
        return new TenantContext("tenant-golden", List.of("corp.example", "abccompany.local"), List.of(IpRange.parse("198.51.100.0/24")));
    }
}
