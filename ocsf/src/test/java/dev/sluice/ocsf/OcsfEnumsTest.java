package dev.sluice.ocsf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Java enums must agree with the derived schema facts, id for id and caption for caption. */
class OcsfEnumsTest {
    private static final OcsfSchema SCHEMA = OcsfSchema.bundled();

    private static void assertMatches(Class<? extends OcsfEnum> type, String shape, String attribute, boolean isClass) {
        OcsfSchema.Shape s = isClass ? SCHEMA.eventClass(shape).orElseThrow() : SCHEMA.object(shape).orElseThrow();
        Map<Long, String> captions = s.attributes().get(attribute).enumCaptions();
        for (OcsfEnum value : type.getEnumConstants()) {
            assertEquals(captions.get((long) value.id()), value.caption(), type.getSimpleName() + " " + value);
        }
    }

    @Test
    void enumsMatchTheSchemaFacts() {
        assertMatches(Severity.class, "detection_finding", "severity_id", true);
        assertMatches(FindingActivity.class, "detection_finding", "activity_id", true);
        assertMatches(FindingStatus.class, "detection_finding", "status_id", true);
        assertMatches(RiskLevel.class, "detection_finding", "risk_level_id", true);
        assertMatches(AnalyticType.class, "analytic", "type_id", false);
        assertMatches(DeviceType.class, "device", "type_id", false);
        assertMatches(ObservableType.class, "observable", "type_id", false);
        assertMatches(NetworkScope.class, "network_endpoint", "network_scope_id", false);
        assertMatches(ConnectionDirection.class, "network_connection_info", "direction_id", false);
        assertMatches(ResourceRole.class, "resource_details", "role_id", false);
    }

    @Test
    void parsesVersionsAndRefusesOnesWithoutDetectionFinding() {
        assertEquals("1.8.0", OcsfVersion.parse("1.8.0").toString());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> OcsfVersion.parse("1.0.0"));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> OcsfVersion.parse("v1"));
    }
}
