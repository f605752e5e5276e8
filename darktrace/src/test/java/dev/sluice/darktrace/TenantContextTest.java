package dev.sluice.darktrace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.ocsf.NetworkScope;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TenantContextTest {
    private static TenantContext json(String text) throws Exception {
        return TenantContext.fromJson(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void marksTheSevenDefaultRangesInternal() {
        TenantContext t = TenantContext.defaults();
        for (String ip : List.of("10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.9.9", "127.0.0.1", "fc00::1",
                "fdff::1", "fe80::1", "169.254.1.1")) {
            assertEquals(NetworkScope.INTERNAL, t.scopeOfAddress(ip), ip);
        }
        for (String ip : List.of("172.32.0.1", "127.0.0.2", "8.8.8.8", "2001:db8::1", "fec0::1", "11.0.0.1")) {
            assertEquals(NetworkScope.EXTERNAL, t.scopeOfAddress(ip), ip);
        }
    }

    @Test
    void matchesIpv4RangesOfEveryPrefixLength() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(11);
        for (int round = 0; round < 2000; round++) {
            int prefix = random.nextInt(0, 33);
            int network = random.nextInt();
            int address = random.nextBoolean() ? random.nextInt() : network ^ (1 << random.nextInt(32));
            IpRange range = IpRange.parse(text(network) + "/" + prefix);
            boolean expected = true;
            for (int bit = 31; bit >= 32 - prefix; bit--) {
                expected &= ((network >>> bit) & 1) == ((address >>> bit) & 1);
            }
            byte[] bytes = {(byte) (address >>> 24), (byte) (address >>> 16), (byte) (address >>> 8), (byte) address};
            assertEquals(expected, range.contains(bytes), range + " " + text(address));
        }
        assertFalse(IpRange.parse("10.0.0.0/8").contains(new byte[16]));
        assertFalse(IpRange.parse("::/0").contains(new byte[] {10, 0, 0, 1}));
    }

    private static String text(int address) {
        return (address >>> 24) + "." + ((address >>> 16) & 0xff) + "." + ((address >>> 8) & 0xff) + "." + (address & 0xff);
    }

    @Test
    void treatsUnspecifiedAndNonAddressesAsUnknown() {
        TenantContext t = TenantContext.defaults();
        assertEquals(NetworkScope.UNKNOWN, t.scopeOfAddress("0.0.0.0"));
        assertEquals(NetworkScope.UNKNOWN, t.scopeOfAddress("::"));
        assertEquals(NetworkScope.UNKNOWN, t.scopeOfAddress("example.com"));
        assertEquals(NetworkScope.UNKNOWN, t.scopeOfAddress("10.0.0"));
        assertEquals(NetworkScope.UNKNOWN, t.scopeOfAddress("010.0.0.1"));
        assertEquals(NetworkScope.UNKNOWN, t.scopeOfAddress("1.2.3.256"));
    }

    @Test
    void addsTheTenantsOwnRangesToTheDefaults() throws Exception {
        TenantContext t = json("{\"tenant_uid\":\"acme\",\"internal_domains\":[\"Corp.Example.\"],"
                + "\"internal_ip_ranges\":[\"203.0.113.0/24\",\"2001:db8:1::/48\",\"198.51.100.7\"]}");
        assertEquals("acme", t.tenantUid());
        assertEquals(7 + 3, t.internalRanges().size());
        assertEquals(NetworkScope.INTERNAL, t.scopeOfAddress("203.0.113.200"));
        assertEquals(NetworkScope.EXTERNAL, t.scopeOfAddress("203.0.114.1"));
        assertEquals(NetworkScope.INTERNAL, t.scopeOfAddress("2001:db8:1:ffff::1"));
        assertEquals(NetworkScope.EXTERNAL, t.scopeOfAddress("2001:db8:2::1"));
        assertEquals(NetworkScope.INTERNAL, t.scopeOfAddress("198.51.100.7"));
        assertEquals(NetworkScope.EXTERNAL, t.scopeOfAddress("198.51.100.8"));
    }

    @Test
    void acceptsTheControlPlaneCamelCaseNames() throws Exception {
        TenantContext t = json("{\"tenantUid\":\"acme\",\"internalDomains\":[\"corp.example\"],\"internalIpRanges\":[\"203.0.113.0/24\"]}");
        assertEquals("acme", t.tenantUid());
        assertEquals(NetworkScope.INTERNAL, t.scopeOfAddress("203.0.113.9"));
        assertEquals(NetworkScope.INTERNAL, t.scopeOfHostname("a.corp.example"));
    }

    @Test
    void matchesHostnamesByInternalDomain() throws Exception {
        TenantContext t = json("{\"internal_domains\":[\"corp.example\",\"*.lab.test\"]}");
        assertEquals(NetworkScope.INTERNAL, t.scopeOfHostname("ws-042.corp.example"));
        assertEquals(NetworkScope.INTERNAL, t.scopeOfHostname("CORP.EXAMPLE."));
        assertEquals(NetworkScope.INTERNAL, t.scopeOfHostname("a.b.lab.test"));
        assertEquals(NetworkScope.EXTERNAL, t.scopeOfHostname("evilcorp.example"));
        assertEquals(NetworkScope.EXTERNAL, t.scopeOfHostname("motd.ubuntu.com"));
        assertEquals(NetworkScope.UNKNOWN, t.scopeOfHostname("ws-042"));
        assertEquals(NetworkScope.UNKNOWN, TenantContext.defaults().scopeOfHostname("motd.ubuntu.com"));
    }

    @Test
    void letsTheAddressDecideBeforeTheHostname() throws Exception {
        TenantContext t = json("{\"internal_domains\":[\"corp.example\"]}");
        assertEquals(NetworkScope.EXTERNAL, t.scopeOf("8.8.8.8", "dns.corp.example"));
        assertEquals(NetworkScope.INTERNAL, t.scopeOf(null, "dns.corp.example"));
        assertEquals(NetworkScope.INTERNAL, t.scopeOf("0.0.0.0", "dns.corp.example"));
    }

    @Test
    void rejectsInvalidContexts() {
        assertThrows(IllegalArgumentException.class, () -> json("{\"internal_ip_ranges\":[\"10.0.0.0/33\"]}"));
        assertThrows(IllegalArgumentException.class, () -> json("{\"internal_ip_ranges\":[\"intranet\"]}"));
        assertThrows(IllegalArgumentException.class, () -> json("{\"internal_ip_ranges\":\"10.0.0.0/8\"}"));
        assertThrows(IllegalArgumentException.class, () -> json("{\"internal_domains\":[\"a b\"]}"));
        assertThrows(IllegalArgumentException.class, () -> json("[]"));
    }

    @Test
    void ignoresHostBitsBelowThePrefix() {
        IpRange r = IpRange.parse("192.0.2.77/24");
        assertEquals(IpRange.parse("192.0.2.0/24"), r);
        assertTrue(r.contains(new byte[] {(byte) 192, 0, 2, 1}));
        assertFalse(r.contains(new byte[] {(byte) 192, 0, 3, 1}));
        assertTrue(IpRange.parse("0.0.0.0/0").contains(new byte[] {8, 8, 8, 8}));
        assertFalse(IpRange.parse("::/0").contains(new byte[] {8, 8, 8, 8}));
    }
}
