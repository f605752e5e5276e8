package dev.sluice.lake.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.github.luben.zstd.ZstdIOException;
import dev.sluice.wire.ingest.EventId;
import dev.sluice.wire.ingest.BoundedInputStream;
import dev.sluice.wire.ingest.ContentEncoding;
import dev.sluice.wire.ingest.IngestCodec;
import dev.sluice.wire.ingest.IngestResponse.EventRejection;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.ZipException;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.TimeStampMilliVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.MapVector;
import org.apache.arrow.vector.complex.StructVector;

/**
 * Reads an ingest batch ({@link IngestCodec}'s JSON, plain or compressed: {@link ContentEncoding}) in one pass over
 * its tokens, straight into Arrow vectors laid out as {@link OcsfColumns}, and decides per event
 * whether the lake stores it, while reading: a well-formed id of the sending appliance, a
 * plausible receive time, and an OCSF Detection Finding valid against the schema facts
 * ({@link OcsfRules}: the checks of {@code dev.sluice.ocsf.OcsfValidator}). No JSON tree is
 * built. A rejected event's row is overwritten by the next event.
 *
 * <p>Rejection codes are stable: {@code EVENT_ID_INVALID}, {@code EVENT_ID_WRONG_APPLIANCE},
 * {@code RECEIVE_TIME_INVALID}, {@code OCSF_MISSING}, {@code OCSF_CLASS_UNSUPPORTED},
 * {@code OCSF_TIME_OUT_OF_RANGE} and {@code OCSF_<violation>} (e.g. {@code OCSF_MISSING_REQUIRED},
 * {@code OCSF_WRONG_TYPE}) for the first schema violation. A body that is not a batch is
 * {@link Result.Malformed} with the codes of {@link IngestCodec.Decoded.Malformed}. Never throws.
 */
public final class BatchDecoder {

  /** Epoch ms of 2000-01-01 and 2200-01-01: event times outside are not alerts from a live system. */
  private static final long MIN_TIME = 946_684_800_000L;
  private static final long MAX_TIME = 7_258_118_400_000L;
  private static final long MS_PER_DAY = 86_400_000L;
  private static final long CLASS_UID = 2004;
  private static final long OTHER = 99;
  private static final int MAX_DEPTH = 64;

  private static final JsonFactory JSON = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH)
          .maxStringLength(IngestCodec.MAX_DECOMPRESSED_BYTES).build())
      .build();

  private final BufferAllocator allocator;
  private final OcsfRules rules = OcsfRules.detectionFinding();
  private final OcsfRules.AttrRule classUidRule = rules.root.byName.get("class_uid");
  private final OcsfRules.AttrRule activityIdRule = rules.root.byName.get("activity_id");
  private final OcsfRules.AttrRule typeUidRule = rules.root.byName.get("type_uid");
  private final OcsfRules.AttrRule timeRule = rules.root.byName.get("time");
  private final OcsfRules.AttrRule profilesRule = rules.root.byName.get("metadata").shape.byName.get("profiles");
  private final int maxAttributes;

  public BatchDecoder(BufferAllocator allocator) {
    this.allocator = allocator;
    Set<OcsfRules.ShapeRule> seen = new HashSet<>();
    this.maxAttributes = maxAttributes(rules.root, seen);
  }

  private static int maxAttributes(OcsfRules.ShapeRule shape, Set<OcsfRules.ShapeRule> seen) {
    if (!seen.add(shape)) {
      return 0;
    }
    int max = shape.attributes.length;
    for (OcsfRules.AttrRule a : shape.attributes) {
      if (a.shape != null) {
        max = Math.max(max, maxAttributes(a.shape, seen));
      }
    }
    return max;
  }

  /** The outcome of reading one body. */
  public sealed interface Result {
    /** A batch: its valid events as Arrow rows, and the rejections. Close it. */
    record Decoded(DecodedBatch batch) implements Result {}

    /** Not a batch; {@code code} as in {@link IngestCodec.Decoded.Malformed}. */
    record Malformed(String code, String message) implements Result {}
  }

  /** A gzip-compressed JSON batch, read to its end (at most {@link IngestCodec#MAX_DECOMPRESSED_BYTES}). */
  public Result decodeGzip(InputStream gzipped, String tenant, String applianceId) {
    return decode(gzipped, ContentEncoding.GZIP, tenant, applianceId);
  }

  /**
   * A JSON batch compressed with {@code encoding}, read to its end (at most
   * {@link IngestCodec#MAX_DECOMPRESSED_BYTES} after decompression).
   */
  public Result decode(InputStream compressed, ContentEncoding encoding, String tenant, String applianceId) {
    try (InputStream in = new BoundedInputStream(encoding.decompressing(compressed), IngestCodec.MAX_DECOMPRESSED_BYTES)) {
      return read(in, tenant, applianceId);
    } catch (ZipException e) {
      return new Result.Malformed("BATCH_NOT_GZIP", "the body is not gzip data: " + e.getMessage());
    } catch (ZstdIOException e) {
      return notZstd(e);
    } catch (IOException e) {
      return new Result.Malformed("BATCH_MALFORMED", "unreadable body: " + e.getMessage());
    }
  }

  private static Result notZstd(ZstdIOException e) {
    return new Result.Malformed("BATCH_NOT_ZSTD", "the body is not zstd data: " + e.getMessage());
  }

  /** A plain JSON batch. */
  public Result decode(InputStream json, String tenant, String applianceId) {
    try (InputStream in = new BoundedInputStream(json, IngestCodec.MAX_DECOMPRESSED_BYTES)) {
      return read(in, tenant, applianceId);
    } catch (IOException e) {
      return new Result.Malformed("BATCH_MALFORMED", "unreadable body: " + e.getMessage());
    }
  }

  private Result read(InputStream in, String tenant, String applianceId) {
    Run run = new Run(tenant, applianceId);
    try (JsonParser parser = JSON.createParser(in)) {
      DecodedBatch batch = run.batch(parser);
      return new Result.Decoded(batch);
    } catch (BoundedInputStream.LimitExceededException e) {
      run.root.close();
      return new Result.Malformed("BATCH_TOO_LARGE",
          "a batch is at most " + IngestCodec.MAX_DECOMPRESSED_BYTES + " bytes after decompression");
    } catch (ZipException e) {
      run.root.close();
      return new Result.Malformed("BATCH_NOT_GZIP", "the body is not gzip data: " + e.getMessage());
    } catch (ZstdIOException e) {
      run.root.close();
      return notZstd(e);
    } catch (NotABatch e) {
      run.root.close();
      return new Result.Malformed(e.code, e.getMessage());
    } catch (JsonProcessingException e) {
      run.root.close();
      return new Result.Malformed("BATCH_MALFORMED", "not a batch: " + e.getOriginalMessage());
    } catch (IOException | RuntimeException e) {
      run.root.close();
      return new Result.Malformed("BATCH_MALFORMED", "unreadable body: " + e.getMessage());
    }
  }

  /** A decoded batch: row {@code i} of {@link #rows()} is the valid event {@code eventIds[i]}. */
  public static final class DecodedBatch implements AutoCloseable {
    private final String batchId;
    private final String integrationId;
    private final String applianceId;
    private final VectorSchemaRoot rows;
    private final String[] eventIds;
    private final long[] offsets;
    private final List<EventRejection> rejections;
    private final int events;

    DecodedBatch(String batchId, String integrationId, String applianceId, VectorSchemaRoot rows, String[] eventIds,
        long[] offsets, List<EventRejection> rejections, int events) {
      this.batchId = batchId;
      this.integrationId = integrationId;
      this.applianceId = applianceId;
      this.rows = rows;
      this.eventIds = eventIds;
      this.offsets = offsets;
      this.rejections = List.copyOf(rejections);
      this.events = events;
    }

    public String batchId() {
      return batchId;
    }

    public String integrationId() {
      return integrationId;
    }

    /** The sending appliance: every valid event's id names it. */
    public String applianceId() {
      return applianceId;
    }

    public VectorSchemaRoot rows() {
      return rows;
    }

    public int validCount() {
      return rows.getRowCount();
    }

    public String eventId(int row) {
      return eventIds[row];
    }

    public long offset(int row) {
      return offsets[row];
    }

    public List<EventRejection> rejections() {
      return rejections;
    }

    /** Events in the batch, valid or not. */
    public int events() {
      return events;
    }

    @Override
    public void close() {
      rows.close();
    }
  }

  /** The state of reading one body; the vectors belong to the batch it returns. */
  private final class Run {
    final String tenant;
    final String applianceId;
    final VectorSchemaRoot root = VectorSchemaRoot.create(OcsfColumns.ARROW_SCHEMA, allocator);
    final VarCharVector tenantVector = (VarCharVector) root.getVector("tenant");
    final DateDayVector day = (DateDayVector) root.getVector("day");
    final VarCharVector eventIdVector = (VarCharVector) root.getVector("event_id");
    final VarCharVector integration = (VarCharVector) root.getVector("integration_id");
    final TimeStampMilliVector receiveTimeVector = (TimeStampMilliVector) root.getVector("receive_time");
    final VarCharVector senderHostVector = (VarCharVector) root.getVector("sender_hostname");
    final VarCharVector senderAddressVector = (VarCharVector) root.getVector("sender_address");
    final VarCharVector alertKindVector = (VarCharVector) root.getVector("alert_kind");
    final BitVector testAlertVector = (BitVector) root.getVector("test_alert");
    final VarCharVector rawData = (VarCharVector) root.getVector("raw_data");
    final ColumnSink.LeafSink rawDataSink = new ColumnSink.LeafSink(OcsfColumns.Kind.STRING, rawData);
    final MapVector unmapped = (MapVector) root.getVector("unmapped");
    final MapVector extra = (MapVector) root.getVector("ocsf_extra");
    final ColumnSink.StructSink ocsf;
    final ColumnSink.Utf8 utf8 = new ColumnSink.Utf8();
    final MapEntries unmappedEntries = new MapEntries();
    final byte[] tenantBytes;

    final List<EventRejection> rejections = new ArrayList<>();
    String[] eventIds = new String[256];
    long[] offsets = new long[256];
    int rows;
    int events;

    // The event being read.
    String eventId;
    long receiveTime;
    String senderHost;
    String senderAddress;
    String alertKind;
    boolean testAlert;
    boolean ocsfObject;
    final List<String[]> violations = new ArrayList<>();
    final Set<String> profiles = new HashSet<>();
    /** Checks that need {@code metadata.profiles}; the first {@link #deferredCount} are this record's. */
    final List<Deferred> deferred = new ArrayList<>();
    int deferredCount;
    final Map<String, String> overflow = new TreeMap<>();
    String classUidText;
    long classUid;
    boolean hasClassUid;
    long activityId;
    boolean hasActivityId;
    long typeUid;
    boolean hasTypeUid;
    long time;
    boolean hasTime;
    boolean rawWritten;
    boolean unmappedWritten;

    // Where in the record: names (null for an array index) and indexes.
    final String[] pathNames = new String[MAX_DEPTH * 2 + 8];
    final int[] pathIndexes = new int[MAX_DEPTH * 2 + 8];
    int pathLength;
    final Frame[] frames = new Frame[MAX_DEPTH + 2];
    final OcsfRules.AttrRule[][] successors = new OcsfRules.AttrRule[rules.shapeCount()][];
    final TextCache captions = new TextCache();

    Run(String tenant, String applianceId) {
      this.tenant = tenant;
      this.applianceId = applianceId;
      this.tenantBytes = tenant.getBytes(StandardCharsets.UTF_8);
      root.allocateNew();
      this.ocsf = (ColumnSink.StructSink) ColumnSink.of(OcsfColumns.OCSF, root.getVector("ocsf"));
    }

    DecodedBatch batch(JsonParser p) throws IOException {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new NotABatch("BATCH_MALFORMED", "not a batch: the body must be a JSON object");
      }
      String batchId = null;
      String integrationId = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken t = p.nextToken();
        switch (field) {
          case "batchId" -> batchId = text(p, t, field);
          case "integrationId" -> integrationId = text(p, t, field);
          case "events" -> events(p, t);
          default -> p.skipChildren();
        }
      }
      if (batchId == null || integrationId == null) {
        throw new NotABatch("BATCH_MALFORMED", "not a batch: batchId and integrationId are required");
      }
      if (events == 0) {
        throw new NotABatch("BATCH_MALFORMED", "a batch needs at least one event");
      }
      byte[] integrationBytes = integrationId.getBytes(StandardCharsets.UTF_8);
      for (int r = 0; r < rows; r++) {
        integration.setSafe(r, integrationBytes);
      }
      root.setRowCount(rows);
      return new DecodedBatch(batchId, integrationId, applianceId, root, Arrays.copyOf(eventIds, rows),
          Arrays.copyOf(offsets, rows), rejections, events);
    }

    private void events(JsonParser p, JsonToken t) throws IOException {
      if (t == JsonToken.VALUE_NULL) {
        return;
      }
      if (t != JsonToken.START_ARRAY) {
        throw new NotABatch("BATCH_MALFORMED", "not a batch: events must be an array");
      }
      while (p.nextToken() != JsonToken.END_ARRAY) {
        if (events == IngestCodec.MAX_EVENTS) {
          throw new NotABatch("BATCH_TOO_MANY_EVENTS", "a batch holds at most " + IngestCodec.MAX_EVENTS + " events");
        }
        if (p.currentToken() != JsonToken.START_OBJECT) {
          throw new NotABatch("BATCH_MALFORMED", "not a batch: each event must be a JSON object");
        }
        events++;
        event(p);
      }
    }

    private void event(JsonParser p) throws IOException {
      eventId = null;
      receiveTime = 0;
      senderHost = null;
      senderAddress = null;
      alertKind = "";
      testAlert = false;
      ocsfObject = false;
      int row = rows;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken t = p.nextToken();
        switch (field) {
          case "eventId" -> eventId = text(p, t, field);
          case "receiveTime" -> receiveTime = number(p, t, field);
          case "sender" -> sender(p, t);
          case "alertKind" -> {
            String kind = text(p, t, field);
            alertKind = kind == null ? "" : kind;
          }
          case "testAlert" -> testAlert = bool(p, t, field);
          case "ocsf" -> {
            if (t == JsonToken.START_OBJECT) {
              ocsfObject = true;
              record(p, row);
            } else {
              ocsfObject = false;
              p.skipChildren();
            }
          }
          default -> p.skipChildren();
        }
      }
      EventRejection rejection = verdict();
      if (rejection != null) {
        rejections.add(rejection);
        return;
      }
      tenantVector.setSafe(row, tenantBytes);
      day.setSafe(row, (int) Math.floorDiv(time, MS_PER_DAY));
      utf8.set(eventIdVector, row, eventId);
      receiveTimeVector.setSafe(row, receiveTime);
      utf8.set(senderHostVector, row, senderHost);
      utf8.set(senderAddressVector, row, senderAddress);
      utf8.set(alertKindVector, row, alertKind);
      testAlertVector.setSafe(row, testAlert ? 1 : 0);
      if (rows == offsets.length) {
        offsets = Arrays.copyOf(offsets, rows * 2);
        eventIds = Arrays.copyOf(eventIds, rows * 2);
      }
      offsets[rows] = lastOffset;
      eventIds[rows] = eventId;
      rows++;
    }

    private long lastOffset;

    /** Null when the event is stored; else why not. Sets {@link #lastOffset}. */
    private EventRejection verdict() {
      lastOffset = ownOffset(eventId, applianceId);
      if (lastOffset < 0) {
        Optional<EventId> id = EventId.parse(eventId);
        if (id.isEmpty()) {
          return reject("EVENT_ID_INVALID", "event id must be <applianceId>:<offset>");
        }
        if (!id.get().applianceId().equals(applianceId)) {
          return reject("EVENT_ID_WRONG_APPLIANCE",
              "event id names appliance " + id.get().applianceId() + ", but the sender is " + applianceId);
        }
        lastOffset = id.get().offset();
      }
      if (receiveTime < MIN_TIME || receiveTime > MAX_TIME) {
        return reject("RECEIVE_TIME_INVALID", "receiveTime must be epoch milliseconds between 2000 and 2200");
      }
      if (!ocsfObject) {
        return reject("OCSF_MISSING", "ocsf must be an OCSF record (a JSON object)");
      }
      if (!hasClassUid || classUid != CLASS_UID) {
        return reject("OCSF_CLASS_UNSUPPORTED", "only OCSF Detection Finding (class_uid 2004) is stored, got "
            + (classUidText == null ? "no class_uid" : classUidText));
      }
      if (!violations.isEmpty()) {
        StringBuilder detail = new StringBuilder("not a valid Detection Finding: ");
        for (int i = 0; i < Math.min(3, violations.size()); i++) {
          String[] v = violations.get(i);
          detail.append(i == 0 ? "" : "; ").append(v[0]).append(" at ").append(v[1]).append(": ").append(v[2]);
        }
        if (violations.size() > 3) {
          detail.append(" (+").append(violations.size() - 3).append(" more)");
        }
        return reject("OCSF_" + violations.get(0)[0], detail.toString());
      }
      if (time < MIN_TIME || time > MAX_TIME) {
        return reject("OCSF_TIME_OUT_OF_RANGE", "time must be epoch milliseconds between 2000 and 2200");
      }
      return null;
    }

    private EventRejection reject(String code, String message) {
      return new EventRejection(eventId, code, message);
    }

    private void sender(JsonParser p, JsonToken t) throws IOException {
      if (t == JsonToken.VALUE_NULL) {
        return;
      }
      if (t != JsonToken.START_OBJECT) {
        throw new NotABatch("BATCH_MALFORMED", "not a batch: sender must be an object");
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken v = p.nextToken();
        switch (field) {
          case "hostname" -> senderHost = text(p, v, field);
          case "address" -> senderAddress = text(p, v, field);
          default -> p.skipChildren();
        }
      }
    }

    // ---- the OCSF record ----

    private void record(JsonParser p, int row) throws IOException {
      violations.clear();
      profiles.clear();
      deferredCount = 0;
      overflow.clear();
      classUidText = null;
      hasClassUid = false;
      hasActivityId = false;
      hasTypeUid = false;
      hasTime = false;
      time = 0;
      rawWritten = false;
      unmappedWritten = false;
      pathLength = 0;
      object(p, rules.root, ocsf, row, 0);
      for (int i = 0; i < deferredCount; i++) {
        Deferred check = deferred.get(i);
        boolean declared = profiles.contains(check.profile);
        if (check.missing() == declared) {
          violations.add(check.violation());
        }
      }
      if (hasTypeUid && hasClassUid && hasActivityId && typeUid != classUid * 100 + activityId) {
        violations.add(new String[] {"TYPE_UID_MISMATCH", "type_uid", typeUid + " != class_uid * 100 + activity_id"});
      }
      if (!rawWritten) {
        rawData.setNull(row);
      }
      if (!unmappedWritten) {
        unmapped.setNull(row);
      }
      writeMap(extra, row, overflow, utf8);
    }

    /** Reads an object of {@code shape} (current token: START_OBJECT) into {@code sink} (null: check only). */
    private void object(JsonParser p, OcsfRules.ShapeRule shape, ColumnSink.StructSink sink, int index, int depth)
        throws IOException {
      Frame f = frame(depth, shape.attributes.length);
      if (sink != null) {
        sink.vector.setIndexDefined(index);
      }
      OcsfRules.AttrRule[] guesses = successors(shape);
      int previous = 0;
      long written = 0;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken t = p.nextToken();
        push(name);
        // Records of one writer list attributes in the same order: try the attribute that came
        // after the previous one last time (names are interned by the parser) before the table.
        OcsfRules.AttrRule guess = guesses[previous];
        OcsfRules.AttrRule attr = guess != null && guess.name == name ? guess : shape.byName.get(name);
        if (attr == null) {
          violation("UNKNOWN_ATTRIBUTE", path(), shape.name + " has no attribute " + name);
          p.skipChildren();
          pop();
          continue;
        }
        guesses[previous] = attr;
        previous = attr.index + 1;
        f.mark(attr.index, t != JsonToken.VALUE_NULL);
        if (attr.isCaption) {
          f.captions[attr.index] = null;
        }
        if (attr.profile != null) {
          defer(attr.profile, null, null);
        }
        if (depth == 0) {
          topLevel(p, attr, t);
        }
        if (depth == 0 && OcsfColumns.HOISTED.containsKey(name)) {
          hoisted(p, attr, index, f);
        } else if (sink == null) {
          value(p, attr, null, index, depth, f);
        } else {
          int slot = sink.slot(attr.index, name, shape.attributes.length);
          if (slot < 0) {
            toOverflow(p, attr, depth, f);
          } else {
            value(p, attr, sink.children[slot], index, depth, f);
            written |= 1L << slot;
          }
        }
        pop();
      }
      for (OcsfRules.AttrRule required : shape.requiredAttributes) {
        if (!f.seen(required.index)) {
          if (required.profile == null) {
            violation("MISSING_REQUIRED", join(path(), required.name), shape.name + " requires it");
          } else {
            defer(required.profile, required.name, shape.name);
          }
        }
      }
      for (OcsfRules.AttrRule a : shape.withCaption) {
        if (f.hasEnum(a.index)) {
          long id = f.enumIds[a.index];
          String caption = OcsfRules.enumCaption(a, id);
          if (caption != null && id != OTHER && f.seen(a.captionIndex)) {
            String text = f.captions[a.captionIndex];
            if (text == null || !text.equals(caption)) {
              violation("CAPTION_MISMATCH", join(path(), shape.attributes[a.captionIndex].name),
                  "expected \"" + caption + "\" for " + a.name + "=" + id);
            }
          }
        }
      }
      for (OcsfRules.Constraint c : shape.constraints) {
        int present = 0;
        for (int i : c.indexes()) {
          if (i >= 0 && f.nonNull(i)) {
            present++;
          }
        }
        boolean ok = switch (c.kind()) {
          case "at_least_one" -> present >= 1;
          case "just_one" -> present == 1;
          default -> true;
        };
        if (!ok) {
          violation("CONSTRAINT_VIOLATED", path(), c.kind() + " of " + c.names());
        }
      }
      if (sink != null) {
        sink.nullUnwritten(index, written);
      }
    }

    /** Remembers the top-level values the event checks need. */
    private void topLevel(JsonParser p, OcsfRules.AttrRule attr, JsonToken t) throws IOException {
      boolean integral = t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER;
      if (attr == classUidRule) {
        hasClassUid = integral;
        classUid = integral ? p.getLongValue() : 0;
        if (!integral || classUid != CLASS_UID) {
          classUidText = t == JsonToken.VALUE_STRING ? quoted(p.getText()) : t.isScalarValue() ? p.getText() : nodeType(t);
        }
      } else if (attr == activityIdRule) {
        hasActivityId = integral;
        activityId = integral ? p.getLongValue() : 0;
      } else if (attr == typeUidRule) {
        hasTypeUid = integral;
        typeUid = integral ? p.getLongValue() : 0;
      } else if (attr == timeRule) {
        hasTime = integral;
        time = integral ? p.getLongValue() : 0;
      }
    }

    /** {@code raw_data} and {@code unmapped}: top-level columns of their own. */
    private void hoisted(JsonParser p, OcsfRules.AttrRule attr, int row, Frame f) throws IOException {
      if (attr.name.equals("raw_data")) {
        value(p, attr, rawDataSink, row, 0, f);
        rawWritten = true;
        return;
      }
      if (p.currentToken() != JsonToken.START_OBJECT) {
        value(p, attr, null, row, 0, f);
        return;
      }
      unmappedEntries.clear();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String key = p.currentName();
        JsonToken t = p.nextToken();
        if (t == JsonToken.VALUE_STRING) {
          unmappedEntries.put(key, p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
        } else if (t == JsonToken.VALUE_NULL) {
          unmappedEntries.put(key, null, 0, 0);
        } else {
          overflow.put(join(path(), key), capture(p));
        }
      }
      unmappedEntries.write(unmapped, row, utf8);
      unmappedWritten = true;
    }

    /** A declared attribute without a column: checked, and kept as JSON text in {@code ocsf_extra}. */
    private void toOverflow(JsonParser p, OcsfRules.AttrRule attr, int depth, Frame f) throws IOException {
      String text = capture(p);
      try (JsonParser copy = JSON.createParser(text)) {
        copy.nextToken();
        value(copy, attr, null, 0, depth, f);
      }
      overflow.put(path(), text);
    }

    /** One attribute's value (current token: its first), an array or a single value. */
    private void value(JsonParser p, OcsfRules.AttrRule attr, ColumnSink sink, int index, int depth, Frame f)
        throws IOException {
      if (!attr.isArray) {
        single(p, attr, sink, index, depth, f);
        return;
      }
      if (p.currentToken() != JsonToken.START_ARRAY) {
        violation("WRONG_TYPE", path(), "expected an array of " + attr.typeName);
        p.skipChildren();
        if (sink != null) {
          sink.setNull(index);
        }
        return;
      }
      ColumnSink.ListSink list = (ColumnSink.ListSink) sink;
      int start = list == null ? 0 : list.vector.startNewValue(index);
      int count = 0;
      while (p.nextToken() != JsonToken.END_ARRAY) {
        pushIndex(count);
        single(p, attr, list == null ? null : list.element, start + count, depth, f);
        pop();
        count++;
      }
      if (list != null) {
        list.vector.endValue(index, count);
      }
    }

    private void single(JsonParser p, OcsfRules.AttrRule attr, ColumnSink sink, int index, int depth, Frame f)
        throws IOException {
      JsonToken t = p.currentToken();
      switch (attr.kind) {
        case SHAPE -> {
          if (t == JsonToken.START_OBJECT) {
            object(p, attr.shape, (ColumnSink.StructSink) sink, index, depth + 1);
          } else {
            wrongType(p, "expected object " + attr.typeName, sink, index);
          }
        }
        case ANY_OBJECT -> {
          if (t == JsonToken.START_OBJECT) {
            if (sink != null) {
              overflow.put(path(), capture(p));
              sink.setNull(index);
            } else {
              p.skipChildren();
            }
          } else {
            wrongType(p, "expected a JSON object", sink, index);
          }
        }
        case UNKNOWN_TYPE -> wrongType(p, "type " + attr.typeName + " is not among the derived facts", sink, index);
        case SCALAR -> scalar(p, attr, (ColumnSink.LeafSink) sink, index, depth, f, t);
      }
    }

    private void wrongType(JsonParser p, String detail, ColumnSink sink, int index) throws IOException {
      violation("WRONG_TYPE", path(), detail);
      p.skipChildren();
      if (sink != null) {
        sink.setNull(index);
      }
    }

    private void scalar(JsonParser p, OcsfRules.AttrRule attr, ColumnSink.LeafSink sink, int index, int depth,
        Frame f, JsonToken t) throws IOException {
      OcsfRules.TypeRule type = attr.type;
      JsonParser.NumberType numberType = t.isNumeric() ? p.getNumberType() : null;
      boolean matches = type.base() != null && switch (type.base()) {
        case STRING -> t == JsonToken.VALUE_STRING;
        case INTEGER -> t == JsonToken.VALUE_NUMBER_INT && numberType == JsonParser.NumberType.INT;
        case LONG -> t == JsonToken.VALUE_NUMBER_INT
            && (numberType == JsonParser.NumberType.INT || numberType == JsonParser.NumberType.LONG);
        case FLOAT -> t.isNumeric();
        case BOOLEAN -> t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE;
        case JSON -> true;
      };
      if (!matches) {
        wrongType(p, "expected " + type.name() + " (" + type.baseName() + "), got " + nodeType(t), sink, index);
        return;
      }
      if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
        String text = capture(p);
        if (sink != null) {
          sink.setNull(index);
          overflow.put(path(), text);
        }
        return;
      }
      if (t == JsonToken.VALUE_STRING) {
        string(p, attr, sink, index, depth, f);
      } else if (t == JsonToken.VALUE_NUMBER_INT && numberType != JsonParser.NumberType.BIG_INTEGER) {
        integral(p, attr, sink, index, f);
      } else if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
        if (sink != null && sink.kind == OcsfColumns.Kind.BOOLEAN) {
          ((BitVector) sink.vector).setSafe(index, t == JsonToken.VALUE_TRUE ? 1 : 0);
        } else {
          notStored(p, sink, index, t);
        }
      } else if (t == JsonToken.VALUE_NUMBER_FLOAT && sink != null && sink.kind == OcsfColumns.Kind.DOUBLE) {
        ((Float8Vector) sink.vector).setSafe(index, p.getDoubleValue());
      } else {
        notStored(p, sink, index, t);
      }
    }

    private void string(JsonParser p, OcsfRules.AttrRule attr, ColumnSink.LeafSink sink, int index, int depth,
        Frame f) throws IOException {
      OcsfRules.TypeRule type = attr.type;
      char[] chars = p.getTextCharacters();
      int offset = p.getTextOffset();
      int length = p.getTextLength();
      String text = null;
      if (type.regex() != null && !(type.ipv4Fast() && OcsfRules.isPlainIpv4(chars, offset, length))) {
        text = p.getText();
        if (!type.regex().matcher(text).find()) {
          violation("WRONG_TYPE", path(), "does not match the " + type.name() + " pattern: " + text);
        }
      }
      if (type.maxLength() != null && length > type.maxLength()) {
        violation("WRONG_TYPE", path(), "longer than " + type.maxLength());
      }
      if (attr.isCaption) {
        f.captions[attr.index] = text != null ? text : captions.get(chars, offset, length);
      }
      if (attr == profilesRule && depth == 1) {
        profiles.add(text != null ? text : p.getText());
      }
      if (sink != null && sink.kind == OcsfColumns.Kind.STRING) {
        utf8.set((VarCharVector) sink.vector, index, chars, offset, length);
      } else if (sink != null) {
        sink.setNull(index);
        overflow.put(path(), quoted(p.getText()));
      }
    }

    private void integral(JsonParser p, OcsfRules.AttrRule attr, ColumnSink.LeafSink sink, int index, Frame f)
        throws IOException {
      long value = p.getLongValue();
      long[] range = attr.type.range();
      if (range != null && (value < range[0] || value > range[1])) {
        violation("WRONG_TYPE", path(), "outside " + range[0] + ".." + range[1]);
      }
      if (attr.enumValues.length > 0) {
        if (!OcsfRules.isEnumValue(attr, value)) {
          violation("UNKNOWN_ENUM_VALUE", path(), value + " is not one of " + attr.enumCaptions.keySet());
        }
        if (attr.captionIndex >= 0) {
          f.setEnum(attr.index, value);
        }
      }
      if (sink == null) {
        return;
      }
      switch (sink.kind) {
        case INT -> {
          if (value == (int) value) {
            ((IntVector) sink.vector).setSafe(index, (int) value);
          } else {
            notStored(p, sink, index, JsonToken.VALUE_NUMBER_INT);
          }
        }
        case LONG -> ((BigIntVector) sink.vector).setSafe(index, value);
        case DOUBLE -> ((Float8Vector) sink.vector).setSafe(index, value);
        default -> notStored(p, sink, index, JsonToken.VALUE_NUMBER_INT);
      }
    }

    /** A value its column cannot hold: null in the column, its JSON text in {@code ocsf_extra}. */
    private void notStored(JsonParser p, ColumnSink sink, int index, JsonToken t) throws IOException {
      if (sink == null) {
        return;
      }
      sink.setNull(index);
      if (t != JsonToken.VALUE_NULL) {
        overflow.put(path(), t == JsonToken.VALUE_STRING ? quoted(p.getText()) : p.getText());
      }
    }

    /**
     * A check decided by {@code metadata.profiles} at the end of the record: the attribute at the
     * current path needs {@code profile} ({@code missing == null}), or the required attribute
     * {@code missing} of {@code shape} is absent and only required with {@code profile}.
     */
    private void defer(String profile, String missing, String shape) {
      if (deferredCount == deferred.size()) {
        deferred.add(new Deferred());
      }
      Deferred d = deferred.get(deferredCount++);
      d.profile = profile;
      d.name = missing;
      d.shape = shape;
      if (d.names.length < pathLength) {
        d.names = new String[pathNames.length];
        d.indexes = new int[pathNames.length];
      }
      System.arraycopy(pathNames, 0, d.names, 0, pathLength);
      System.arraycopy(pathIndexes, 0, d.indexes, 0, pathLength);
      d.length = pathLength;
    }

    private void violation(String code, String path, String detail) {
      violations.add(new String[] {code, path, detail});
    }

    /**
     * Per attribute of {@code shape} (by index + 1; 0: the object's start), the attribute that
     * followed it in the last object of that shape read in this batch.
     */
    private OcsfRules.AttrRule[] successors(OcsfRules.ShapeRule shape) {
      OcsfRules.AttrRule[] guesses = successors[shape.id];
      if (guesses == null) {
        guesses = new OcsfRules.AttrRule[shape.attributes.length + 1];
        successors[shape.id] = guesses;
      }
      return guesses;
    }

    private Frame frame(int depth, int attributes) {
      Frame f = frames[depth];
      if (f == null) {
        f = new Frame(maxAttributes);
        frames[depth] = f;
      }
      f.reset(attributes);
      return f;
    }

    private void push(String name) {
      pathNames[pathLength] = name;
      pathLength++;
    }

    private void pushIndex(int index) {
      pathNames[pathLength] = null;
      pathIndexes[pathLength] = index;
      pathLength++;
    }

    private void pop() {
      pathLength--;
    }

    /** The current path, e.g. {@code finding_info.attacks[0].technique}. */
    private String path() {
      return BatchDecoder.path(pathNames, pathIndexes, pathLength);
    }
  }

  /** The path of names (null: an array index, from {@code indexes}) as text. */
  private static String path(String[] names, int[] indexes, int length) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < length; i++) {
      if (names[i] == null) {
        out.append('[').append(indexes[i]).append(']');
      } else {
        if (out.length() > 0) {
          out.append('.');
        }
        out.append(names[i]);
      }
    }
    return out.toString();
  }

  /**
   * A profile check kept until {@code metadata.profiles} is known; reused across records, so the
   * path is a copy of the names, made into text only for a violation.
   */
  private static final class Deferred {
    String profile;
    /** The absent required attribute of {@link #shape}, or null when the attribute at the path is present. */
    String name;
    String shape;
    String[] names = new String[8];
    int[] indexes = new int[8];
    int length;

    /** Whether this is a required attribute of {@link #shape} that is absent. */
    boolean missing() {
      return name != null;
    }

    String[] violation() {
      String at = path(names, indexes, length);
      if (missing()) {
        return new String[] {"MISSING_REQUIRED", join(at, name), shape + " requires it"};
      }
      return new String[] {"PROFILE_NOT_DECLARED", at, "needs profile " + profile + " in metadata.profiles"};
    }
  }

  /**
   * Strings for char ranges that repeat (enum captions such as {@code "Low"} or {@code "New"}):
   * one direct-mapped slot per hash, so a repeated text costs a compare instead of a new String.
   */
  static final class TextCache {
    private final String[] slots = new String[256];

    String get(char[] chars, int offset, int length) {
      int hash = length;
      for (int i = 0; i < length; i++) {
        hash = 31 * hash + chars[offset + i];
      }
      int slot = (hash ^ (hash >>> 8)) & (slots.length - 1);
      String cached = slots[slot];
      if (cached != null && cached.length() == length) {
        boolean same = true;
        for (int i = 0; i < length && same; i++) {
          same = cached.charAt(i) == chars[offset + i];
        }
        if (same) {
          return cached;
        }
      }
      String text = new String(chars, offset, length);
      slots[slot] = text;
      return text;
    }
  }

  /** What is known about the attributes of one object being read. */
  private static final class Frame {
    final long[] seen;
    final long[] nonNull;
    final long[] hasEnum;
    final long[] enumIds;
    final String[] captions;
    int words;

    Frame(int maxAttributes) {
      int w = (maxAttributes + 63) / 64;
      seen = new long[w];
      nonNull = new long[w];
      hasEnum = new long[w];
      enumIds = new long[maxAttributes];
      captions = new String[maxAttributes];
    }

    void reset(int attributes) {
      words = (attributes + 63) / 64;
      for (int i = 0; i < words; i++) {
        seen[i] = 0;
        nonNull[i] = 0;
        hasEnum[i] = 0;
      }
    }

    void mark(int i, boolean notNull) {
      seen[i >> 6] |= 1L << i;
      if (notNull) {
        nonNull[i >> 6] |= 1L << i;
      }
    }

    boolean seen(int i) {
      return (seen[i >> 6] & (1L << i)) != 0;
    }

    boolean nonNull(int i) {
      return (nonNull[i >> 6] & (1L << i)) != 0;
    }

    void setEnum(int i, long value) {
      hasEnum[i >> 6] |= 1L << i;
      enumIds[i] = value;
    }

    boolean hasEnum(int i) {
      return (hasEnum[i >> 6] & (1L << i)) != 0;
    }
  }

  /** The offset of {@code eventId} if it is {@code <applianceId>:<digits>}; else -1. */
  static long ownOffset(String eventId, String applianceId) {
    if (eventId == null) {
      return -1;
    }
    int prefix = applianceId.length();
    int length = eventId.length();
    if (length <= prefix + 1 || length - prefix - 1 > 18 || !eventId.startsWith(applianceId)
        || eventId.charAt(prefix) != ':') {
      return -1;
    }
    long offset = 0;
    for (int i = prefix + 1; i < length; i++) {
      char c = eventId.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      offset = offset * 10 + (c - '0');
    }
    return offset;
  }

  private static void writeMap(MapVector map, int row, Map<String, String> entries, ColumnSink.Utf8 utf8) {
    if (entries.isEmpty()) {
      map.setNull(row);
      return;
    }
    StructVector struct = (StructVector) map.getDataVector();
    VarCharVector keys = (VarCharVector) struct.getChild("key");
    VarCharVector values = (VarCharVector) struct.getChild("value");
    int i = map.startNewValue(row);
    for (Map.Entry<String, String> entry : entries.entrySet()) {
      struct.setIndexDefined(i);
      utf8.set(keys, i, entry.getKey());
      utf8.set(values, i, entry.getValue());
      i++;
    }
    map.endValue(row, entries.size());
  }

  /**
   * The string entries of one JSON object for a map column, reused from record to record: keys
   * (the parser's interned names) and the values' characters, written ordered by key with the
   * last of equal keys kept, as a {@code TreeMap} would hold them.
   */
  static final class MapEntries {
    private String[] keys = new String[16];
    private int[] starts = new int[16];
    /** Value length, or -1 for a JSON null. */
    private int[] lengths = new int[16];
    private int[] order = new int[16];
    private char[] chars = new char[1024];
    private int size;
    private int used;

    void clear() {
      size = 0;
      used = 0;
    }

    /** Adds {@code key} with the value {@code text[offset, offset + length)}, or null if {@code text} is. */
    void put(String key, char[] text, int offset, int length) {
      if (size == keys.length) {
        keys = Arrays.copyOf(keys, size * 2);
        starts = Arrays.copyOf(starts, size * 2);
        lengths = Arrays.copyOf(lengths, size * 2);
        order = Arrays.copyOf(order, size * 2);
      }
      keys[size] = key;
      if (text == null) {
        lengths[size] = -1;
      } else {
        if (used + length > chars.length) {
          chars = Arrays.copyOf(chars, Math.max(used + length, chars.length * 2));
        }
        System.arraycopy(text, offset, chars, used, length);
        starts[size] = used;
        lengths[size] = length;
        used += length;
      }
      size++;
    }

    void write(MapVector map, int row, ColumnSink.Utf8 utf8) {
      if (size == 0) {
        map.setNull(row);
        return;
      }
      // Insertion sort by key, stable (usually already in order), then equal keys keep the last.
      for (int i = 0; i < size; i++) {
        int e = i;
        int j = i - 1;
        while (j >= 0 && keys[order[j]].compareTo(keys[e]) > 0) {
          order[j + 1] = order[j];
          j--;
        }
        order[j + 1] = e;
      }
      StructVector struct = (StructVector) map.getDataVector();
      VarCharVector keyVector = (VarCharVector) struct.getChild("key");
      VarCharVector valueVector = (VarCharVector) struct.getChild("value");
      int start = map.startNewValue(row);
      int n = 0;
      for (int i = 0; i < size; i++) {
        int e = order[i];
        if (i + 1 < size && keys[order[i + 1]].equals(keys[e])) {
          continue;
        }
        int at = start + n;
        struct.setIndexDefined(at);
        utf8.set(keyVector, at, keys[e]);
        if (lengths[e] < 0) {
          valueVector.setNull(at);
        } else {
          utf8.set(valueVector, at, chars, starts[e], lengths[e]);
        }
        n++;
      }
      map.endValue(row, n);
    }
  }

  /** The current value (and everything inside it) as JSON text; consumes it. */
  private static String capture(JsonParser p) throws IOException {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.copyCurrentStructure(p);
    }
    return out.toString();
  }

  private static String quoted(String text) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeString(text);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return out.toString();
  }

  private static String join(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  /** The JSON node type names {@code OcsfValidator} reports. */
  private static String nodeType(JsonToken t) {
    return switch (t) {
      case START_OBJECT -> "OBJECT";
      case START_ARRAY -> "ARRAY";
      case VALUE_STRING -> "STRING";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "NUMBER";
      case VALUE_TRUE, VALUE_FALSE -> "BOOLEAN";
      case VALUE_NULL -> "NULL";
      default -> t.name();
    };
  }

  private static String text(JsonParser p, JsonToken t, String field) throws IOException {
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    if (!t.isScalarValue()) {
      throw new NotABatch("BATCH_MALFORMED", "not a batch: " + field + " must be a string");
    }
    return p.getText();
  }

  private static long number(JsonParser p, JsonToken t, String field) throws IOException {
    try {
      return switch (t) {
        case VALUE_NULL -> 0;
        case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> p.getLongValue();
        case VALUE_STRING -> Long.parseLong(p.getText().strip());
        default -> throw new NotABatch("BATCH_MALFORMED", "not a batch: " + field + " must be a number");
      };
    } catch (NumberFormatException | com.fasterxml.jackson.core.exc.InputCoercionException e) {
      throw new NotABatch("BATCH_MALFORMED", "not a batch: " + field + " must be a number");
    }
  }

  private static boolean bool(JsonParser p, JsonToken t, String field) throws IOException {
    return switch (t) {
      case VALUE_NULL, VALUE_FALSE -> false;
      case VALUE_TRUE -> true;
      case VALUE_STRING -> Boolean.parseBoolean(p.getText());
      default -> throw new NotABatch("BATCH_MALFORMED", "not a batch: " + field + " must be true or false");
    };
  }

  /** The body is not a batch. */
  private static final class NotABatch extends IOException {
    final String code;

    NotABatch(String code, String message) {
      super(message);
      this.code = code;
    }
  }
}
