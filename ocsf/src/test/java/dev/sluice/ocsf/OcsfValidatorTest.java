package dev.sluice.ocsf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class OcsfValidatorTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final OcsfValidator validator = OcsfValidator.detectionFinding();

    private ObjectNode full() throws Exception {
        return (ObjectNode) MAPPER.readTree(OcsfJsonWriter.toJson(Findings.full(OcsfVersion.DEFAULT)));
    }

    private static void assertOnly(List<OcsfValidator.Violation> violations, OcsfValidator.Code code, String path) {
        assertEquals(1, violations.size(), violations.toString());
        assertEquals(code, violations.get(0).code(), violations.toString());
        assertEquals(path, violations.get(0).path());
    }

    @Test
    void acceptsTheRecordsTheWriterProduces() throws Exception {
        assertEquals(List.of(), validator.validate(full()));
        assertEquals(List.of(), validator.validate(OcsfJsonWriter.toJson(Findings.minimal())));
        assertEquals(List.of(), validator.validate(OcsfJsonWriter.toJson(Findings.full(OcsfVersion.parse("1.1.0")))));
    }

    @Test
    void rejectsAMissingRequiredAttribute() throws Exception {
        ObjectNode record = full();
        record.remove("time");
        assertOnly(validator.validate(record), OcsfValidator.Code.MISSING_REQUIRED, "time");
    }

    @Test
    void rejectsAMissingRequiredAttributeInsideAnObject() throws Exception {
        ObjectNode record = full();
        ((ObjectNode) record.get("finding_info")).remove("uid");
        assertOnly(validator.validate(record), OcsfValidator.Code.MISSING_REQUIRED, "finding_info.uid");
        ObjectNode other = full();
        ((ObjectNode) other.get("device")).remove("type_id");
        ((ObjectNode) other.get("device")).remove("type");
        assertOnly(validator.validate(other), OcsfValidator.Code.MISSING_REQUIRED, "device.type_id");
    }

    @Test
    void rejectsAWrongType() throws Exception {
        ObjectNode record = full();
        record.put("time", "2026-11-27T10:00:00Z");
        assertOnly(validator.validate(record), OcsfValidator.Code.WRONG_TYPE, "time");
        ObjectNode port = full();
        ((ObjectNode) port.get("evidences").get(0).get("dst_endpoint")).put("port", 70000);
        assertOnly(validator.validate(port), OcsfValidator.Code.WRONG_TYPE, "evidences[0].dst_endpoint.port");
        ObjectNode ip = full();
        ((ObjectNode) ip.get("device")).put("ip", "10.1.2");
        assertOnly(validator.validate(ip), OcsfValidator.Code.WRONG_TYPE, "device.ip");
        ObjectNode types = full();
        ((ObjectNode) types.get("finding_info")).put("types", "Anomalous Connection");
        assertOnly(validator.validate(types), OcsfValidator.Code.WRONG_TYPE, "finding_info.types");
    }

    @Test
    void rejectsAnUnknownEnumValue() throws Exception {
        ObjectNode record = full();
        record.put("severity_id", 7);
        assertOnly(validator.validate(record), OcsfValidator.Code.UNKNOWN_ENUM_VALUE, "severity_id");
        ObjectNode observable = full();
        ((ObjectNode) observable.get("observables").get(0)).put("type_id", 46);
        assertEquals(OcsfValidator.Code.UNKNOWN_ENUM_VALUE, validator.validate(observable).get(0).code());
    }

    @Test
    void rejectsAClassUidOtherThanDetectionFinding() throws Exception {
        ObjectNode record = full();
        record.put("class_uid", 2001);
        List<OcsfValidator.Violation> violations = validator.validate(record);
        assertTrue(violations.stream().anyMatch(v -> v.code() == OcsfValidator.Code.UNKNOWN_ENUM_VALUE && v.path().equals("class_uid")), violations.toString());
    }

    @Test
    void rejectsACaptionThatDoesNotMatchItsId() throws Exception {
        ObjectNode record = full();
        record.put("severity", "Medium");
        assertOnly(validator.validate(record), OcsfValidator.Code.CAPTION_MISMATCH, "severity");
    }

    @Test
    void acceptsASourceLabelWhenTheIdIsOther() throws Exception {
        ObjectNode record = full();
        record.put("severity_id", 99);
        record.put("severity", "Very-High");
        assertEquals(List.of(), validator.validate(record));
    }

    @Test
    void rejectsAnAttributeTheClassDoesNotDeclare() throws Exception {
        ObjectNode record = full();
        record.put("src_endpoint", "10.0.0.1");
        assertOnly(validator.validate(record), OcsfValidator.Code.UNKNOWN_ATTRIBUTE, "src_endpoint");
    }

    @Test
    void rejectsAProfileAttributeWithoutTheProfile() throws Exception {
        ObjectNode record = full();
        record.put("action_id", 3);
        record.put("action", "Observed");
        List<OcsfValidator.Violation> violations = validator.validate(record);
        assertEquals(2, violations.size(), violations.toString());
        assertTrue(violations.stream().allMatch(v -> v.code() == OcsfValidator.Code.PROFILE_NOT_DECLARED));
        ((ArrayNode) ((ObjectNode) record.get("metadata")).putArray("profiles")).add("security_control");
        assertEquals(List.of(), validator.validate(record));
    }

    @Test
    void rejectsAnAttackWithoutTacticOrTechnique() throws Exception {
        ObjectNode record = full();
        ObjectNode attack = (ObjectNode) record.get("finding_info").get("attacks").get(0);
        attack.remove("technique");
        attack.remove("sub_technique");
        attack.put("version", "v16");
        assertOnly(validator.validate(record), OcsfValidator.Code.CONSTRAINT_VIOLATED, "finding_info.attacks[0]");
    }

    @Test
    void rejectsATypeUidThatDisagreesWithTheActivity() throws Exception {
        ObjectNode record = full();
        record.put("type_uid", 200402);
        record.put("type_name", "Detection Finding: Update");
        assertOnly(validator.validate(record), OcsfValidator.Code.TYPE_UID_MISMATCH, "type_uid");
    }

    @Test
    void reportsTextThatIsNotJson() {
        assertOnly(validator.validate("{\"time\":"), OcsfValidator.Code.NOT_JSON, "");
    }
}
