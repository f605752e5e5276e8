package dev.sluice.ocsf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OcsfJsonWriterTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void writesTopLevelAttributesInTheDocumentedOrder() throws Exception {
        JsonNode node = MAPPER.readTree(OcsfJsonWriter.toJson(Findings.full(OcsfVersion.DEFAULT)));
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        assertEquals(List.of("activity_id", "activity_name", "category_uid", "category_name", "class_uid", "class_name",
                "type_uid", "type_name", "severity_id", "severity", "status_id", "status", "time", "start_time", "end_time",
                "timezone_offset", "message", "is_alert", "risk_score", "risk_level_id", "risk_level", "metadata",
                "finding_info", "device", "resources", "evidences", "observables", "raw_data", "raw_data_size", "unmapped"), names);
    }

    @Test
    void equalRecordsGiveEqualBytes() {
        assertArrayEquals(OcsfJsonWriter.toBytes(Findings.full(OcsfVersion.DEFAULT)),
                OcsfJsonWriter.toBytes(Findings.full(OcsfVersion.DEFAULT)));
        assertEquals(OcsfJsonWriter.toJson(Findings.full(OcsfVersion.DEFAULT)),
                new String(OcsfJsonWriter.toBytes(Findings.full(OcsfVersion.DEFAULT)), StandardCharsets.UTF_8));
    }

    @Test
    void appendsToAStreamWithoutClosingIt() {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream() {
            @Override
            public void close() {
                throw new AssertionError("closed");
            }
        };
        out.writeBytes("x".getBytes(StandardCharsets.UTF_8));
        OcsfJsonWriter.writeTo(Findings.minimal(), out);
        assertEquals("x" + OcsfJsonWriter.toJson(Findings.minimal()), out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void writesUnmappedKeysSorted() throws Exception {
        JsonNode unmapped = MAPPER.readTree(OcsfJsonWriter.toJson(Findings.full(OcsfVersion.DEFAULT))).get("unmapped");
        List<String> names = new ArrayList<>();
        unmapped.fieldNames().forEachRemaining(names::add);
        assertEquals(List.of("cef.agt", "cef.lat"), names);
    }

    @Test
    void derivesClassificationFromActivity() throws Exception {
        JsonNode node = MAPPER.readTree(OcsfJsonWriter.toJson(Findings.full(OcsfVersion.DEFAULT)));
        assertEquals(200401, node.get("type_uid").asLong());
        assertEquals("Detection Finding: Create", node.get("type_name").asText());
        assertEquals(2, node.get("category_uid").asInt());
        assertEquals(2004, node.get("class_uid").asInt());
    }

    @Test
    void omitsAbsentOptionalAttributesInsteadOfWritingNull() {
        String json = OcsfJsonWriter.toJson(Findings.minimal());
        assertFalse(json.contains("null"), json);
        assertFalse(json.contains("\"device\""), json);
        assertFalse(json.contains("\"unmapped\""), json);
    }

    @Test
    void leavesOutAttributesNewerThanTheDeclaredVersion() throws Exception {
        JsonNode old = MAPPER.readTree(OcsfJsonWriter.toJson(Findings.full(OcsfVersion.parse("1.1.0"))));
        assertFalse(old.has("is_alert"));
        assertFalse(old.has("raw_data_size"));
        assertFalse(old.get("resources").get(0).has("role_id"));
        assertFalse(old.get("evidences").get(0).get("src_endpoint").has("network_scope_id"));
        JsonNode current = MAPPER.readTree(OcsfJsonWriter.toJson(Findings.full(OcsfVersion.DEFAULT)));
        assertTrue(current.get("is_alert").asBoolean());
        assertEquals(3, current.get("resources").get(0).get("role_id").asInt());
        assertEquals(1, current.get("evidences").get(0).get("src_endpoint").get("network_scope_id").asInt());
    }

    @Test
    void countsRawDataSizeInUtf8Bytes() {
        assertEquals(1 + 2 + 3 + 4, OcsfJsonWriter.utf8Length("a\u00e9\u20ac\uD83D\uDE00"));
    }

    @Test
    void prettyOutputUsesLineFeedsOnly() {
        String pretty = OcsfJsonWriter.toPrettyJson(Findings.full(OcsfVersion.DEFAULT));
        assertFalse(pretty.contains("\r"));
        assertTrue(pretty.contains("\n  \"activity_id\" : 1"), pretty);
    }
}
