package dev.sluice.lake.internal;

import dev.sluice.ocsf.OcsfSchema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The {@link OcsfSchema} facts of one class compiled once into lookup structures for
 * {@link BatchDecoder}, which checks a record while it reads its JSON tokens: per class or object
 * an attribute table (name → rule, with an index for "seen" bits), the required attributes, the
 * enum values and sibling captions, the constraints; per data type its base JSON type and the
 * regex, length and range to check. The checks are those of {@code dev.sluice.ocsf.OcsfValidator}
 * (the same facts, the same violation codes); only the order of violations within one record can
 * differ (profile checks come at the end of the record).
 */
final class OcsfRules {

  /** Base JSON types of OCSF data types. */
  enum Base { STRING, INTEGER, LONG, FLOAT, BOOLEAN, JSON }

  /** A scalar data type. {@code ipv4Fast}: plain dotted IPv4 is accepted without the regex. */
  record TypeRule(String name, String baseName, Base base, Pattern regex, Integer maxLength, long[] range,
      boolean ipv4Fast) {}

  /** What an attribute's value is. */
  enum ValueKind { SHAPE, ANY_OBJECT, SCALAR, UNKNOWN_TYPE }

  /** One attribute of a class or object. */
  static final class AttrRule {
    final String name;
    final int index;
    final String typeName;
    final boolean isArray;
    final boolean required;
    final String profile;
    final Map<Long, String> enumCaptions;
    /** The enum values, sorted (empty: not an enum), for a lookup without boxing. */
    final long[] enumValues;
    /** The caption of each of {@link #enumValues}, same order. */
    final String[] enumTexts;
    final ValueKind kind;
    ShapeRule shape;
    TypeRule type;
    /** Index of the attribute holding this enum's caption, or -1. */
    int captionIndex = -1;
    /** Whether another attribute's caption is this attribute's value (its text is remembered). */
    boolean isCaption;

    AttrRule(OcsfSchema.Attribute attribute, int index, ValueKind kind) {
      this.name = attribute.name().intern();
      this.index = index;
      this.typeName = attribute.type();
      this.isArray = attribute.isArray();
      this.required = attribute.requirement() == OcsfSchema.Requirement.REQUIRED;
      this.profile = attribute.profile();
      this.enumCaptions = attribute.enumCaptions();
      this.enumValues = enumCaptions.keySet().stream().mapToLong(Long::longValue).sorted().toArray();
      this.enumTexts = new String[enumValues.length];
      for (int i = 0; i < enumValues.length; i++) {
        enumTexts[i] = enumCaptions.get(enumValues[i]);
      }
      this.kind = kind;
    }
  }

  /** Whether {@code value} is one of the attribute's enum values. */
  static boolean isEnumValue(AttrRule attr, long value) {
    return java.util.Arrays.binarySearch(attr.enumValues, value) >= 0;
  }

  /** The caption of enum value {@code value}, or null. */
  static String enumCaption(AttrRule attr, long value) {
    int i = java.util.Arrays.binarySearch(attr.enumValues, value);
    return i < 0 ? null : attr.enumTexts[i];
  }

  /** A class or object: its attributes by name and index, required ones and constraints. */
  static final class ShapeRule {
    final String name;
    /** Dense number of this shape among the class's shapes (0 … {@link #shapeCount()} - 1). */
    final int id;
    final Map<String, AttrRule> byName = new HashMap<>();
    AttrRule[] attributes;
    AttrRule[] requiredAttributes;
    /** Attributes with an enum caption sibling. */
    AttrRule[] withCaption;
    Constraint[] constraints;

    ShapeRule(String name, int id) {
      this.name = name;
      this.id = id;
    }
  }

  /** {@code at_least_one} or {@code just_one} of some attributes (by index; -1: not declared). */
  record Constraint(String kind, List<String> names, int[] indexes) {}

  private final OcsfSchema schema;
  private final Map<String, ShapeRule> shapes = new HashMap<>();
  private final Map<String, TypeRule> types = new HashMap<>();
  final ShapeRule root;

  private OcsfRules(OcsfSchema schema, String className) {
    this.schema = schema;
    this.root = compile(schema.eventClass(className)
        .orElseThrow(() -> new IllegalArgumentException("no facts for class " + className)));
  }

  /** How many shapes (the class and the objects it reaches) there are; {@link ShapeRule#id} is below. */
  int shapeCount() {
    return shapes.size();
  }

  /** Rules for Detection Finding (2004) from the bundled facts. */
  static OcsfRules detectionFinding() {
    return Holder.DETECTION_FINDING;
  }

  private static final class Holder {
    static final OcsfRules DETECTION_FINDING = new OcsfRules(OcsfSchema.bundled(), "detection_finding");
  }

  private ShapeRule compile(OcsfSchema.Shape shape) {
    ShapeRule rule = new ShapeRule(shape.name(), shapes.size());
    shapes.put(shape.name(), rule);
    List<AttrRule> all = new ArrayList<>();
    for (OcsfSchema.Attribute attribute : shape.attributes().values()) {
      AttrRule attr;
      if ("object".equals(attribute.type())) {
        attr = new AttrRule(attribute, all.size(), ValueKind.ANY_OBJECT);
      } else if (schema.object(attribute.type()).isPresent()) {
        attr = new AttrRule(attribute, all.size(), ValueKind.SHAPE);
        ShapeRule known = shapes.get(attribute.type());
        attr.shape = known != null ? known : compile(schema.object(attribute.type()).get());
      } else if (schema.type(attribute.type()).isPresent()) {
        attr = new AttrRule(attribute, all.size(), ValueKind.SCALAR);
        attr.type = types.computeIfAbsent(attribute.type(), n -> typeRule(schema.type(n).get()));
      } else {
        attr = new AttrRule(attribute, all.size(), ValueKind.UNKNOWN_TYPE);
      }
      all.add(attr);
      rule.byName.put(attr.name, attr);
    }
    List<AttrRule> withCaption = new ArrayList<>();
    for (OcsfSchema.Attribute attribute : shape.attributes().values()) {
      AttrRule attr = rule.byName.get(attribute.name());
      if (attribute.sibling() != null && !attribute.enumCaptions().isEmpty()) {
        AttrRule caption = rule.byName.get(attribute.sibling());
        attr.captionIndex = caption == null ? -1 : caption.index;
        if (caption != null) {
          caption.isCaption = true;
          withCaption.add(attr);
        }
      }
    }
    rule.attributes = all.toArray(new AttrRule[0]);
    rule.requiredAttributes = all.stream().filter(a -> a.required).toArray(AttrRule[]::new);
    rule.withCaption = withCaption.toArray(new AttrRule[0]);
    List<Constraint> constraints = new ArrayList<>();
    for (Map.Entry<String, List<String>> c : shape.constraints().entrySet()) {
      int[] indexes = c.getValue().stream().mapToInt(n -> rule.byName.containsKey(n) ? rule.byName.get(n).index : -1)
          .toArray();
      constraints.add(new Constraint(c.getKey(), c.getValue(), indexes));
    }
    rule.constraints = constraints.toArray(new Constraint[0]);
    return rule;
  }

  private static TypeRule typeRule(OcsfSchema.Type type) {
    Base base = switch (type.base()) {
      case "string_t" -> Base.STRING;
      case "integer_t" -> Base.INTEGER;
      case "long_t" -> Base.LONG;
      case "float_t" -> Base.FLOAT;
      case "boolean_t" -> Base.BOOLEAN;
      case "json_t" -> Base.JSON;
      default -> null;
    };
    return new TypeRule(type.name(), type.base(), base, type.regex(), type.maxLength(), type.range(), "ip_t".equals(type.name()));
  }

  /**
   * Whether {@code text} is plain dotted-decimal IPv4 ({@code 0}–{@code 255}, no leading zeros):
   * a subset of what the {@code ip_t} regex accepts, checked without it.
   */
  static boolean isPlainIpv4(char[] text, int offset, int count) {
    int length = offset + count;
    int octets = 0;
    int i = offset;
    while (i < length) {
      int start = i;
      int value = 0;
      while (i < length && text[i] >= '0' && text[i] <= '9' && i - start < 3) {
        value = value * 10 + (text[i] - '0');
        i++;
      }
      int digits = i - start;
      if (digits == 0 || value > 255 || (digits > 1 && text[start] == '0')) {
        return false;
      }
      octets++;
      if (i == length) {
        break;
      }
      if (text[i] != '.' || octets == 4) {
        return false;
      }
      i++;
      if (i == length) {
        return false;
      }
    }
    return octets == 4;
  }
}
