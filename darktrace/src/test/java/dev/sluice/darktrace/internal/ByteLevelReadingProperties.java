package dev.sluice.darktrace.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The mapper's readings on the CEF bytes (numbers, IPv4 addresses, MACs, keys) against the
 * general readings on the decoded text they replace: where a byte-level reading answers, it
 * answers what the text reading does; where it does not (escapes, spaces, non-ASCII, IPv6,
 * anything malformed), the mapper falls back to the text reading.
 */
class ByteLevelReadingProperties {

    @Property(tries = 2000, seed = "20261128")
    void ipv4OnBytesAgreesWithTheTextParser(@ForAll("addressLike") String text) {
        byte[] bytes = padded(text);
        byte[] fast = IpAddresses.parseIpv4(bytes, 3, bytes.length - 3);
        byte[] general = IpAddresses.parse(text);
        if (fast != null) {
            assertArrayEquals(general, fast, text);
        } else if (general != null && general.length == 4) {
            // Only a text the byte reading cannot see as it stands: surrounding whitespace.
            assertTrue(!text.equals(text.trim()), text);
        }
    }

    @Test
    void ipv4OnBytesRejectsWhatTheTextParserRejects() {
        for (String s : new String[] {"010.0.0.1", "256.1.1.1", "1.2.3", "1.2.3.4.5", "1..2.3", "1.2.3.4 ", " 1.2.3.4", "::1",
            "1.2.3.-4", "1.2.3.4a", "", "١.2.3.4", "999999999999999"}) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            assertNull(IpAddresses.parseIpv4(b, 0, b.length), s);
        }
        assertArrayEquals(new byte[] {10, 0, 0, 1}, IpAddresses.parseIpv4("x10.0.0.1y".getBytes(StandardCharsets.US_ASCII), 1, 9));
        assertArrayEquals(new byte[] {(byte) 255, 0, 0, 0}, IpAddresses.parseIpv4("255.0.0.0".getBytes(StandardCharsets.US_ASCII), 0, 9));
    }

    @Property(tries = 2000, seed = "20261129")
    void macOnBytesAgreesWithTheTextCheck(@ForAll("macLike") String text) {
        byte[] bytes = padded(text);
        boolean fast = FindingDraft.isMac(bytes, 3, bytes.length - 3);
        if (fast) {
            assertTrue(FindingDraft.isMac(text), text);
        } else if (FindingDraft.isMac(text)) {
            // The text check also accepts surrounding whitespace and non-ASCII hex digits.
            assertTrue(!text.equals(text.trim()) || text.chars().anyMatch(c -> c > 0x7f), text);
        }
    }

    @Property(tries = 2000, seed = "20261130")
    void smallNumbersOnBytesAgreeWithParseInt(@ForAll("numberLike") String text) {
        byte[] bytes = padded(text);
        int fast = CefAlertMapper.Extensions.smallNumber(bytes, 3, bytes.length - 3);
        boolean plainDigits = !text.isEmpty() && text.length() <= 5 && text.chars().allMatch(c -> c >= '0' && c <= '9');
        assertEquals(plainDigits ? Integer.parseInt(text) : -1, fast, text);
    }

    @Property(tries = 1000, seed = "20261131")
    void keysAreFoundOnTheBytesWhereverTheyLie(@ForAll("keys") String key, @ForAll("tails") int tail) {
        byte[] bytes = new byte[2 + key.length() + tail];
        Arrays.fill(bytes, (byte) '=');
        System.arraycopy(key.getBytes(StandardCharsets.US_ASCII), 0, bytes, 2, key.length());
        CefKeyDictionary.Key k = CefKeyDictionary.lookup(bytes, 2, 2 + key.length());
        assertEquals(key, k.name);
        assertEquals("cef." + key, k.unmappedName);
        assertEquals(CefAlertMapper.Extensions.slot(key), k.slot);
        assertEquals(key.startsWith("ad."), k.relay);
        assertEquals(key.endsWith("Label"), k.label);
        byte[] alone = key.getBytes(StandardCharsets.US_ASCII);
        assertSame(k, CefKeyDictionary.lookup(alone, 0, alone.length), key);
    }

    @Test
    void knownAndRelayedKeysCarryTheirSlots() {
        for (int slot = 0; slot < CefAlertMapper.Extensions.NAMES.length; slot++) {
            String name = CefAlertMapper.Extensions.NAMES[slot];
            byte[] b = ("ad." + name).getBytes(StandardCharsets.US_ASCII);
            assertEquals(slot, CefKeyDictionary.lookup(b, 3, b.length).slot, name);
            CefKeyDictionary.Key relayed = CefKeyDictionary.lookup(b, 0, b.length);
            assertEquals(-1, relayed.slot, name);
            assertEquals(slot, relayed.relayedSlot, name);
        }
        byte[] label = "cs12Label flexNumber1Label fooLabel".getBytes(StandardCharsets.US_ASCII);
        assertEquals("cs12", CefKeyDictionary.lookup(label, 0, 9).labelledKey());
        assertEquals("flexNumber1", CefKeyDictionary.lookup(label, 10, 26).labelledKey());
        assertNull(CefKeyDictionary.lookup(label, 27, 35).labelledKey());
        assertTrue(CefKeyDictionary.lookup(label, 0, 4).customValue);
    }

    @Property(tries = 3000, seed = "20261132")
    void decimalsAreReadAsDoubleParseDoubleReadsThem(@ForAll("decimals") String text) {
        assertEquals(Double.valueOf(Double.parseDouble(text)), Severities.decimal(text), text);
    }

    @Property(tries = 1000, seed = "20261133")
    void alertNamesFoundByTheirBytesAreTheOnesDerivedFromTheText(@ForAll("names") String name) {
        String header = name.replace("\\", "\\\\").replace("|", "\\|");
        var parsed = new dev.sluice.cef.CefParser().parse("<13>x CEF:0|Darktrace|DCIP|1|2|" + header + "|5|a=b");
        dev.sluice.cef.CefEvent event = ((dev.sluice.cef.CefParseResult.Parsed) parsed).event();
        AlertNames.Name expected = AlertNames.Name.of(name);
        assertEquals(expected, AlertNames.of(event), name);
        assertEquals(expected, AlertNames.of(event), name); // again, now from the table
        var again = new dev.sluice.cef.CefParser().parse("CEF:0|Darktrace|DCIP|1|2|" + header + "|5|");
        assertEquals(expected, AlertNames.of(((dev.sluice.cef.CefParseResult.Parsed) again).event()), name);
    }

    @Property(tries = 2000, seed = "20261134")
    void techniquesOnBytesAreTheOnesReadFromTheText(@ForAll("techniqueLike") String text) {
        byte[] bytes = padded(text);
        assertEquals(AttackTable.bundled().attack(text, null), AttackTable.bundled().attack(bytes, 3, bytes.length - 3), text);
        assertEquals(AttackTable.bundled().attack(text, null), AttackTable.bundled().attack(bytes, 3, bytes.length - 3), text);
    }

    @Property(tries = 2000, seed = "20261135")
    void smallNumberTextsAreTheDecodedBytes(@ForAll("numberLike") String text) {
        byte[] bytes = padded(text);
        String shared = SmallNumbers.text(bytes, 3, bytes.length - 3);
        boolean small = text.matches("0|[1-9][0-9]{0,3}");
        if (small) {
            assertEquals(text, shared);
            assertSame(shared, SmallNumbers.text(bytes, 3, bytes.length - 3));
        } else {
            assertNull(shared, text);
        }
    }

    @Property(tries = 1000, seed = "20261137")
    void sharedNumberTextsAreTheDecimalTextAndTheOnesReadFromBytes(@ForAll @IntRange(min = -20, max = 20_000) int n) {
        String text = SmallNumbers.of(n);
        assertEquals(Integer.toString(n), text);
        if (n >= 0 && n <= SmallNumbers.MAX) {
            assertSame(text, SmallNumbers.of(n));
            byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
            assertSame(text, SmallNumbers.text(bytes, 0, bytes.length));
        }
    }

    @Property(tries = 1000, seed = "20261136")
    void productNamesFoundByTheirBytesAreTheOnesReadFromTheText(@ForAll("names") String product, @ForAll("names") String version) {
        String header = "CEF:0|Darktrace|" + escape(product) + "|" + escape(version) + "|2|A/B|5|a=b";
        dev.sluice.cef.CefEvent event = ((dev.sluice.cef.CefParseResult.Parsed) new dev.sluice.cef.CefParser().parse(header)).event();
        ProductNames.Names expected = ProductNames.Names.of(event);
        assertEquals(expected, ProductNames.of(event), header);
        assertEquals(expected, ProductNames.of(event), header); // again, now from the table
    }

    private static String escape(String headerField) {
        return headerField.replace("\\", "\\\\").replace("|", "\\|");
    }

    @Provide
    Arbitrary<String> techniqueLike() {
        return Arbitraries.oneOf(Arbitraries.integers().between(0, 9999).map(n -> String.format("T%04d", n)),
                Arbitraries.strings().withChars("T0123456789.x").ofMinLength(1).ofMaxLength(10),
                Arbitraries.of("T1071.001", "T1190", "t1190", "T119", "T11900", "T1190.", "T1190.01", "T0000"));
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(60).filter(s -> s.chars().noneMatch(c -> Character.isSurrogate((char) c))),
                Arbitraries.strings().withChars("AaBb /:|\\\té").ofMaxLength(30),
                Arbitraries.of("Anomalous Connection/High DGA Low DNS TTL", "Compromise/DNS / Possible DNS Tunnelling", "  Device::New  ",
                        "", " ", "Unusual Activity/Tunnel\\|Probe", "Antigena/Network/Compliance/Antigena RDP Block"));
    }

    @Provide
    Arbitrary<String> decimals() {
        Arbitrary<String> digits = Arbitraries.strings().numeric().ofMinLength(0).ofMaxLength(12);
        return Arbitraries.oneOf(
                net.jqwik.api.Combinators.combine(digits, digits).as((a, b) -> a + "." + b).filter(s -> s.length() > 1 && s.length() <= 24),
                digits.filter(s -> !s.isEmpty()),
                Arbitraries.of("0.1", "0.3", "0.871", "1.0", "99.99999999999999", "0.0000000000000001", "123456789012345.6", "9007199254740993",
                        ".5", "5.", "000.000"));
    }

    /** The text's UTF-8 bytes between three bytes of noise on each side (the reading must stay in its range). */
    private static byte[] padded(String text) {
        byte[] t = text.getBytes(StandardCharsets.UTF_8);
        byte[] b = new byte[t.length + 6];
        b[0] = '9';
        b[1] = '.';
        b[2] = ':';
        System.arraycopy(t, 0, b, 3, t.length);
        b[b.length - 3] = '1';
        b[b.length - 2] = '-';
        b[b.length - 1] = 'f';
        return b;
    }

    @Provide
    Arbitrary<String> addressLike() {
        Arbitrary<String> quad = Arbitraries.integers().between(0, 300).list().ofMinSize(1).ofMaxSize(5)
                .map(l -> String.join(".", l.stream().map(String::valueOf).toList()));
        Arbitrary<String> noisy = Arbitraries.strings().withChars("0123456789.: af\t١").ofMaxLength(20);
        return Arbitraries.oneOf(quad, noisy, quad.map(s -> " " + s), quad.map(s -> s + "\n"),
                Arbitraries.of("::1", "fe80::1", "0.0.0.0", "::ffff:1.2.3.4", "01.2.3.4"));
    }

    @Provide
    Arbitrary<String> macLike() {
        Arbitrary<String> pairs = Arbitraries.strings().withChars("0123456789abcdefABCDEFgG").ofLength(2).list().ofMinSize(5).ofMaxSize(7)
                .flatMap(l -> Arbitraries.of(":", "-", ".").map(sep -> String.join(sep, l)));
        return Arbitraries.oneOf(pairs, pairs.map(s -> " " + s), pairs.map(s -> s + " "),
                Arbitraries.strings().withChars("0a:-Ａ ").ofLength(17), Arbitraries.of("００:11:22:33:44:55", "c8:ff:28:b6:2c:d7"));
    }

    @Provide
    Arbitrary<String> numberLike() {
        return Arbitraries.oneOf(Arbitraries.integers().between(0, 9_999_999).map(String::valueOf),
                Arbitraries.strings().withChars("0123456789 +-x٣\\").ofMaxLength(7), Arbitraries.of("", "00080", "65536", "99999"));
    }

    @Provide
    Arbitrary<String> keys() {
        Arbitrary<String> plain = Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-[],")
                .ofMinLength(1).ofMaxLength(40);
        return Arbitraries.oneOf(plain, Arbitraries.of(CefAlertMapper.Extensions.NAMES), plain.map(s -> "ad." + s),
                plain.map(s -> s + "Label"), Arbitraries.of("cs1", "cs1Label", "deviceCustomDate2Label", "destinationZoneURI"));
    }

    @Provide
    Arbitrary<Integer> tails() {
        return Arbitraries.integers().between(0, 20);
    }
}
