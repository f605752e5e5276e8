package dev.sluice.lake.internal;

import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The physical layout of the {@code alerts} table: lake columns plus the OCSF Detection Finding
 * (2004) record as nested columns, the way Amazon Security Lake stores OCSF. The columns are the
 * attributes Sluice's normalizer emits (docs/design/contracts.md); fewer columns write faster. One definition
 * gives the Arrow schema the WAL and the Parquet files use and drives {@link BatchDecoder}.
 *
 * <p>Stored once each: {@code raw_data} (OCSF {@code raw_data}, the original message) and
 * {@code unmapped} (OCSF {@code unmapped}, string → string) are top-level columns and are left out
 * of the {@code ocsf} struct. An attribute the struct does not declare (or a value of another
 * JSON type) is kept in {@code ocsf_extra}: its dotted path → its JSON text. Nothing is dropped.
 */
public final class OcsfColumns {

  private OcsfColumns() {}

  /** A node of the OCSF column tree. */
  public sealed interface Node permits Leaf, Struct, ListOf {
    String name();
  }

  /** Kinds of leaf values and the JSON they accept. */
  public enum Kind { STRING, INT, LONG, DOUBLE, BOOLEAN }

  public record Leaf(String name, Kind kind) implements Node {}

  public record Struct(String name, List<Node> children) implements Node {
    public Struct {
      children = List.copyOf(children);
    }
  }

  public record ListOf(String name, Node element) implements Node {}

  private static Leaf s(String name) {
    return new Leaf(name, Kind.STRING);
  }

  private static Leaf i(String name) {
    return new Leaf(name, Kind.INT);
  }

  private static Leaf l(String name) {
    return new Leaf(name, Kind.LONG);
  }

  private static Struct struct(String name, Node... children) {
    return new Struct(name, List.of(children));
  }

  private static ListOf list(String name, Node element) {
    return new ListOf(name, element);
  }

  private static Struct endpoint(String name) {
    return struct(name, s("hostname"), s("ip"), i("port"), s("mac"), i("network_scope_id"), s("network_scope"));
  }

  private static Struct mitre(String name) {
    return struct(name, s("uid"), s("name"));
  }

  /** The OCSF record without {@code raw_data} and {@code unmapped}. */
  public static final Struct OCSF = struct("ocsf",
      i("activity_id"), s("activity_name"), i("category_uid"), s("category_name"), i("class_uid"),
      s("class_name"), l("type_uid"), s("type_name"), i("severity_id"), s("severity"), i("status_id"),
      s("status"), l("time"), l("start_time"), l("end_time"), i("timezone_offset"), s("message"),
      new Leaf("is_alert", Kind.BOOLEAN), i("risk_score"), i("risk_level_id"), s("risk_level"),
      struct("metadata", s("version"), struct("product", s("vendor_name"), s("name"), s("version")),
          s("correlation_uid"), s("event_code"), s("log_name"), s("original_time"), l("logged_time"),
          s("tenant_uid"), list("profiles", s("item"))),
      struct("finding_info", s("uid"), s("title"), s("desc"), s("src_url"), list("types", s("item")),
          struct("analytic", s("uid"), s("name"), i("type_id"), s("type"), s("category")),
          list("attacks", struct("item", mitre("tactic"), mitre("technique"), mitre("sub_technique"), s("version"))),
          l("created_time"), l("first_seen_time"), l("last_seen_time"),
          list("related_events", struct("item", s("uid"), s("title"))),
          i("related_events_count")),
      struct("device", i("type_id"), s("type"), s("hostname"), s("ip"), s("mac"), s("name"), s("uid")),
      list("resources", struct("item", s("type"), s("name"), s("hostname"), s("ip"), i("role_id"), s("role"))),
      list("evidences", struct("item", endpoint("src_endpoint"), endpoint("dst_endpoint"),
          struct("connection_info", i("direction_id"), s("direction")))),
      list("observables", struct("item", s("name"), i("type_id"), s("type"), s("value"))),
      l("raw_data_size"));

  /** Top-level column names, in file order. */
  public static final List<String> LAKE_COLUMNS = List.of("tenant", "day", "event_id", "integration_id",
      "receive_time", "sender_hostname", "sender_address", "alert_kind", "test_alert", "raw_data");

  /** The Arrow schema of an encoded batch (and of the WAL). */
  public static final Schema ARROW_SCHEMA = new Schema(List.of(
      utf8("tenant", false), new Field("day", FieldType.notNullable(new ArrowType.Date(DateUnit.DAY)), null),
      utf8("event_id", false), utf8("integration_id", false),
      new Field("receive_time", FieldType.notNullable(new ArrowType.Timestamp(TimeUnit.MILLISECOND, null)), null),
      utf8("sender_hostname", true), utf8("sender_address", true), utf8("alert_kind", true),
      new Field("test_alert", FieldType.notNullable(ArrowType.Bool.INSTANCE), null),
      utf8("raw_data", true), field(OCSF), stringMap("unmapped"), stringMap("ocsf_extra")));

  static Field field(Node node) {
    if (node instanceof Leaf leaf) {
      return new Field(leaf.name(), FieldType.nullable(arrowType(leaf.kind())), null);
    }
    if (node instanceof Struct struct) {
      return new Field(struct.name(), FieldType.nullable(ArrowType.Struct.INSTANCE),
          struct.children().stream().map(OcsfColumns::field).toList());
    }
    ListOf list = (ListOf) node;
    return new Field(list.name(), FieldType.nullable(ArrowType.List.INSTANCE), List.of(field(list.element())));
  }

  private static ArrowType arrowType(Kind kind) {
    return switch (kind) {
      case STRING -> ArrowType.Utf8.INSTANCE;
      case INT -> new ArrowType.Int(32, true);
      case LONG -> new ArrowType.Int(64, true);
      case DOUBLE -> new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
      case BOOLEAN -> ArrowType.Bool.INSTANCE;
    };
  }

  private static Field utf8(String name, boolean nullable) {
    return new Field(name, nullable ? FieldType.nullable(ArrowType.Utf8.INSTANCE)
        : FieldType.notNullable(ArrowType.Utf8.INSTANCE), null);
  }

  private static Field stringMap(String name) {
    Field entries = new Field("entries", FieldType.notNullable(ArrowType.Struct.INSTANCE),
        List.of(utf8("key", false), utf8("value", true)));
    return new Field(name, FieldType.nullable(new ArrowType.Map(false)), List.of(entries));
  }

  /**
   * Analyst columns stored in the Parquet files next to the record (computed by DuckDB when a WAL
   * segment is converted): the ones taken from the first element of a list, which a query could
   * otherwise only get by reading the whole list column of every row.
   */
  static final List<String> STORED_ANALYST_COLUMNS = List.of(
      "ocsf.finding_info.types[1] AS category",
      "ocsf.finding_info.attacks[1].technique.uid AS mitre_technique",
      "ocsf.evidences[1].dst_endpoint.ip AS peer_ip",
      "ocsf.evidences[1].dst_endpoint.network_scope AS peer_scope",
      "ocsf.evidences[1].connection_info.direction AS direction");

  /** The columns of a Parquet file from the columns of an Arrow batch, as a DuckDB select list. */
  static final String PARQUET_SELECT = "*, " + String.join(", ", STORED_ANALYST_COLUMNS);

  /**
   * Options of every Parquet file the lake writes: zstd, and format version 2 (delta encodings:
   * sorted times and similar strings take a fraction of the space).
   */
  public static final String PARQUET_OPTIONS = "FORMAT parquet, COMPRESSION zstd, PARQUET_VERSION V2";

  /**
   * Options of the files converted from WAL segments: row groups of 20,000 rows instead of
   * DuckDB's 122,880, which keeps the writer's buffers small (a segment of 100,000 events converted
   * with less CPU, docs/benchmarks.md §4); compaction rewrites small files with larger row groups.
   * A string column whose dictionary page would pass 8 KiB is written without a dictionary: the
   * nearly unique columns (addresses, ids, raw messages) then skip the dictionary work.
   */
  public static final String CONVERSION_OPTIONS = PARQUET_OPTIONS
      + ", ROW_GROUP_SIZE 20000, STRING_DICTIONARY_PAGE_SIZE_LIMIT 8192";

  /** Names of the attributes kept as top-level columns instead of inside {@code ocsf}. */
  static final Map<String, String> HOISTED = Map.of("raw_data", "raw_data", "unmapped", "unmapped");
}
