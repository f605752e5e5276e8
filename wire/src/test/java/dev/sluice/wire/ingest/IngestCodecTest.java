package dev.sluice.wire.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class IngestCodecTest {

  private static IngestEvent event(long offset) {
    ObjectNode ocsf = JsonNodeFactory.instance.objectNode().put("class_uid", 2004).put("time", 1764238200000L);
    ocsf.putObject("finding_info").put("uid", "pb-" + offset).put("title", "Anomalous Connection/Ünïcode");
    return new IngestEvent("appl-1:" + offset, 1764238201234L,
        new IngestEvent.Sender("dt-master-1", "10.0.0.5"), "model_breach", offset % 2 == 0, ocsf);
  }

  @Test
  void batchSurvivesEncodeAndDecode() {
    IngestBatch batch = new IngestBatch("b-1", "int-1", List.of(event(0), event(1)));
    IngestCodec.Decoded decoded = IngestCodec.decodeBatch(IngestCodec.encodeBatch(batch));
    assertEquals(new IngestCodec.Decoded.Batch(batch), decoded);
  }

  @Test
  void zstdBatchSurvivesEncodeAndDecode() {
    IngestBatch batch = new IngestBatch("b-1", "int-1", List.of(event(0), event(1)));
    byte[] body = IngestCodec.encodeBatch(batch, ContentEncoding.ZSTD);
    assertEquals(java.util.Optional.of(ContentEncoding.ZSTD), ContentEncoding.sniff(body));
    assertEquals(new IngestCodec.Decoded.Batch(batch), IngestCodec.decodeBatch(body));
  }

  @Test
  void refusesZstdBodyThatIsCorruptOrCutShort() {
    byte[] body = IngestCodec.encodeBatch(new IngestBatch("b-1", "int-1", List.of(event(0), event(1))),
        ContentEncoding.ZSTD);
    byte[] cut = java.util.Arrays.copyOf(body, body.length / 2);
    assertEquals("BATCH_NOT_ZSTD", assertInstanceOf(IngestCodec.Decoded.Malformed.class,
        IngestCodec.decodeBatch(new java.io.ByteArrayInputStream(cut), ContentEncoding.ZSTD)).code());
    byte[] plain = "{\"batchId\":1}".getBytes(StandardCharsets.UTF_8);
    assertEquals("BATCH_NOT_ZSTD", assertInstanceOf(IngestCodec.Decoded.Malformed.class,
        IngestCodec.decodeBatch(new java.io.ByteArrayInputStream(plain), ContentEncoding.ZSTD)).code());
  }

  @Test
  void refusesZstdDecompressionBomb() throws IOException {
    byte[] spaces = new byte[IngestCodec.MAX_DECOMPRESSED_BYTES + 1];
    java.util.Arrays.fill(spaces, (byte) ' ');
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (var z = ContentEncoding.ZSTD.compressing(out)) {
      z.write(spaces);
    }
    IngestCodec.Decoded decoded = IngestCodec.decodeBatch(out.toByteArray());
    assertEquals("BATCH_TOO_LARGE", assertInstanceOf(IngestCodec.Decoded.Malformed.class, decoded).code());
  }

  @Test
  void contentEncodingHeaderNamesTheCompression() {
    assertEquals(java.util.Optional.of(ContentEncoding.GZIP), ContentEncoding.ofHeader(null));
    assertEquals(java.util.Optional.of(ContentEncoding.GZIP), ContentEncoding.ofHeader("gzip"));
    assertEquals(java.util.Optional.of(ContentEncoding.ZSTD), ContentEncoding.ofHeader(" ZSTD "));
    assertEquals(java.util.Optional.empty(), ContentEncoding.ofHeader("br"));
  }

  @Test
  void responseSurvivesEncodeAndDecode() throws IOException {
    IngestResponse response = new IngestResponse("b-1", 3, 1,
        List.of(new IngestResponse.EventRejection("appl-1:4", "OCSF_REQUIRED_MISSING", "time is missing")));
    assertEquals(response, IngestCodec.decodeResponse(IngestCodec.encodeResponse(response)));
  }

  @Test
  void refusesBodyThatIsNotGzip() {
    IngestCodec.Decoded decoded = IngestCodec.decodeBatch("{\"batchId\":1}".getBytes(StandardCharsets.UTF_8));
    assertEquals("BATCH_NOT_GZIP", assertInstanceOf(IngestCodec.Decoded.Malformed.class, decoded).code());
  }

  @Test
  void refusesGzipThatIsNotABatch() throws IOException {
    for (String json : List.of("[1,2]", "{\"batchId\":\"b\"}", "{\"batchId\":\"b\",\"integrationId\":\"i\",\"events\":[]}",
        "{\"batchId\":\"b\",\"integrationId\":\"i\",\"events\":[null]}", "{not json", "")) {
      IngestCodec.Decoded decoded = IngestCodec.decodeBatch(gzip(json.getBytes(StandardCharsets.UTF_8)));
      assertEquals("BATCH_MALFORMED", assertInstanceOf(IngestCodec.Decoded.Malformed.class, decoded).code(), json);
    }
  }

  @Test
  void refusesBatchOverTheEventLimit() {
    List<IngestEvent> events = new ArrayList<>();
    for (int i = 0; i <= IngestCodec.MAX_EVENTS; i++) {
      events.add(new IngestEvent("a:" + i, 1, null, "k", false, null));
    }
    IngestCodec.Decoded decoded = IngestCodec.decodeBatch(IngestCodec.encodeBatch(new IngestBatch("b", "i", events)));
    assertEquals("BATCH_TOO_MANY_EVENTS", assertInstanceOf(IngestCodec.Decoded.Malformed.class, decoded).code());
  }

  @Test
  void refusesDecompressionBomb() throws IOException {
    byte[] spaces = new byte[IngestCodec.MAX_DECOMPRESSED_BYTES + 1];
    java.util.Arrays.fill(spaces, (byte) ' ');
    IngestCodec.Decoded decoded = IngestCodec.decodeBatch(gzip(spaces));
    assertEquals("BATCH_TOO_LARGE", assertInstanceOf(IngestCodec.Decoded.Malformed.class, decoded).code());
  }

  private static byte[] gzip(byte[] bytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    }
    return out.toByteArray();
  }
}
