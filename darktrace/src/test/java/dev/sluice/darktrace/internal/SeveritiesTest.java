package dev.sluice.darktrace.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.sluice.ocsf.Severity;
import org.junit.jupiter.api.Test;

class SeveritiesTest {
    @Test
    void bucketsCefSeverityNumbers() {
        Severity[] expected = {Severity.INFORMATIONAL, Severity.LOW, Severity.LOW, Severity.LOW, Severity.MEDIUM, Severity.MEDIUM,
            Severity.MEDIUM, Severity.HIGH, Severity.HIGH, Severity.CRITICAL, Severity.CRITICAL};
        for (int i = 0; i <= 10; i++) {
            assertEquals(expected[i], Severities.fromCef(Integer.toString(i)), "severity " + i);
        }
        assertNull(Severities.fromCef("11"));
        assertNull(Severities.fromCef("-1"));
    }

    @Test
    void readsCefSeverityLabels() {
        assertEquals(Severity.LOW, Severities.fromCef("Low"));
        assertEquals(Severity.CRITICAL, Severities.fromCef("Very-High"));
        assertEquals(Severity.UNKNOWN, Severities.fromCef("Unknown"));
        assertNull(Severities.fromCef("Severe"));
    }

    @Test
    void readsScoresAsPercent() {
        assertEquals(87, Severities.scorePercent("0.871"));
        assertEquals(97, Severities.scorePercent("97"));
        assertEquals(97, Severities.scorePercent("97%"));
        assertEquals(0, Severities.scorePercent("0"));
        assertEquals(100, Severities.scorePercent("1.0"));
        assertNull(Severities.scorePercent("101"));
        assertNull(Severities.scorePercent("high"));
        assertNull(Severities.scorePercent("NaN"));
    }

    @Test
    void readsEachScoreOnItsOwnScale() {
        assertEquals(100, Severities.fractionScore("1"));
        assertEquals(91, Severities.fractionScore("0.915"));
        assertEquals(64, Severities.fractionScore("64"));
        assertEquals(1, Severities.percent("1"));
        assertEquals(54, Severities.percent("54.9"));
        assertEquals(54, Severities.percent("54%"));
        assertNull(Severities.percent("101"));
        assertNull(Severities.percent("-3"));
        assertNull(Severities.fractionScore("1e2"));
        assertNull(Severities.decimal("0x10"));
        assertNull(Severities.decimal("Infinity"));
        assertNull(Severities.decimal("."));
        assertEquals(0.5, Severities.decimal(".5"));
    }

    @Test
    void mapsPrioritiesAndCategories() {
        assertEquals(Severity.HIGH, Severities.fromModelPriority(4));
        assertEquals(Severity.CRITICAL, Severities.fromModelPriority(5));
        assertEquals(Severity.MEDIUM, Severities.fromLevel("medium"));
        assertEquals(Severity.CRITICAL, Severities.fromAiAnalystCategory("critical"));
        assertEquals(Severity.HIGH, Severities.fromScorePercent(60));
    }
}
