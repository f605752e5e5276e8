package dev.sluice.darktrace.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.ocsf.Attack;
import dev.sluice.ocsf.MitreEntity;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Alert type → MITRE ATT&CK techniques, kept as data: {@code alert-type-attacks.jsonl} (one
 * {@code {"alertType","threatId","threatName"}} object per line, the format Sophos publishes its
 * sample mappings in) and {@code mitre-techniques.tsv} (technique names, for ids Darktrace sends
 * itself in {@code mitreId}). Both files can grow without code changes.
 */
public final class AttackTable {
    private static final Pattern TECHNIQUE_ID = Pattern.compile("T\\d{4}(\\.\\d{3})?");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static final int MAX_CACHED = 4096;

    private final Map<String, List<Attack>> byAlertType;
    private final Map<String, String> names;
    /** Which alert-type lengths the table has: most types are not in it, and this rejects them without hashing. */
    private final boolean[] lengths = new boolean[AlertTypes.MAX_LENGTH + 1];
    /** Attacks for technique ids without a source name (immutable, so shared between records). */
    private final ConcurrentHashMap<String, Attack> byId = new ConcurrentHashMap<>();
    /**
     * The same for {@code T0000}-{@code T9999} by number, for ids read on the message bytes. Filled
     * racily: an {@link Attack} is immutable (final fields only), so a reader sees either null or a
     * complete one.
     */
    private final Attack[] techniques = new Attack[10_000];

    AttackTable(Map<String, List<Attack>> byAlertType, Map<String, String> names) {
        this.byAlertType = byAlertType;
        this.names = names;
        for (String type : byAlertType.keySet()) {
            if (type.length() < lengths.length) {
                lengths[type.length()] = true;
            }
        }
    }

    /** The tables bundled with Sluice. */
    public static AttackTable bundled() {
        return Holder.BUNDLED;
    }

    private static final class Holder {
        static final AttackTable BUNDLED = load(
                AttackTable.class.getResourceAsStream("/dev/sluice/darktrace/alert-type-attacks.jsonl"),
                AttackTable.class.getResourceAsStream("/dev/sluice/darktrace/mitre-techniques.tsv"));
    }

    /** Reads the two tables; a malformed line fails loading with its line number. */
    public static AttackTable load(InputStream alertTypes, InputStream techniqueNames) {
        Map<String, String> names = new HashMap<>();
        Map<String, List<Attack>> table = new HashMap<>();
        try (BufferedReader tsv = reader(techniqueNames); BufferedReader jsonl = reader(alertTypes)) {
            int n = 0;
            for (String line = tsv.readLine(); line != null; line = tsv.readLine()) {
                n++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t", 2);
                if (parts.length != 2 || !TECHNIQUE_ID.matcher(parts[0]).matches()) {
                    throw new IllegalArgumentException("mitre-techniques.tsv line " + n + ": expected id<TAB>name");
                }
                names.put(parts[0], parts[1].trim());
            }
            AttackTable partial = new AttackTable(Map.of(), names);
            n = 0;
            for (String line = jsonl.readLine(); line != null; line = jsonl.readLine()) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode row = MAPPER.readTree(line);
                String alertType = row.path("alertType").asText("");
                String id = row.path("threatId").asText("");
                if (alertType.isBlank() || !TECHNIQUE_ID.matcher(id).matches()) {
                    throw new IllegalArgumentException("alert-type-attacks.jsonl line " + n + ": needs alertType and threatId T####[.###]");
                }
                String name = row.path("threatName").asText(null);
                table.computeIfAbsent(AlertTypes.sanitise(alertType), k -> new ArrayList<>()).add(partial.attack(id, name));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        table.replaceAll((k, v) -> List.copyOf(v));
        return new AttackTable(Map.copyOf(table), Map.copyOf(names));
    }

    private static BufferedReader reader(InputStream in) {
        if (in == null) {
            throw new IllegalStateException("missing MITRE table resource");
        }
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    /** The techniques listed for an alert type (empty when none). */
    public List<Attack> forAlertType(String alertType) {
        int n = alertType.length();
        return n < lengths.length && lengths[n] ? byAlertType.getOrDefault(alertType, List.of()) : List.of();
    }

    /**
     * An {@code attack} for a technique id such as {@code T1568} or {@code T1568.002}; a
     * sub-technique also names its parent technique. Null when {@code id} is not a technique id.
     */
    public Attack attack(String id, String nameFromSource) {
        boolean named = nameFromSource != null && !nameFromSource.isBlank();
        Attack cached = named || id == null ? null : byId.get(id);
        if (cached != null) {
            return cached;
        }
        Attack a = newAttack(id, named ? nameFromSource : null);
        if (!named && a != null && byId.size() < MAX_CACHED) {
            byId.putIfAbsent(id, a);
        }
        return a;
    }

    /**
     * {@link #attack(String, String)} without a source name for the id written as the ASCII bytes
     * {@code b[from, to)}: a plain technique {@code T####} is found by its number without a string.
     */
    public Attack attack(byte[] b, int from, int to) {
        if (to - from == 5 && b[from] == 'T') {
            int number = 0;
            for (int k = from + 1; k < to; k++) {
                int digit = b[k] - '0';
                if (digit < 0 || digit > 9) {
                    number = -1;
                    break;
                }
                number = number * 10 + digit;
            }
            if (number >= 0) {
                Attack a = techniques[number];
                if (a == null) {
                    a = attack(new String(b, from, to - from, StandardCharsets.US_ASCII), null);
                    techniques[number] = a;
                }
                return a;
            }
        }
        return attack(new String(b, from, to - from, StandardCharsets.US_ASCII), null);
    }

    private Attack newAttack(String id, String nameFromSource) {
        String trimmed = id == null ? "" : id.trim();
        if (!isTechniqueId(trimmed)) {
            return null;
        }
        String name = nameFromSource == null || nameFromSource.isBlank() ? names.get(trimmed) : nameFromSource.trim();
        int dot = trimmed.indexOf('.');
        if (dot < 0) {
            return new Attack(null, new MitreEntity(trimmed, name), null, null);
        }
        String parent = trimmed.substring(0, dot);
        return new Attack(null, new MitreEntity(parent, names.get(parent)), new MitreEntity(trimmed, name), null);
    }

    /** {@code T####} or {@code T####.###}, without a regex (this runs per message). */
    static boolean isTechniqueId(String s) {
        int n = s.length();
        if ((n != 5 && n != 9) || s.charAt(0) != 'T') {
            return false;
        }
        for (int i = 1; i < n; i++) {
            char c = s.charAt(i);
            boolean ok = i == 5 ? c == '.' : c >= '0' && c <= '9';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** Table entries first, then the source's own ids, each technique once. */
    public List<Attack> merge(String alertType, List<Attack> fromSource) {
        List<Attack> fromTable = forAlertType(alertType);
        if (fromSource.isEmpty()) {
            return fromTable;
        }
        if (fromTable.isEmpty() && fromSource.size() == 1) {
            return List.copyOf(fromSource); // the list itself when it is immutable already
        }
        List<Attack> out = new ArrayList<>(fromTable.size() + fromSource.size());
        out.addAll(fromTable);
        for (Attack a : fromSource) {
            boolean seen = false;
            for (int i = 0; i < out.size() && !seen; i++) {
                seen = key(out.get(i)).equals(key(a));
            }
            if (!seen) {
                out.add(a);
            }
        }
        return List.copyOf(out);
    }

    private static String key(Attack a) {
        return a.subTechnique() != null ? a.subTechnique().uid() : a.technique() != null ? String.valueOf(a.technique().uid()) : "";
    }
}
