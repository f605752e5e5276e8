package dev.sluice.ocsf;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks an OCSF JSON record against the {@link OcsfSchema} facts: required attributes present,
 * no attribute the class or object does not declare, JSON types matching the declared OCSF types
 * (including regex, range and length of derived types such as {@code ip_t} and {@code port_t}),
 * enum values known, sibling captions matching their enum value (unless the value is 99 Other),
 * profile attributes only when the profile is listed in {@code metadata.profiles}, object
 * constraints ({@code at_least_one}, {@code just_one}) and {@code type_uid = class_uid * 100 + activity_id}.
 */
public final class OcsfValidator {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final long OTHER = 99;

    /** Stable codes for what is wrong. */
    public enum Code {
        MISSING_REQUIRED, UNKNOWN_ATTRIBUTE, WRONG_TYPE, UNKNOWN_ENUM_VALUE, CAPTION_MISMATCH,
        PROFILE_NOT_DECLARED, CONSTRAINT_VIOLATED, TYPE_UID_MISMATCH, NOT_JSON
    }

    /** One problem, at a JSON path such as {@code finding_info.attacks[0].technique}. */
    public record Violation(String path, Code code, String detail) {
        @Override
        public String toString() {
            return code + " at " + path + ": " + detail;
        }
    }

    private final OcsfSchema schema;
    private final String className;

    private OcsfValidator(OcsfSchema schema, String className) {
        this.schema = schema;
        this.className = className;
        if (schema.eventClass(className).isEmpty()) {
            throw new IllegalArgumentException("no facts for class " + className);
        }
    }

    /** A validator for Detection Finding (2004) against the bundled facts. */
    public static OcsfValidator detectionFinding() {
        return new OcsfValidator(OcsfSchema.bundled(), "detection_finding");
    }

    public List<Violation> validate(String json) {
        try {
            return validate(MAPPER.readTree(json));
        } catch (JsonProcessingException e) {
            return List.of(new Violation("", Code.NOT_JSON, e.getOriginalMessage()));
        }
    }

    public List<Violation> validate(JsonNode record) {
        List<Violation> out = new ArrayList<>();
        if (record == null || !record.isObject()) {
            out.add(new Violation("", Code.WRONG_TYPE, "a record is a JSON object"));
            return out;
        }
        Set<String> profiles = new HashSet<>();
        record.path("metadata").path("profiles").forEach(p -> profiles.add(p.asText()));
        OcsfSchema.Shape shape = schema.eventClass(className).orElseThrow();
        checkShape(shape, record, "", profiles, out);
        JsonNode typeUid = record.get("type_uid");
        JsonNode classUid = record.get("class_uid");
        JsonNode activityId = record.get("activity_id");
        if (typeUid != null && classUid != null && activityId != null && typeUid.isIntegralNumber()
                && classUid.isIntegralNumber() && activityId.isIntegralNumber()
                && typeUid.asLong() != classUid.asLong() * 100 + activityId.asLong()) {
            out.add(new Violation("type_uid", Code.TYPE_UID_MISMATCH,
                    typeUid.asLong() + " != class_uid * 100 + activity_id"));
        }
        return out;
    }

    private void checkShape(OcsfSchema.Shape shape, JsonNode node, String path, Set<String> profiles, List<Violation> out) {
        Map<String, OcsfSchema.Attribute> attributes = shape.attributes();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String childPath = join(path, field.getKey());
            OcsfSchema.Attribute attribute = attributes.get(field.getKey());
            if (attribute == null) {
                out.add(new Violation(childPath, Code.UNKNOWN_ATTRIBUTE, shape.name() + " has no attribute " + field.getKey()));
                continue;
            }
            if (attribute.profile() != null && !profiles.contains(attribute.profile())) {
                out.add(new Violation(childPath, Code.PROFILE_NOT_DECLARED,
                        "needs profile " + attribute.profile() + " in metadata.profiles"));
            }
            checkAttribute(attribute, field.getValue(), childPath, profiles, out);
            if (attribute.sibling() != null && !attribute.enumCaptions().isEmpty() && field.getValue().isIntegralNumber()) {
                checkCaption(attribute, field.getValue().asLong(), node.get(attribute.sibling()), join(path, attribute.sibling()), out);
            }
        }
        for (OcsfSchema.Attribute attribute : attributes.values()) {
            if (attribute.requirement() == OcsfSchema.Requirement.REQUIRED && node.get(attribute.name()) == null
                    && (attribute.profile() == null || profiles.contains(attribute.profile()))) {
                out.add(new Violation(join(path, attribute.name()), Code.MISSING_REQUIRED, shape.name() + " requires it"));
            }
        }
        for (Map.Entry<String, List<String>> constraint : shape.constraints().entrySet()) {
            long present = constraint.getValue().stream().filter(n -> node.get(n) != null && !node.get(n).isNull()).count();
            boolean ok = switch (constraint.getKey()) {
                case "at_least_one" -> present >= 1;
                case "just_one" -> present == 1;
                default -> true;
            };
            if (!ok) {
                out.add(new Violation(path, Code.CONSTRAINT_VIOLATED, constraint.getKey() + " of " + constraint.getValue()));
            }
        }
    }

    private void checkCaption(OcsfSchema.Attribute attribute, long id, JsonNode sibling, String siblingPath, List<Violation> out) {
        String caption = attribute.enumCaptions().get(id);
        if (caption == null || id == OTHER || sibling == null) {
            return;
        }
        if (!sibling.isTextual() || !sibling.asText().equals(caption)) {
            out.add(new Violation(siblingPath, Code.CAPTION_MISMATCH, "expected \"" + caption + "\" for " + attribute.name() + "=" + id));
        }
    }

    private void checkAttribute(OcsfSchema.Attribute attribute, JsonNode value, String path, Set<String> profiles, List<Violation> out) {
        if (attribute.isArray()) {
            if (!value.isArray()) {
                out.add(new Violation(path, Code.WRONG_TYPE, "expected an array of " + attribute.type()));
                return;
            }
            for (int i = 0; i < value.size(); i++) {
                checkValue(attribute, value.get(i), path + "[" + i + "]", profiles, out);
            }
        } else {
            checkValue(attribute, value, path, profiles, out);
        }
    }

    private void checkValue(OcsfSchema.Attribute attribute, JsonNode value, String path, Set<String> profiles, List<Violation> out) {
        String typeName = attribute.type();
        if ("object".equals(typeName)) {
            if (!value.isObject()) {
                out.add(new Violation(path, Code.WRONG_TYPE, "expected a JSON object"));
            }
            return;
        }
        var object = schema.object(typeName);
        if (object.isPresent()) {
            if (!value.isObject()) {
                out.add(new Violation(path, Code.WRONG_TYPE, "expected object " + typeName));
                return;
            }
            checkShape(object.get(), value, path, profiles, out);
            return;
        }
        var type = schema.type(typeName);
        if (type.isEmpty()) {
            out.add(new Violation(path, Code.WRONG_TYPE, "type " + typeName + " is not among the derived facts"));
            return;
        }
        OcsfSchema.Type t = type.get();
        if (!baseTypeMatches(t.base(), value)) {
            out.add(new Violation(path, Code.WRONG_TYPE, "expected " + typeName + " (" + t.base() + "), got " + value.getNodeType()));
            return;
        }
        if (t.regex() != null && !t.regex().matcher(value.asText()).find()) {
            out.add(new Violation(path, Code.WRONG_TYPE, "does not match the " + typeName + " pattern: " + value.asText()));
        }
        if (t.maxLength() != null && value.isTextual() && value.asText().length() > t.maxLength()) {
            out.add(new Violation(path, Code.WRONG_TYPE, "longer than " + t.maxLength()));
        }
        if (t.range() != null && value.isIntegralNumber() && (value.asLong() < t.range()[0] || value.asLong() > t.range()[1])) {
            out.add(new Violation(path, Code.WRONG_TYPE, "outside " + t.range()[0] + ".." + t.range()[1]));
        }
        if (!attribute.enumCaptions().isEmpty() && value.isIntegralNumber() && !attribute.enumCaptions().containsKey(value.asLong())) {
            out.add(new Violation(path, Code.UNKNOWN_ENUM_VALUE, value.asLong() + " is not one of " + attribute.enumCaptions().keySet()));
        }
    }

    private static boolean baseTypeMatches(String base, JsonNode value) {
        return switch (base) {
            case "string_t" -> value.isTextual();
            case "integer_t" -> value.isIntegralNumber() && value.canConvertToInt();
            case "long_t" -> value.isIntegralNumber() && value.canConvertToLong();
            case "float_t" -> value.isNumber();
            case "boolean_t" -> value.isBoolean();
            case "json_t" -> true;
            default -> false;
        };
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
