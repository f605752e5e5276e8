package dev.sluice.darktrace.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sluice.ocsf.Attack;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class AttackTableTest {
    private final AttackTable table = AttackTable.bundled();

    @Test
    void mapsTheSophosSampleAlertTypes() {
        Attack dga = table.forAlertType("Anomalous Connection/High DGA Low DNS TTL").get(0);
        assertEquals("T1568", dga.technique().uid());
        assertEquals("Dynamic Resolution", dga.technique().name());
        assertEquals("T1568.002", dga.subTechnique().uid());
        assertEquals("Domain Generation Algorithms", dga.subTechnique().name());
        assertEquals("T1542.001", table.forAlertType("System/System").get(0).subTechnique().uid());
        assertEquals("T1484.001", table.forAlertType("System/Internal Domain Name Change").get(0).subTechnique().uid());
        assertEquals(List.of(), table.forAlertType("Unknown/Model"));
    }

    @Test
    void namesDarktracesOwnTechniqueIds() {
        Attack a = table.attack("T1200", null);
        assertEquals("Hardware Additions", a.technique().name());
        assertNull(a.subTechnique());
        assertNull(table.attack("1200", null));
        assertEquals("T9999", table.attack("T9999", null).technique().uid());
    }

    @Test
    void mergesTableAndSourceWithoutDuplicates() {
        List<Attack> merged = table.merge("Anomalous Connection/High DGA Low DNS TTL",
                List.of(table.attack("T1568.002", null), table.attack("T1071", null)));
        assertEquals(2, merged.size());
        assertEquals("T1071", merged.get(1).technique().uid());
    }

    @Test
    void growsFromDataAlone() {
        AttackTable custom = AttackTable.load(
                stream("{\"alertType\": \"Compromise::Beaconing Activity To External Rare\", \"threatId\": \"T1071.001\", \"threatName\": \"Web Protocols\"}\n"),
                stream("T1071\tApplication Layer Protocol\n"));
        Attack a = custom.forAlertType("Compromise/Beaconing Activity To External Rare").get(0);
        assertEquals("Application Layer Protocol", a.technique().name());
        assertEquals("Web Protocols", a.subTechnique().name());
    }

    @Test
    void refusesMalformedRows() {
        assertThrows(IllegalArgumentException.class, () -> AttackTable.load(stream("{\"alertType\": \"A/B\", \"threatId\": \"1071\"}\n"), stream("")));
        assertThrows(IllegalArgumentException.class, () -> AttackTable.load(stream(""), stream("T1071 no tab\n")));
    }

    private static ByteArrayInputStream stream(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
