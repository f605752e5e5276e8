package dev.sluice.ocsf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The OCSF schema facts Sluice validates against: for the classes and objects it emits, each
 * attribute's type, array-ness, requirement level, enum values, profile and sibling caption
 * attribute, plus the object constraints. Derived from the OCSF schema by
 * {@code ocsf/tools/derive_schema_facts.py} into the resource {@code ocsf-schema-facts.json}.
 */
public final class OcsfSchema {
    private static final String RESOURCE = "ocsf-schema-facts.json";

    /** How an attribute is declared. {@code enumCaptions} is empty when the attribute is not an enum. */
    public record Attribute(String name, String type, boolean isArray, Requirement requirement,
                            Map<Long, String> enumCaptions, String profile, String sibling) {
        public Attribute {
            enumCaptions = Collections.unmodifiableMap(new LinkedHashMap<>(enumCaptions));
        }
    }

    /** Requirement level of an attribute. */
    public enum Requirement { REQUIRED, RECOMMENDED, OPTIONAL }

    /** A data type: its base JSON type ({@code string_t}, {@code integer_t}, ...), and optional regex and range. */
    public record Type(String name, String base, Pattern regex, long[] range, Integer maxLength) {
    }

    /** A class or object: its attributes and constraints ({@code at_least_one}, {@code just_one}). */
    public record Shape(String name, Map<String, Attribute> attributes, Map<String, List<String>> constraints) {
    }

    private final String schemaVersion;
    private final Map<String, Type> types;
    private final Map<String, Shape> classes;
    private final Map<String, Shape> objects;
    private final Map<String, Integer> classUids;

    private OcsfSchema(String schemaVersion, Map<String, Type> types, Map<String, Shape> classes,
                       Map<String, Shape> objects, Map<String, Integer> classUids) {
        this.schemaVersion = schemaVersion;
        this.types = types;
        this.classes = classes;
        this.objects = objects;
        this.classUids = classUids;
    }

    /** The facts bundled with Sluice. */
    public static OcsfSchema bundled() {
        return Holder.BUNDLED;
    }

    private static final class Holder {
        static final OcsfSchema BUNDLED = load();
    }

    private static OcsfSchema load() {
        try (InputStream in = OcsfSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return parse(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static OcsfSchema parse(JsonNode root) {
        Map<String, Type> types = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("types").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode t = e.getValue();
            long[] range = null;
            if (t.has("range")) {
                range = new long[] {t.get("range").get(0).asLong(), t.get("range").get(1).asLong()};
            }
            types.put(e.getKey(), new Type(e.getKey(), t.path("base").asText(e.getKey()),
                    t.has("regex") ? Pattern.compile(t.get("regex").asText()) : null, range,
                    t.has("max_len") ? t.get("max_len").asInt() : null));
        }
        Map<String, Shape> classes = new LinkedHashMap<>();
        Map<String, Integer> uids = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("classes").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            classes.put(e.getKey(), shape(e.getKey(), e.getValue()));
            uids.put(e.getKey(), e.getValue().path("uid").asInt());
        }
        Map<String, Shape> objects = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("objects").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            objects.put(e.getKey(), shape(e.getKey(), e.getValue()));
        }
        return new OcsfSchema(root.path("schema_version").asText(), types, classes, objects, uids);
    }

    private static Shape shape(String name, JsonNode node) {
        Map<String, Attribute> attributes = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.path("attributes").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode a = e.getValue();
            Map<Long, String> enumCaptions = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> en = a.path("enum").fields(); en.hasNext(); ) {
                Map.Entry<String, JsonNode> v = en.next();
                enumCaptions.put(Long.parseLong(v.getKey()), v.getValue().asText());
            }
            attributes.put(e.getKey(), new Attribute(e.getKey(), a.path("type").asText(), a.path("is_array").asBoolean(),
                    Requirement.valueOf(a.path("requirement").asText("optional").toUpperCase(java.util.Locale.ROOT)),
                    enumCaptions, a.has("profile") ? a.get("profile").asText() : null,
                    a.has("sibling") ? a.get("sibling").asText() : null));
        }
        Map<String, List<String>> constraints = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.path("constraints").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            List<String> names = new java.util.ArrayList<>();
            e.getValue().forEach(n -> names.add(n.asText()));
            constraints.put(e.getKey(), List.copyOf(names));
        }
        return new Shape(name, Collections.unmodifiableMap(attributes), Collections.unmodifiableMap(constraints));
    }

    /** The OCSF schema version the facts were derived from. */
    public String schemaVersion() {
        return schemaVersion;
    }

    public Optional<Shape> eventClass(String name) {
        return Optional.ofNullable(classes.get(name));
    }

    public Optional<Integer> classUid(String name) {
        return Optional.ofNullable(classUids.get(name));
    }

    public Optional<Shape> object(String name) {
        return Optional.ofNullable(objects.get(name));
    }

    public Optional<Type> type(String name) {
        return Optional.ofNullable(types.get(name));
    }
}
