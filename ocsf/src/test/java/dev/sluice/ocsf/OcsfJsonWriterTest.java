package dev.sluice.ocsf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class OcsfJsonWriterTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonFactory JACKSON = new JsonFactory();

    /** What Jackson's UTF-8 generator writes for the tokens of {@code json} (the reference for the byte format). */
    static byte[] jacksonReplay(byte[] json) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonParser p = JACKSON.createParser(json); JsonGenerator g = JACKSON.createGenerator(out)) {
            p.nextToken();
            g.copyCurrentStructure(p);
        }
        return out.toByteArray();
    }

    private static byte[] jacksonString(String s) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = JACKSON.createGenerator(out)) {
            g.writeString(s);
        }
        return out.toByteArray();
    }

    private static byte[] ourString(String s) {
        JsonBytes b = new JsonBytes(16);
        b.string(s);
        return b.toByteArray();
    }

    /** A record whose strings hold every kind of character that needs care. */
    private static DetectionFinding awkward() {
        String text = "quote \" back \\ slash / tab\t nl\n cr\r bs\b ff\f nul\u0000 us\u001f del\u007f "
                + "\u00e9\u0800\u20ac\u2028\uffff pair\uD83D\uDE00 lone\uD800 lone\uDFFF end";
        TreeMap<String, String> unmapped = new TreeMap<>();
        unmapped.put("cef." + text, text);
        unmapped.put("cef.z", "");
        DetectionFinding f = Findings.full(OcsfVersion.DEFAULT);
        return new DetectionFinding(f.activity(), Severity.OTHER, text, f.status(), Long.MAX_VALUE, Long.MIN_VALUE,
                -1L, -3600, text, false, 0, f.riskLevel(), f.metadata(), f.findingInfo(), f.device(), f.resources(),
                f.evidences(), f.observables(), text, unmapped);
    }

    @Test
    void writesTheBytesJacksonWritesForTheSameTokens() throws Exception {
        for (DetectionFinding f : List.of(Findings.full(OcsfVersion.DEFAULT), Findings.full(OcsfVersion.parse("1.1.0")),
                Findings.minimal(), awkward())) {
            byte[] ours = OcsfJsonWriter.toBytes(f);
            assertEquals(new String(jacksonReplay(ours), StandardCharsets.UTF_8), new String(ours, StandardCharsets.UTF_8));
        }
    }

    @Test
    void escapesEveryCharacterAsJacksonDoes() throws Exception {
        StringBuilder chunk = new StringBuilder();
        for (int c = 0; c <= 0xFFFF; c++) {
            chunk.append((char) c);
            if (chunk.length() == 4096 || c == 0xFFFF) {
                assertArrayEquals(jacksonString(chunk.toString()), ourString(chunk.toString()), "chunk ending at " + c);
                chunk.setLength(0);
            }
        }
        assertArrayEquals(jacksonString("\uD83D\uDE00\uDBFF\uDFFF"), ourString("\uD83D\uDE00\uDBFF\uDFFF"));
    }

    @Property(tries = 300)
    void escapesAnyStringAsJacksonDoes(@ForAll String s) throws Exception {
        assertArrayEquals(jacksonString(s), ourString(s));
    }

    @Test
    void escapesACharacterThatNeedsCareAtAnyPositionOfALongString() throws Exception {
        for (char special : "\u0000\u001f\"\\?\u007f\u0080\u00ff\u0100\u20ac\uD800\uDFFF".toCharArray()) {
            for (int at = 0; at < 40; at++) {
                String s = "a".repeat(at) + special + "b".repeat(40 - at);
                assertArrayEquals(jacksonString(s), ourString(s), () -> Integer.toHexString(special) + " at " + s.indexOf(special));
            }
        }
    }

    @Test
    void escapesSeveralCharactersThatNeedCareBetweenPlainRunsOfALongString() throws Exception {
        String specials = "\u0000\u001f\"\\?\u007f\u0080\u00ff\u0100\u20ac\uD800\uDFFF\uD83D\uDE00";
        for (int gap = 0; gap < 20; gap++) {
            // Odd gaps start with a surrogate pair, which Latin-1 encoding turns into one byte.
            StringBuilder s = new StringBuilder(gap % 2 == 0 ? "GET /x?a=1" : "GET /\uD83D\uDE00?a=1");
            for (char special : specials.toCharArray()) {
                s.append(special).append("p".repeat(gap));
            }
            assertArrayEquals(jacksonString(s.toString()), ourString(s.toString()), "gap " + gap);
        }
    }

    @Property(tries = 1000)
    void findsTheEndOfThePlainAsciiRunWhereverTheFirstOtherByteIs(@ForAll @IntRange(max = 70) int length,
            @ForAll @IntRange(max = 70) int at, @ForAll byte other) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) ('A' + i % 26);
        }
        if (at < length) {
            bytes[at] = other;
        }
        boolean plain = other >= 0x20 && other != '"' && other != '\\' && other != '?';
        assertEquals(at < length && !plain ? at : length, JsonBytes.plainEnd(bytes, 0, length));
        int from = Math.min(at, length);
        assertEquals(at < length && !plain ? at : length, JsonBytes.plainEnd(bytes, from, length));
    }

    @Test
    void writesARepeatedStringAsItsFirstOccurrence() throws Exception {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            values.add("value \"" + i + "\" \u00e9 " + "x".repeat(i)); // distinct objects, more than are remembered
        }
        JsonBytes ours = new JsonBytes(16);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        try (JsonGenerator g = JACKSON.createGenerator(expected)) {
            ours.startArray();
            g.writeStartArray();
            for (int i = 0; i < 200; i++) {
                String v = values.get((i * 7) % values.size());
                ours.string(v);
                g.writeString(v);
            }
            ours.endArray();
            g.writeEndArray();
        }
        assertEquals(expected.toString(StandardCharsets.UTF_8), new String(ours.toByteArray(), StandardCharsets.UTF_8));
    }

    @Test
    void writesNumbersAsJacksonDoes() throws Exception {
        for (long n : new long[] {0, 7, -7, 9, 10, 99, 100, 1_764_238_200_000L, Long.MAX_VALUE, Long.MIN_VALUE, Integer.MIN_VALUE}) {
            JsonBytes b = new JsonBytes(8);
            b.number(n);
            assertEquals(Long.toString(n), new String(b.toByteArray(), StandardCharsets.US_ASCII));
        }
    }

    @Test
    void embedsIntoAGeneratorTokenByToken() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = JACKSON.createGenerator(out)) {
            g.writeStartArray();
            OcsfJsonWriter.write(awkward(), g);
            OcsfJsonWriter.write(Findings.minimal(), g);
            g.writeEndArray();
        }
        assertEquals("[" + OcsfJsonWriter.toJson(awkward()) + "," + OcsfJsonWriter.toJson(Findings.minimal()) + "]",
                out.toString(StandardCharsets.UTF_8));
    }

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
    void writesRawDataSizeAsTheUtf8LengthOfRawData() throws Exception {
        DetectionFinding f = Findings.full(OcsfVersion.DEFAULT);
        for (String raw : List.of("plain ascii text of some length", "tab\tand \"quotes\" and \\ and ? marks",
                "caf\u00e9 \u20ac \uD83D\uDE00 \uD800", "x")) {
            DetectionFinding withRaw = new DetectionFinding(f.activity(), f.severity(), null, f.status(), f.time(),
                    null, null, null, null, null, null, null, f.metadata(), f.findingInfo(), null, null, null, null, raw, null);
            JsonNode node = MAPPER.readTree(OcsfJsonWriter.toBytes(withRaw));
            assertEquals(raw, node.get("raw_data").asText());
            assertEquals(OcsfJsonWriter.utf8Length(raw), node.get("raw_data_size").asLong(), raw);
        }
    }

    @Test
    void prettyOutputUsesLineFeedsOnly() {
        String pretty = OcsfJsonWriter.toPrettyJson(Findings.full(OcsfVersion.DEFAULT));
        assertFalse(pretty.contains("\r"));
        assertTrue(pretty.contains("\n  \"activity_id\" : 1"), pretty);
    }
}
