package dev.sluice.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ParseCommandTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String BREACH = "<165>Nov 27 09:58:12 dt-master darktrace CEF:0|Darktrace|Enterprise Immune System|6.1|349|"
            + "Anomalous Connection/High DGA Low DNS TTL|8|externalId=1907243 dvc=203.0.113.5 dvchost=ws-042.corp.example dst=8.8.8.8 dpt=53";

    private static String run(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ParseCommand command = new ParseCommand(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), out,
                Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC));
        int rc = new CommandLine(command).execute(args);
        assertEquals(0, rc);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void addsTheOcsfRecordToEachAcceptedLine() throws Exception {
        JsonNode line = MAPPER.readTree(run(BREACH + "\n"));
        assertTrue(line.get("ok").asBoolean());
        assertEquals("rfc3164", line.get("syslog").get("format").asText());
        assertEquals("Darktrace", line.get("cef").get("deviceVendor").asText());
        assertEquals("MODEL_BREACH", line.get("darktrace").get("kind").asText());
        assertEquals(2004, line.get("ocsf").get("class_uid").asInt());
        assertEquals("1907243", line.get("ocsf").get("finding_info").get("uid").asText());
        assertEquals("External", line.get("ocsf").get("evidences").get(0).get("src_endpoint").get("network_scope").asText());
    }

    @Test
    void enrichesFromTheTenantContextFile(@TempDir Path dir) throws Exception {
        Path tenant = dir.resolve("tenant.json");
        Files.writeString(tenant, "{\"tenant_uid\":\"acme\",\"internal_ip_ranges\":[\"203.0.113.0/24\"]}");
        JsonNode ocsf = MAPPER.readTree(run(BREACH + "\n", "--tenant-context", tenant.toString())).get("ocsf");
        assertEquals("Internal", ocsf.get("evidences").get(0).get("src_endpoint").get("network_scope").asText());
        assertEquals("Outbound", ocsf.get("evidences").get(0).get("connection_info").get("direction").asText());
        assertEquals("acme", ocsf.get("metadata").get("tenant_uid").asText());
    }

    @Test
    void rejectsWithAStableCodeAndKeepsWhatWasRead() throws Exception {
        JsonNode line = MAPPER.readTree(run("<134>Nov 27 09:00:00 fw1 CEF:0|Fortinet|FortiGate|7.0|1|traffic|3|src=10.0.0.1\n"));
        assertFalse(line.get("ok").asBoolean());
        assertEquals("WRONG_VENDOR", line.get("reason").asText());
        assertEquals("Fortinet", line.get("cef").get("deviceVendor").asText());
        assertEquals("fw1", line.get("syslog").get("hostname").asText());
        assertFalse(line.has("ocsf"));
    }

    @Test
    void readsSyslogJsonOnlyWhenAsked() throws Exception {
        String json = "<165>1 2022-03-10T10:11:10+00:00 example.cloud.darktrace.com darktrace - - - "
                + "{\"last_updated\":1618760651,\"uuid\":\"u\",\"priority_level\":\"medium\",\"alert_name\":\"Advanced Search\",\"status\":\"active\"}\n";
        assertEquals("FORMAT_NOT_ACCEPTED", MAPPER.readTree(run(json)).get("reason").asText());
        JsonNode accepted = MAPPER.readTree(run(json, "--formats", "cef,json"));
        assertEquals("SYSTEM_STATUS", accepted.get("darktrace").get("kind").asText());
        assertFalse(accepted.has("cef"));
    }
}
