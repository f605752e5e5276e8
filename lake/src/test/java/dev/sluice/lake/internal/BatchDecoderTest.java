package dev.sluice.lake.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.lake.sample.SampleAlerts;
import dev.sluice.ocsf.OcsfValidator;
import dev.sluice.wire.ingest.ContentEncoding;
import dev.sluice.wire.ingest.IngestBatch;
import dev.sluice.wire.ingest.IngestCodec;
import dev.sluice.wire.ingest.IngestEvent;
import dev.sluice.wire.ingest.IngestResponse.EventRejection;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.complex.MapVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BatchDecoderTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long T0 = 1_795_774_200_000L;

  private final BufferAllocator allocator = new RootAllocator();
  private final BatchDecoder decoder = new BatchDecoder(allocator);

  @AfterEach
  void close() {
    allocator.close();
  }

  private static List<IngestEvent> sample(int count) {
    SampleAlerts sample = new SampleAlerts(11, "appl-1", 0);
    List<IngestEvent> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      out.add(sample.next(T0 + i * 60_000L));
    }
    return out;
  }

  private static IngestEvent withOcsf(IngestEvent e, Consumer<ObjectNode> change) {
    ObjectNode ocsf = e.ocsf().deepCopy();
    change.accept(ocsf);
    return new IngestEvent(e.eventId(), e.receiveTime(), e.sender(), e.alertKind(), e.testAlert(), ocsf);
  }

  private BatchDecoder.DecodedBatch decode(List<IngestEvent> events) {
    byte[] body = IngestCodec.encodeBatch(new IngestBatch("b1", "int-1", events));
    BatchDecoder.Result result = decoder.decodeGzip(new ByteArrayInputStream(body), "tenant-a", "appl-1");
    return assertInstanceOf(BatchDecoder.Result.Decoded.class, result, () -> result.toString()).batch();
  }

  /** One change each; the decoder must decide as the OCSF module's validator does. */
  private static Map<String, Consumer<ObjectNode>> mutations() {
    Map<String, Consumer<ObjectNode>> m = new LinkedHashMap<>();
    m.put("unchanged", o -> { });
    m.put("time removed", o -> o.remove("time"));
    m.put("severity_id as text", o -> o.put("severity_id", "high"));
    m.put("unknown attribute", o -> o.put("bogus", 1));
    m.put("unknown enum value", o -> o.put("status_id", 42));
    m.put("caption mismatch", o -> o.put("severity", "Wrong"));
    m.put("device ip not an address", o -> ((ObjectNode) o.get("device")).put("ip", "not-an-ip"));
    m.put("device ip v6", o -> ((ObjectNode) o.get("device")).put("ip", "fe80::1"));
    m.put("port out of range", o -> ((ObjectNode) o.get("evidences").get(0).get("dst_endpoint")).put("port", 70000));
    m.put("type_uid mismatch", o -> o.put("type_uid", 200499));
    m.put("analytic without name or uid", o -> ((ObjectNode) o.get("finding_info").get("analytic")).remove("name"));
    m.put("profile attribute undeclared", o -> o.put("src_url", "https://x.example/"));
    m.put("profile attribute declared", o -> {
      o.put("src_url", "https://x.example/");
      ((ObjectNode) o.get("metadata")).putArray("profiles").add("incident");
    });
    m.put("declared attribute without a column", o -> o.put("comment", "checked by hand"));
    m.put("object where a string belongs", o -> o.putObject("message").put("a", 1));
    m.put("array attribute not an array", o -> o.put("observables", "none"));
    m.put("null value", o -> o.putNull("message"));
    m.put("nested unknown attribute", o -> ((ObjectNode) o.get("finding_info").get("attacks").get(0)).put("x", true));
    m.put("metadata removed", o -> o.remove("metadata"));
    return m;
  }

  @Test
  void decidesEachRecordAsTheOcsfValidatorDoes() {
    OcsfValidator validator = OcsfValidator.detectionFinding();
    IngestEvent base = sample(1).get(0);
    for (Map.Entry<String, Consumer<ObjectNode>> mutation : mutations().entrySet()) {
      IngestEvent event = withOcsf(base, mutation.getValue());
      List<OcsfValidator.Violation> expected = validator.validate(event.ocsf());
      try (BatchDecoder.DecodedBatch batch = decode(List.of(event))) {
        if (expected.isEmpty()) {
          assertEquals(1, batch.validCount(), () -> mutation.getKey() + ": " + batch.rejections());
        } else {
          assertEquals(0, batch.validCount(), mutation.getKey());
          EventRejection rejection = batch.rejections().get(0);
          List<String> codes = expected.stream().map(v -> "OCSF_" + v.code().name()).toList();
          assertTrue(codes.contains(rejection.code()), () -> mutation.getKey() + ": " + rejection + " vs " + expected);
          if (expected.size() == 1) {
            assertEquals(codes.get(0), rejection.code(), mutation.getKey());
            assertTrue(rejection.message().contains(expected.get(0).path()), () -> rejection.message());
          }
        }
      }
    }
  }

  @Test
  void rejectedEventsLeaveNothingInTheRowsOfTheValidOnes() {
    List<IngestEvent> valid = sample(4);
    List<IngestEvent> mixed = new ArrayList<>();
    mixed.add(valid.get(0));
    mixed.add(withOcsf(valid.get(1), o -> ((ObjectNode) o.get("device")).put("ip", "not-an-ip")));
    mixed.add(valid.get(2));
    mixed.add(withOcsf(valid.get(3), o -> o.put("bogus", 1)));
    mixed.add(new IngestEvent("appl-1:99", T0, null, "model_breach", false, JSON.createObjectNode()));
    mixed.add(valid.get(3));
    mixed.add(new IngestEvent("other:1", T0, null, "model_breach", false, valid.get(0).ocsf()));
    try (BatchDecoder.DecodedBatch alone = decode(List.of(valid.get(0), valid.get(2), valid.get(3)));
        BatchDecoder.DecodedBatch withRejected = decode(mixed)) {
      assertEquals(3, withRejected.validCount());
      assertEquals(alone.rows().contentToTSVString(), withRejected.rows().contentToTSVString());
      assertEquals(List.of("OCSF_WRONG_TYPE", "OCSF_UNKNOWN_ATTRIBUTE", "OCSF_CLASS_UNSUPPORTED",
          "EVENT_ID_WRONG_APPLIANCE"), withRejected.rejections().stream().map(EventRejection::code).toList());
      assertEquals(List.of("appl-1:0", "appl-1:2", "appl-1:3"),
          List.of(withRejected.eventId(0), withRejected.eventId(1), withRejected.eventId(2)));
      assertEquals(7, withRejected.events());
    }
  }

  @Test
  void declaredAttributesWithoutAColumnAreKeptAsJsonText() {
    IngestEvent event = withOcsf(sample(1).get(0), o -> {
      o.put("comment", "checked by hand");
      ((ObjectNode) o.get("unmapped")).put("cef.cn1", 42);
    });
    try (BatchDecoder.DecodedBatch batch = decode(List.of(event))) {
      assertEquals(1, batch.validCount(), () -> batch.rejections().toString());
      MapVector extra = (MapVector) batch.rows().getVector("ocsf_extra");
      String text = String.valueOf(extra.getObject(0));
      assertTrue(text.contains("\"comment\"") && text.contains("\\\"checked by hand\\\""), text);
      assertTrue(text.contains("unmapped.cef.cn1") && text.contains("42"), text);
    }
  }

  @Test
  void unmappedEntriesAreStoredOrderedByKeyWithTheLastOfEqualKeys() throws java.io.IOException {
    IngestEvent first = withOcsf(sample(2).get(0), o -> o.putObject("unmapped").put("z.key", "last").putNull("m.key")
        .put("a.key", "caf\u00e9 \u20ac").put("b.key", "kept"));
    IngestEvent second = withOcsf(sample(2).get(1), o -> o.putObject("unmapped").put("only", "one"));
    String json;
    try (java.util.zip.GZIPInputStream in = new java.util.zip.GZIPInputStream(
        new ByteArrayInputStream(IngestCodec.encodeBatch(new IngestBatch("b1", "int-1", List.of(first, second)))))) {
      json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    // The same key twice (a Jackson tree cannot hold that): the later value wins, as in a TreeMap.
    assertEquals(1, json.split("\"b.key\":\"kept\"", -1).length - 1, json);
    byte[] body = json.replace("\"b.key\":\"kept\"", "\"b.key\":\"dropped\",\"b.key\":\"kept\"")
        .getBytes(StandardCharsets.UTF_8);
    BatchDecoder.Result result = decoder.decode(new ByteArrayInputStream(body), "tenant-a", "appl-1");
    try (BatchDecoder.DecodedBatch batch = assertInstanceOf(BatchDecoder.Result.Decoded.class, result).batch()) {
      assertEquals(2, batch.validCount(), () -> batch.rejections().toString());
      MapVector unmapped = (MapVector) batch.rows().getVector("unmapped");
      assertEquals("[{\"key\":\"a.key\",\"value\":\"caf\u00e9 \u20ac\"},{\"key\":\"b.key\",\"value\":\"kept\"},"
          + "{\"key\":\"m.key\"},{\"key\":\"z.key\",\"value\":\"last\"}]", String.valueOf(unmapped.getObject(0)));
      assertEquals("[{\"key\":\"only\",\"value\":\"one\"}]", String.valueOf(unmapped.getObject(1)));
    }
  }

  @Test
  void zstdBodyGivesTheSameRowsAsGzip() {
    IngestBatch batch = new IngestBatch("b1", "int-1", sample(30));
    try (BatchDecoder.DecodedBatch gzip = decode(batch.events());
        BatchDecoder.DecodedBatch zstd = assertInstanceOf(BatchDecoder.Result.Decoded.class,
            decoder.decode(new ByteArrayInputStream(IngestCodec.encodeBatch(batch, ContentEncoding.ZSTD)),
                ContentEncoding.ZSTD, "tenant-a", "appl-1")).batch()) {
      assertEquals(30, zstd.validCount(), () -> zstd.rejections().toString());
      assertEquals(gzip.rows().contentToTSVString(), zstd.rows().contentToTSVString());
    }
  }

  @Test
  void malformedBodiesAreRefusedWithTheirCode() {
    assertEquals("BATCH_NOT_GZIP", malformed("{}".getBytes(StandardCharsets.UTF_8), true));
    assertEquals("BATCH_MALFORMED", malformed("[1,2]".getBytes(StandardCharsets.UTF_8), false));
    assertEquals("BATCH_MALFORMED", malformed("{\"batchId\":\"b\",\"integrationId\":\"i\",\"events\":[]}"
        .getBytes(StandardCharsets.UTF_8), false));
    assertEquals("BATCH_MALFORMED", malformed("{\"batchId\":\"b\",\"integrationId\":\"i\",\"events\":[1]}"
        .getBytes(StandardCharsets.UTF_8), false));
    assertEquals("BATCH_MALFORMED", malformed("{\"batchId\":\"b\",\"events\":[{}]}"
        .getBytes(StandardCharsets.UTF_8), false));
    assertEquals("BATCH_MALFORMED", malformed("{\"batchId\":\"b\",\"integrationId\":\"i\",\"events\":[{\"ocsf\":{"
        .getBytes(StandardCharsets.UTF_8), false));
    ObjectNode tooMany = JSON.createObjectNode().put("batchId", "b").put("integrationId", "i");
    ArrayNode events = tooMany.putArray("events");
    for (int i = 0; i <= IngestCodec.MAX_EVENTS; i++) {
      events.addObject();
    }
    assertEquals("BATCH_TOO_MANY_EVENTS", malformed(tooMany.toString().getBytes(StandardCharsets.UTF_8), false));
  }

  private String malformed(byte[] body, boolean gzip) {
    BatchDecoder.Result result = gzip
        ? decoder.decodeGzip(new ByteArrayInputStream(body), "t", "appl-1")
        : decoder.decode(new ByteArrayInputStream(body), "t", "appl-1");
    return assertInstanceOf(BatchDecoder.Result.Malformed.class, result).code();
  }

  /** Every column of the record is an attribute of the schema, of the same shape (the reader relies on it). */
  @Test
  void everyOcsfColumnMatchesItsSchemaAttribute() {
    OcsfRules rules = OcsfRules.detectionFinding();
    List<String> mismatches = new ArrayList<>();
    for (OcsfColumns.Node child : OcsfColumns.OCSF.children()) {
      checkColumn(rules.root, child, "", mismatches);
    }
    assertEquals(List.of(), mismatches);
  }

  private static void checkColumn(OcsfRules.ShapeRule shape, OcsfColumns.Node node, String path,
      List<String> mismatches) {
    String at = path.isEmpty() ? node.name() : path + "." + node.name();
    OcsfRules.AttrRule attr = shape.byName.get(node.name());
    if (attr == null) {
      mismatches.add(at + ": not an attribute of " + shape.name);
      return;
    }
    OcsfColumns.Node value = node;
    if (node instanceof OcsfColumns.ListOf list) {
      if (!attr.isArray) {
        mismatches.add(at + ": a list column for a single value");
      }
      value = list.element();
    } else if (attr.isArray) {
      mismatches.add(at + ": a single column for an array");
    }
    if (value instanceof OcsfColumns.Struct struct) {
      if (attr.kind != OcsfRules.ValueKind.SHAPE) {
        mismatches.add(at + ": a struct column for " + attr.typeName);
        return;
      }
      for (OcsfColumns.Node child : struct.children()) {
        checkColumn(attr.shape, child, at, mismatches);
      }
    } else if (value instanceof OcsfColumns.Leaf leaf) {
      boolean ok = attr.kind == OcsfRules.ValueKind.SCALAR && switch (attr.type.base()) {
        case STRING -> leaf.kind() == OcsfColumns.Kind.STRING;
        case INTEGER -> leaf.kind() == OcsfColumns.Kind.INT || leaf.kind() == OcsfColumns.Kind.LONG;
        case LONG -> leaf.kind() == OcsfColumns.Kind.LONG;
        case FLOAT -> leaf.kind() == OcsfColumns.Kind.DOUBLE;
        case BOOLEAN -> leaf.kind() == OcsfColumns.Kind.BOOLEAN;
        case JSON -> false;
      };
      if (!ok) {
        mismatches.add(at + ": a " + leaf.kind() + " column for " + attr.typeName);
      }
    } else {
      mismatches.add(at + ": a list of lists");
    }
  }

  @Test
  void plainDottedIpv4IsRecognizedWithoutTheRegex() {
    for (String ok : List.of("0.0.0.0", "10.1.20.30", "255.255.255.255")) {
      assertTrue(OcsfRules.isPlainIpv4(ok.toCharArray(), 0, ok.length()), ok);
    }
    for (String no : List.of("", "1.2.3", "1.2.3.4.5", "256.1.1.1", "01.2.3.4", "1..2.3", "1.2.3.", "a.b.c.d",
        "1.2.3.4 ", "1234.1.1.1")) {
      assertEquals(false, OcsfRules.isPlainIpv4(no.toCharArray(), 0, no.length()), no);
    }
  }
}
