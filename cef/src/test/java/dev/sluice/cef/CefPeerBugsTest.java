package dev.sluice.cef;

import static dev.sluice.cef.CefAssertions.cef;
import static dev.sluice.cef.CefAssertions.map;
import static dev.sluice.cef.CefAssertions.parsed;
import static dev.sluice.cef.CefAssertions.rejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every CEF/syslog parser bug listed in syslog-cef-rules.md B.6, as a test. Framing and syslog
 * header bugs from that table are in the syslog module's tests (named there after the same
 * issues).
 */
class CefPeerBugsTest {

  @Test
  void liblognorm363FirstKeyWithoutSpaceAfterPipeKeepsFirstCharacter() {
    assertEquals(map("src", "10.0.0.1", "dst", "2.1.2.2"),
        parsed("CEF:0|V|P|1|2|N|10|src=10.0.0.1 dst=2.1.2.2").extensions());
  }

  @Test
  void liblognorm351EscapedSlashAndEmptyLastValue() {
    assertEquals(map("path", "Some\\/Path", "act", "x", "dpt", ""),
        parsed(cef("path=Some\\/Path act=x dpt=")).extensions());
  }

  @Test
  void liblognorm338EscapedPipeInHeader() {
    assertEquals("operation1|operation2",
        parsed("CEF:0|V|P|1|operation1\\|operation2|N|5|").signatureId());
  }

  @Test
  void liblognorm60EscapedBackslashInValue() {
    assertEquals(map("act", "blocked a \\", "dst", "1.1.1.1"),
        parsed(cef("act=blocked a \\\\ dst=1.1.1.1")).extensions());
  }

  @Test
  void logstash54DottedTokenAfterSpaceIsNotAKeyWithoutEquals() {
    assertEquals(map("query_string", "key1=value1&key2=value3 aa.bc&key3=value4"),
        parsed(cef("query_string=key1\\=value1&key2\\=value3 aa.bc&key3\\=value4")).extensions());
  }

  @Test
  void logstash56UnescapedEqualsDoesNotTruncateValue() {
    CefEvent e = parsed(cef("requestClientApplication='Mozilla Guid:test=' src=1.2.3.4"));
    assertEquals(map("requestClientApplication", "'Mozilla Guid:test='", "src", "1.2.3.4"),
        e.extensions());
    assertTrue(e.repairs().contains(CefRepair.UNESCAPED_EQUALS_IN_VALUE));
  }

  @Test
  void logstash50TwoCharacterSubKeysAreKeys() {
    assertEquals(map("deviceSeverity", "notice", "ad.nn", "TEST", "src", "1.2.3.4"),
        parsed(cef("deviceSeverity=notice ad.nn=TEST src=1.2.3.4")).extensions());
  }

  @Test
  void logstash69NewlineEscapeIsUnescaped() {
    assertEquals("string with embedded\nnew lines",
        parsed(cef("param3=string with embedded\\nnew lines")).get("param3"));
  }

  @Test
  void logstash49NestedCefValueProducesNoSpuriousFields() {
    CefEvent e = parsed(cef("ad.rawEvent=CEF:0|A|B|1|2|N|3|key\\=value other\\=x src=1.1.1.1"));
    assertEquals(map("ad.rawEvent", "CEF:0|A|B|1|2|N|3|key=value other=x", "src", "1.1.1.1"),
        e.extensions());
  }

  @Test
  void logstashGotchasPipeBackslashEqualsAndSpacesTogether() {
    assertEquals(map("msg", "a|b \\ c=d e", "k", "v"),
        parsed(cef("msg=a|b \\\\ c\\=d e k=v")).extensions());
  }

  @Test
  void vrl1455EscapedPipeInHeaderWithCef1() {
    CefEvent e = parsed("CEF:1|Product|Vendor|7|operation1\\|operation2|Information|Unknown|eventId=1");
    assertEquals("operation1|operation2", e.signatureId());
    assertEquals("Information", e.name());
    assertEquals("Unknown", e.severity());
    assertEquals(map("eventId", "1"), e.extensions());
  }

  @Test
  void vrl215LeadingSpaceBeforeFirstKey() {
    assertEquals(map("fileid", "341", "x", "y"), parsed("CEF:0|V|P|1|2|N|3| fileid=341 x=y")
        .extensions());
  }

  @Test
  void vrl1538UnescapedEqualsInUrlDoesNotFailTheParse() {
    assertEquals(map("request", "https://foo.com?id=foo&a=bar", "abc", "lol"),
        parsed(cef("request=https://foo.com?id=foo&a=bar abc=lol")).extensions());
  }

  @Test
  void vector14382EmptyAndQuotedValues() {
    assertEquals(map("src", "10.0.0.1", "dst", "", "spt", "", "msg", "\"quoted\""),
        parsed(cef("src=10.0.0.1 dst= spt= msg=\"quoted\"")).extensions());
  }

  @Test
  void vector23778GarbageAfterDotIsNotAKey() {
    CefEvent e = parsed(cef("msg=ids ad.=> 10348, 10349). src=1.1.1.1"));
    assertEquals(map("msg", "ids ad.=> 10348, 10349).", "src", "1.1.1.1"), e.extensions());
    assertFalse(e.has("ad."));
  }

  @Test
  void vrl1454JsonWithEscapedQuotesAndBackslashes() {
    CefEvent e = parsed(cef("cs1={\"path\":\"C:\\\\\\\\Windows\",\"q\":\"a \\\"b\\\"\"} cs1Label=j"));
    assertEquals("{\"path\":\"C:\\\\Windows\",\"q\":\"a \\\"b\\\"\"}", e.get("cs1"));
    assertEquals("j", e.get("cs1Label"));
  }

  @Test
  void beats19292SpaceBeforeEquals() {
    assertEquals(map("foo", "bar"), parsed(cef("foo =bar")).extensions());
  }

  @Test
  void beats17253TrailingSpaceInLastValueIsTrimmed() {
    assertEquals("127.0.0.1", parsed(cef("x=1 src=127.0.0.1 ")).get("src"));
  }

  @Test
  void integrations2676DashedTimeAndRawBackslashesAreKept() {
    CefEvent e = parsed(cef("rt=2022-02-20 10:00:00 filePath=C:\\Windows\\x"));
    assertEquals(map("rt", "2022-02-20 10:00:00", "filePath", "C:\\Windows\\x"), e.extensions());
  }

  @Test
  void nifiHeaderlessHeaderfulAndEmptyExtension() {
    assertEquals(0, parsed("CEF:0|V|P|1|2|N|5|").extensionCount());
    assertEquals("V", parsed("<134>Jan 18 11:07:53 host CEF:0|V|P|1|2|N|5|").deviceVendor());
  }

  @Test
  void graylogPluginCef11And19PrefixVariants() {
    assertEquals("<134>Jan 18 11:07:53 host ",
        parsed("<134>Jan 18 11:07:53 host CEF:0|V|P|1|2|N|5|a=b").prefix());
    assertEquals("<132>Aug 14 14:26:55 ",
        parsed("<132>Aug 14 14:26:55 CEF:0|V|P|1|2|N|5|a=b").prefix());
    assertEquals("", parsed("CEF:0|V|P|1|2|N|5|a=b").prefix());
  }

  @Test
  void graylog5781EqualsInValueDoesNotSplit() {
    assertEquals(map("msg", "a=b c"), parsed(cef("msg=a=b c")).extensions());
  }

  @Test
  void graylog27336MarkerInsideHostname() {
    assertEquals("x",
        parsed("2026-09-03T16:35:24Z host-CEF:1-box CEF:0|V|P|1.0|1|N|5|msg=x").get("msg"));
  }

  @Test
  void fluentd2835CefAfterTagIsFound() {
    assertEquals("PowerShell",
        parsed("<43>Feb 24 11:05:17 1.2.3.4 PowerShell CEF:0|MS|PowerShell|1|2|N|5|a=b")
            .deviceProduct());
  }

  @Test
  void victoriaLogs1731Base64PaddingKeepsOtherFields() {
    CefEvent e = parsed(cef("key=aGVsbG8= spt=1232"));
    assertEquals(map("key", "aGVsbG8=", "spt", "1232"), e.extensions());
  }

  @Test
  void nsyslogParser9EscapedBackslashBeforeEquals() {
    // "\\=" is an escaped backslash followed by an unescaped '=' that is not a key boundary.
    CefEvent e = parsed(cef("act=blocked a \\\\= dst=1.1.1.1"));
    assertEquals(map("act", "blocked a \\=", "dst", "1.1.1.1"), e.extensions());
  }

  @Test
  void truncatedHeaderIsARejectionNotACrash() {
    assertEquals(CefRejectionCode.CEF_TRUNCATED_HEADER, rejected("CEF:0|V|P").code());
  }
}
