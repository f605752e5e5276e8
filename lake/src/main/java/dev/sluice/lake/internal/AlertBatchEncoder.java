package dev.sluice.lake.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.wire.ingest.IngestEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.TimeStampMilliVector;
import org.apache.arrow.vector.ValueVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.MapVector;
import org.apache.arrow.vector.complex.StructVector;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;

/**
 * Turns validated events into one Arrow record batch laid out as {@link OcsfColumns}, serialized
 * as an Arrow IPC stream (schema, one batch, end marker). Values that do not fit the declared
 * column go to {@code ocsf_extra} under their dotted path; nothing of a record is dropped.
 */
public final class AlertBatchEncoder {

  /** One row to encode. */
  public record Row(String tenant, String integrationId, IngestEvent event, int epochDay) {}

  private final BufferAllocator allocator;

  public AlertBatchEncoder(BufferAllocator allocator) {
    this.allocator = allocator;
  }

  /** The rows as an Arrow IPC stream. */
  public byte[] encode(List<Row> rows) {
    try (VectorSchemaRoot root = VectorSchemaRoot.create(OcsfColumns.ARROW_SCHEMA, allocator)) {
      fill(root, rows);
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(rows.size() * 2048 + 65536);
      try (ArrowStreamWriter writer = new ArrowStreamWriter(root, null, Channels.newChannel(bytes))) {
        writer.start();
        writer.writeBatch();
        writer.end();
      }
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void fill(VectorSchemaRoot root, List<Row> rows) {
    VarCharVector tenant = (VarCharVector) root.getVector("tenant");
    DateDayVector day = (DateDayVector) root.getVector("day");
    VarCharVector eventId = (VarCharVector) root.getVector("event_id");
    VarCharVector integration = (VarCharVector) root.getVector("integration_id");
    TimeStampMilliVector receiveTime = (TimeStampMilliVector) root.getVector("receive_time");
    VarCharVector senderHost = (VarCharVector) root.getVector("sender_hostname");
    VarCharVector senderAddress = (VarCharVector) root.getVector("sender_address");
    VarCharVector alertKind = (VarCharVector) root.getVector("alert_kind");
    BitVector testAlert = (BitVector) root.getVector("test_alert");
    VarCharVector rawData = (VarCharVector) root.getVector("raw_data");
    MapVector unmapped = (MapVector) root.getVector("unmapped");
    MapVector extra = (MapVector) root.getVector("ocsf_extra");
    Writer ocsf = writerFor(OcsfColumns.OCSF, root.getVector("ocsf"));
    root.allocateNew();
    Map<String, String> overflow = new TreeMap<>();
    for (int r = 0; r < rows.size(); r++) {
      Row row = rows.get(r);
      IngestEvent e = row.event();
      setString(tenant, r, row.tenant());
      day.setSafe(r, row.epochDay());
      setString(eventId, r, e.eventId());
      setString(integration, r, row.integrationId());
      receiveTime.setSafe(r, e.receiveTime());
      setString(senderHost, r, e.sender().hostname());
      setString(senderAddress, r, e.sender().address());
      setString(alertKind, r, e.alertKind());
      testAlert.setSafe(r, e.testAlert() ? 1 : 0);
      JsonNode record = e.ocsf();
      JsonNode raw = record.get("raw_data");
      if (raw != null && raw.isTextual()) {
        setString(rawData, r, raw.textValue());
      } else {
        rawData.setNull(r);
        if (raw != null && !raw.isNull()) {
          overflow.put("raw_data", raw.toString());
        }
      }
      writeStringMap(unmapped, r, record.get("unmapped"), "unmapped", overflow);
      ocsf.write(r, record, "", "", overflow);
      writeMap(extra, r, overflow);
      overflow.clear();
    }
    root.setRowCount(rows.size());
  }

  private static void setString(VarCharVector vector, int index, String value) {
    if (value == null) {
      vector.setNull(index);
    } else {
      vector.setSafe(index, value.getBytes(StandardCharsets.UTF_8));
    }
  }

  private static void writeStringMap(MapVector map, int row, JsonNode value, String path,
      Map<String, String> overflow) {
    if (value == null || value.isNull()) {
      map.setNull(row);
      return;
    }
    if (!value.isObject()) {
      map.setNull(row);
      overflow.put(path, value.toString());
      return;
    }
    Map<String, String> entries = new TreeMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      JsonNode v = field.getValue();
      if (v.isTextual() || v.isNull()) {
        entries.put(field.getKey(), v.isNull() ? null : v.textValue());
      } else {
        overflow.put(path + "." + field.getKey(), v.toString());
      }
    }
    writeMap(map, row, entries);
  }

  private static void writeMap(MapVector map, int row, Map<String, String> entries) {
    if (entries.isEmpty()) {
      map.setNull(row);
      return;
    }
    StructVector struct = (StructVector) map.getDataVector();
    VarCharVector keys = (VarCharVector) struct.getChild("key");
    VarCharVector values = (VarCharVector) struct.getChild("value");
    int start = map.startNewValue(row);
    int i = start;
    for (Map.Entry<String, String> entry : entries.entrySet()) {
      struct.setIndexDefined(i);
      setString(keys, i, entry.getKey());
      setString(values, i, entry.getValue());
      i++;
    }
    map.endValue(row, entries.size());
  }

  /** Writes a JSON value at a vector index, sending what does not fit to the overflow map. */
  private interface Writer {
    /** Writes {@code value} (null: absent) found at {@code parent}.{@code name}; paths are built only for overflow. */
    void write(int index, JsonNode value, String parent, String name, Map<String, String> overflow);
  }

  private static String join(String parent, String name) {
    return parent.isEmpty() ? name : parent + "." + name;
  }

  private static Writer writerFor(OcsfColumns.Node node, ValueVector vector) {
    if (node instanceof OcsfColumns.Leaf leaf) {
      return leafWriter(leaf.kind(), vector);
    }
    if (node instanceof OcsfColumns.Struct struct) {
      return structWriter(struct, (StructVector) vector);
    }
    OcsfColumns.ListOf list = (OcsfColumns.ListOf) node;
    ListVector listVector = (ListVector) vector;
    Writer element = writerFor(list.element(), listVector.getDataVector());
    return (index, value, parent, name, overflow) -> {
      if (value == null || value.isNull()) {
        listVector.setNull(index);
        return;
      }
      if (!value.isArray()) {
        listVector.setNull(index);
        overflow.put(join(parent, name), value.toString());
        return;
      }
      int start = listVector.startNewValue(index);
      for (int i = 0; i < value.size(); i++) {
        element.write(start + i, value.get(i), join(parent, name), "[" + i + "]", overflow);
      }
      listVector.endValue(index, value.size());
    };
  }

  private static Writer structWriter(OcsfColumns.Struct struct, StructVector vector) {
    List<String> names = new ArrayList<>();
    List<Writer> children = new ArrayList<>();
    for (OcsfColumns.Node child : struct.children()) {
      names.add(child.name());
      children.add(writerFor(child, vector.getChild(child.name())));
    }
    java.util.Set<String> known = new java.util.HashSet<>(names);
    boolean top = struct == OcsfColumns.OCSF;
    return (index, value, parent, name, overflow) -> {
      if (value == null || value.isNull()) {
        vector.setNull(index);
        return;
      }
      if (!value.isObject()) {
        vector.setNull(index);
        overflow.put(join(parent, name), value.toString());
        return;
      }
      String path = top ? "" : name.startsWith("[") ? parent + name : join(parent, name);
      vector.setIndexDefined(index);
      int present = 0;
      for (int c = 0; c < children.size(); c++) {
        JsonNode child = value.get(names.get(c));
        if (child != null) {
          present++;
          children.get(c).write(index, child, path, names.get(c), overflow);
        } else {
          children.get(c).write(index, null, path, names.get(c), overflow);
        }
      }
      if (top) {
        present += (value.has("raw_data") ? 1 : 0) + (value.has("unmapped") ? 1 : 0);
      }
      if (present < value.size()) {
        for (Iterator<String> it = value.fieldNames(); it.hasNext(); ) {
          String field = it.next();
          if (!known.contains(field) && !(top && OcsfColumns.HOISTED.containsKey(field))) {
            overflow.put(join(path, field), value.get(field).toString());
          }
        }
      }
    };
  }

  private static Writer leafWriter(OcsfColumns.Kind kind, ValueVector vector) {
    return switch (kind) {
      case STRING -> (index, value, parent, name, overflow) -> {
        VarCharVector v = (VarCharVector) vector;
        if (value != null && value.isTextual()) {
          v.setSafe(index, value.textValue().getBytes(StandardCharsets.UTF_8));
        } else {
          nullOrOverflow(v, index, value, parent, name, overflow);
        }
      };
      case INT -> (index, value, parent, name, overflow) -> {
        IntVector v = (IntVector) vector;
        if (value != null && value.isIntegralNumber() && value.canConvertToInt()) {
          v.setSafe(index, value.intValue());
        } else {
          nullOrOverflow(v, index, value, parent, name, overflow);
        }
      };
      case LONG -> (index, value, parent, name, overflow) -> {
        BigIntVector v = (BigIntVector) vector;
        if (value != null && value.isIntegralNumber() && value.canConvertToLong()) {
          v.setSafe(index, value.longValue());
        } else {
          nullOrOverflow(v, index, value, parent, name, overflow);
        }
      };
      case DOUBLE -> (index, value, parent, name, overflow) -> {
        Float8Vector v = (Float8Vector) vector;
        if (value != null && value.isNumber()) {
          v.setSafe(index, value.doubleValue());
        } else {
          nullOrOverflow(v, index, value, parent, name, overflow);
        }
      };
      case BOOLEAN -> (index, value, parent, name, overflow) -> {
        BitVector v = (BitVector) vector;
        if (value != null && value.isBoolean()) {
          v.setSafe(index, value.booleanValue() ? 1 : 0);
        } else {
          nullOrOverflow(v, index, value, parent, name, overflow);
        }
      };
    };
  }

  private static void nullOrOverflow(FieldVector vector, int index, JsonNode value, String parent, String name,
      Map<String, String> overflow) {
    if (vector instanceof VarCharVector varChar) {
      varChar.setNull(index);
    } else if (vector instanceof BitVector bit) {
      bit.setNull(index);
    } else if (vector instanceof IntVector ints) {
      ints.setNull(index);
    } else if (vector instanceof BigIntVector longs) {
      longs.setNull(index);
    } else if (vector instanceof Float8Vector doubles) {
      doubles.setNull(index);
    }
    if (value != null && !value.isNull()) {
      overflow.put(name.startsWith("[") ? parent + name : join(parent, name), value.toString());
    }
  }
}
