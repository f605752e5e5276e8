package dev.sluice.darktrace.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class AlertTypesTest {
    @Test
    void keepsACleanCefNameAsItIs() {
        String name = "Anomalous Connection/High DGA Low DNS TTL";
        assertSame(name, AlertTypes.sanitise(name));
    }

    @Test
    void rendersJsonAndAiAnalystModelPathsLikeCef() {
        assertEquals("Device/Attack and Recon Tools", AlertTypes.sanitise("Device::Attack and Recon Tools"));
        assertEquals("Unusual Activity/Unusual Activity from Re-Activated Device",
                AlertTypes.sanitise("Unusual Activity / Unusual Activity from Re-Activated Device"));
    }

    @Test
    void collapsesWhitespaceAndDropsControlCharacters() {
        assertEquals("System/System", AlertTypes.sanitise("  System /\tSystem \r\n"));
        assertEquals("A B", AlertTypes.sanitise("A\u0000\u0007  B"));
        assertEquals("", AlertTypes.sanitise(" \t "));
    }

    @Test
    void cutsOverlongNames() {
        assertEquals(AlertTypes.MAX_LENGTH, AlertTypes.sanitise("x".repeat(1000)).length());
    }

    @Test
    void takesTheCategoryBeforeTheFirstSlash() {
        assertEquals("Antigena", AlertTypes.category("Antigena/Network/Compliance/Antigena RDP Block"));
        assertEquals("Probe Error", AlertTypes.category("Probe Error"));
    }
}
