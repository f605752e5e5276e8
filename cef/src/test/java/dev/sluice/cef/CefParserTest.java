package dev.sluice.cef;

import static dev.sluice.cef.CefAssertions.cef;
import static dev.sluice.cef.CefAssertions.map;
import static dev.sluice.cef.CefAssertions.parsed;
import static dev.sluice.cef.CefAssertions.rejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** ArcSight CEF rules (syslog-cef-rules.md B.5). */
class CefParserTest {

  @Nested
  class Header {

    @Test
    void readsSevenHeaderFields() {
      CefEvent e = parsed("CEF:0|Darktrace|DCIP|3.0.8|537|Antigena/Network/RDP Block|Low|a=b");
      assertEquals(0, e.version());
      assertEquals("Darktrace", e.deviceVendor());
      assertEquals("DCIP", e.deviceProduct());
      assertEquals("3.0.8", e.deviceVersion());
      assertEquals("537", e.signatureId());
      assertEquals("Antigena/Network/RDP Block", e.name());
      assertEquals("Low", e.severity());
      assertTrue(e.isVendor("Darktrace"));
      assertFalse(e.isVendor("Darktrac"));
    }

    @Test
    void extensionMayBeEmptyOrMissing() {
      assertEquals(0, parsed("CEF:0|V|P|1|2|N|5|").extensionCount());
      assertEquals(0, parsed("CEF:0|V|P|1|2|N|5|   ").extensionCount());
    }

    @Test
    void fewerThanSevenPipesIsATruncatedHeaderWithThePartsRead() {
      CefParseResult.Rejected r = rejected("<13>x CEF:0|Vendor|Product|1.0|100|Name");
      assertEquals(CefRejectionCode.CEF_TRUNCATED_HEADER, r.code());
      assertEquals(List.of("0", "Vendor", "Product", "1.0", "100", "Name"), r.headerFields());
      assertEquals("<13>x ", r.prefix());
    }

    @Test
    void sixPipesWithoutTrailingPipeIsTruncated() {
      assertEquals(CefRejectionCode.CEF_TRUNCATED_HEADER,
          rejected("CEF:0|V|P|1|2|N|5").code());
    }

    @Test
    void unescapesPipeAndBackslashInHeaderAndKeepsEqualsLiteral() {
      CefEvent e = parsed("CEF:0|Ven\\|dor|Pro\\\\duct|a=b|2|N\\n|5|k=v");
      assertEquals("Ven|dor", e.deviceVendor());
      assertEquals("Pro\\duct", e.deviceProduct());
      assertEquals("a=b", e.deviceVersion());
      assertEquals("N\\n", e.name());
      assertTrue(e.repairs().contains(CefRepair.UNDEFINED_ESCAPE_KEPT));
      assertEquals(Map.of("k", "v"), e.extensions());
    }

    @Test
    void acceptsCef1() {
      // liblognorm rejects CEF:1.
      assertEquals(1, parsed("CEF:1|V|P|1|2|N|5|src=::1").version());
    }

    @Test
    void rejectsNonIntegerVersionWithTheHeaderRead() {
      CefParseResult.Rejected r = rejected("CEF:x|V|P|1|2|N|5|");
      assertEquals(CefRejectionCode.CEF_INVALID_VERSION, r.code());
      assertEquals("V", r.headerFields().get(1));
    }

    @Test
    void rejectsTextWithoutMarker() {
      CefParseResult.Rejected r = rejected("{\"json\":true}");
      assertEquals(CefRejectionCode.NOT_CEF, r.code());
      assertEquals("{\"json\":true}", r.prefix());
      assertTrue(r.headerFields().isEmpty());
    }

    @Test
    void readsNumericSeverityWithLevel() {
      assertEquals(CefSeverity.LOW, parsed("CEF:0|V|P|1|2|N|3|").severityLevel());
      assertEquals(CefSeverity.MEDIUM, parsed("CEF:0|V|P|1|2|N|4|").severityLevel());
      assertEquals(CefSeverity.MEDIUM, parsed("CEF:0|V|P|1|2|N|6|").severityLevel());
      assertEquals(CefSeverity.HIGH, parsed("CEF:0|V|P|1|2|N|7|").severityLevel());
      assertEquals(CefSeverity.HIGH, parsed("CEF:0|V|P|1|2|N|8|").severityLevel());
      CefEvent veryHigh = parsed("CEF:0|V|P|1|2|N|10|");
      assertEquals(CefSeverity.VERY_HIGH, veryHigh.severityLevel());
      assertEquals(10, veryHigh.severityNumber());
      assertEquals("10", veryHigh.severity());
    }

    @Test
    void readsSeverityWordsKeepingTheOriginal() {
      CefEvent e = parsed("CEF:0|V|P|1|2|N|Very-High|");
      assertEquals(CefSeverity.VERY_HIGH, e.severityLevel());
      assertEquals(-1, e.severityNumber());
      assertEquals("Very-High", e.severity());
      assertEquals(CefSeverity.UNKNOWN, parsed("CEF:0|V|P|1|2|N|Unknown|").severityLevel());
      assertEquals(CefSeverity.MEDIUM, parsed("CEF:0|V|P|1|2|N|medium|").severityLevel());
    }

    @Test
    void keepsUnrecognizedSeverityAndRecordsIt() {
      CefEvent e = parsed("CEF:0|V|P|1|2|N|11|");
      assertEquals(CefSeverity.UNKNOWN, e.severityLevel());
      assertEquals("11", e.severity());
      assertTrue(e.repairs().contains(CefRepair.SEVERITY_UNRECOGNIZED));
      assertTrue(parsed("CEF:0|V|P|1|2|N|Critical|").repairs()
          .contains(CefRepair.SEVERITY_UNRECOGNIZED));
    }

    @Test
    void skipsMarkerInsideHostnameAndKeepsThePrefix() {
      // graylog2-server PR #27336.
      CefEvent e = parsed("2026-09-03T16:35:24Z host-CEF:1-box CEF:0|V|P|1.0|1|N|5|msg=x");
      assertEquals("2026-09-03T16:35:24Z host-CEF:1-box ", e.prefix());
      assertEquals(Map.of("msg", "x"), e.extensions());
    }

    @Test
    void skipsMarkerWithoutVersionDigits() {
      CefEvent e = parsed("note CEF:abc real CEF:0|V|P|1|2|N|5|a=b");
      assertEquals("V", e.deviceVendor());
      assertEquals("note CEF:abc real ", e.prefix());
    }
  }

  @Nested
  class Extension {

    @Test
    void keyAndValueOffsetsPointAtTheBytesAsSent() {
      byte[] bytes = "<13>x CEF:0|V|P|1|2|N|5|dvc=10.0.0.1 msg=a\\=b\\nc ad.x=ü".getBytes(java.nio.charset.StandardCharsets.UTF_8);
      CefEvent e = ((CefParseResult.Parsed) new CefParser().parse(bytes, 0, bytes.length)).event();
      assertTrue(e.array() == bytes);
      String[] keys = {"dvc", "msg", "ad.x"};
      String[] raw = {"10.0.0.1", "a\\=b\\nc", "ü"};
      for (int i = 0; i < 3; i++) {
        assertEquals(keys[i], new String(bytes, e.keyFrom(i), e.keyTo(i) - e.keyFrom(i), java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals(raw[i], new String(bytes, e.valueFrom(i), e.valueTo(i) - e.valueFrom(i), java.nio.charset.StandardCharsets.UTF_8));
      }
      assertEquals("a=b\nc", e.value(1));
    }

    @Test
    void valuesMayContainSpaces() {
      assertEquals(map("msg", "hello big world", "src", "10.0.0.1"),
          parsed(cef("msg=hello big world src=10.0.0.1")).extensions());
    }

    @Test
    void unescapesEqualsBackslashAndLineBreaks() {
      CefEvent e = parsed(cef("a=x\\=y b=c\\\\d c=l1\\nl2\\rl3"));
      assertEquals(map("a", "x=y", "b", "c\\d", "c", "l1\nl2\rl3"), e.extensions());
      assertTrue(e.repairs().isEmpty());
    }

    @Test
    void pipesNeedNoEscapingInExtension() {
      assertEquals(map("msg", "a|b", "k", "v"), parsed(cef("msg=a|b k=v")).extensions());
    }

    @Test
    void keepsUndefinedEscapesAsSent() {
      CefEvent e = parsed(cef("path=C\\/x t=a\\tb q=\\\"q\\\""));
      assertEquals(map("path", "C\\/x", "t", "a\\tb", "q", "\\\"q\\\""), e.extensions());
      assertTrue(e.repairs().contains(CefRepair.UNDEFINED_ESCAPE_KEPT));
    }

    @Test
    void unescapedEqualsNotPrecededBySpaceKeyStaysInValue() {
      CefEvent e = parsed(cef("request=https://x.test/?a=1&b=2 aid=abc== next=1"));
      assertEquals(map("request", "https://x.test/?a=1&b=2", "aid", "abc==", "next", "1"),
          e.extensions());
      assertEquals(Set.of(CefRepair.UNESCAPED_EQUALS_IN_VALUE), e.repairs());
    }

    @Test
    void acceptsRealWorldKeyCharacters() {
      CefEvent e = parsed(cef(
          "ad.darktraceUrl=https://h/#x _cefVer=0.1 ad.X-User-Identity=u ad.Request-Id=7 a[0]=z"));
      assertEquals(map("ad.darktraceUrl", "https://h/#x", "_cefVer", "0.1",
          "ad.X-User-Identity", "u", "ad.Request-Id", "7", "a[0]", "z"), e.extensions());
    }

    @Test
    void toleratesSpaceBetweenKeyAndEquals() {
      // elastic/beats #19292.
      CefEvent e = parsed(cef("foo =bar baz=1"));
      assertEquals(map("foo", "bar", "baz", "1"), e.extensions());
      assertTrue(e.repairs().contains(CefRepair.SPACE_BEFORE_EQUALS));
    }

    @Test
    void skipsLeadingSpacesAfterSeventhPipe() {
      assertEquals(map("eventId", "2"), parsed(cef("   eventId=2")).extensions());
    }

    @Test
    void firstKeyDirectlyAfterPipeKeepsItsFirstCharacter() {
      assertEquals(map("src", "10.0.0.1"), parsed(cef("src=10.0.0.1")).extensions());
    }

    @Test
    void extraSpacesBeforeAKeyBelongToThePreviousValue() {
      // CEF v26: all spaces but the last are trailing spaces of the prior value.
      assertEquals(map("a", "x  ", "b", "y"), parsed(cef("a=x   b=y")).extensions());
    }

    @Test
    void trimsTrailingWhitespaceOfTheLastValue() {
      CefEvent e = parsed(cef("a=x b=y \r\n"));
      assertEquals(map("a", "x", "b", "y"), e.extensions());
      assertTrue(e.repairs().contains(CefRepair.TRAILING_WHITESPACE_TRIMMED));
    }

    @Test
    void keepsEmptyValues() {
      assertEquals(map("dpt", "", "cs1", "", "cs1Label", "Virus Name"),
          parsed(cef("dpt= cs1= cs1Label=Virus Name")).extensions());
      assertEquals(map("a", "1", "dpt", ""), parsed(cef("a=1 dpt=")).extensions());
    }

    @Test
    void keepsQuotesAsData() {
      assertEquals(map("msg", "\"Some message.\"", "request", "'https://x/'"),
          parsed(cef("msg=\"Some message.\" request='https://x/'")).extensions());
    }

    @Test
    void duplicateKeysKeepEveryPairAndTheLastValueWins() {
      CefEvent e = parsed(cef("a=1 b=2 a=3"));
      assertEquals(3, e.extensionCount());
      assertEquals("1", e.value(0));
      assertEquals("3", e.get("a"));
      assertEquals(map("a", "3", "b", "2"), e.extensions());
      assertTrue(e.repairs().contains(CefRepair.DUPLICATE_KEY));
    }

    @Test
    void textBeforeTheFirstKeyIsKeptAndRecorded() {
      CefEvent e = parsed(cef("hello world a=1"));
      assertEquals("hello world", e.unkeyedText());
      assertEquals(map("a", "1"), e.extensions());
      assertTrue(e.repairs().contains(CefRepair.TEXT_WITHOUT_KEY));
      assertEquals("just text", parsed(cef("just text")).unkeyedText());
    }

    @Test
    void joinsCustomFieldLabelsWhicheverComesFirst() {
      CefEvent e = parsed(cef("cs1Label=modelUrl cs1=https://x cn2=5 cn2Label=score"
          + " cs3=orphan flexString1Label=lonely"));
      assertEquals(List.of(new CefCustomField("cs1", "modelUrl", "https://x"),
          new CefCustomField("cn2", "score", "5"), new CefCustomField("cs3", null, "orphan"),
          new CefCustomField("flexString1", "lonely", null)), e.customFields());
    }

    @Test
    void mapsShortKeysToFullNames() {
      assertEquals("deviceReceiptTime", CefKeys.fullName("rt"));
      assertEquals("sourceAddress", CefKeys.fullName("src"));
      assertEquals("deviceSeverity", CefKeys.fullName("deviceSeverity"));
    }

    @Test
    void flagsInvalidUtf8AndReplacesIt() {
      byte[] bytes = cef("msg=a\u0000b").getBytes(java.nio.charset.StandardCharsets.UTF_8);
      bytes[bytes.length - 2] = (byte) 0xC3;
      CefEvent e = ((CefParseResult.Parsed) new CefParser().parse(bytes)).event();
      assertEquals("a\uFFFDb", e.get("msg"));
      assertTrue(e.repairs().contains(CefRepair.INVALID_UTF8));
      assertFalse(parsed(cef("msg=grüße")).repairs().contains(CefRepair.INVALID_UTF8));
    }

    @Test
    void lookupOfAbsentKeyIsNull() {
      CefEvent e = parsed(cef("a=1"));
      assertNull(e.get("b"));
      assertFalse(e.has("b"));
      assertEquals(-1, e.lastIndexOf("b"));
    }

    @Test
    void readsTheDarktraceFortisiemSample() {
      CefEvent e = parsed("CEF:0|Darktrace|DCIP|3.0.8|537|Antigena/Network/Compliance/Antigena"
          + " RDP Block|Low| eventId=2 sourceZoneURI=/All Zones/ArcSight System/Private Address"
          + " Space Zones/RFC1918: 192.0.2.0-10.255.255.255 aid=3mAvC02UBABCAa72iNm4jZA\\=\\="
          + " _cefVer=0.1 ad.darktraceUrl=https://192.0.2.10/#modelbreach/1462565");
      assertEquals(map("eventId", "2", "sourceZoneURI",
          "/All Zones/ArcSight System/Private Address Space Zones/RFC1918: 192.0.2.0-10.255.255.255",
          "aid", "3mAvC02UBABCAa72iNm4jZA==", "_cefVer", "0.1",
          "ad.darktraceUrl", "https://192.0.2.10/#modelbreach/1462565"), e.extensions());
      assertTrue(e.repairs().isEmpty());
    }
  }
}
