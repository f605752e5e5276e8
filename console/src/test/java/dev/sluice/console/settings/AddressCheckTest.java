package dev.sluice.console.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class AddressCheckTest {

  @Test
  void acceptsTheDefaultRangesAndSingleAddresses() {
    for (String range : List.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "127.0.0.1/32",
        "fc00::/7", "fe80::/10", "169.254.0.0/16", "192.168.0.15/24", "1.1.1.1/32", "::1/128", "0.0.0.0/0")) {
      assertTrue(AddressCheck.cidr(range).isEmpty(), range);
    }
  }

  @Test
  void namesTheWrongValueAndSaysHowToFixIt() {
    assertEquals("\u201c10.0.0.1\u201d has no prefix length; write a range such as 192.168.0.0/24,"
        + " or add /32 for a single address.", AddressCheck.cidr("10.0.0.1").orElseThrow());
    assertTrue(AddressCheck.cidr("fe80::1").orElseThrow().contains("/128"));
    assertTrue(AddressCheck.cidr("10.0.0.0/33").orElseThrow().contains("0 to 32"));
    assertTrue(AddressCheck.cidr("fc00::/129").orElseThrow().contains("0 to 128"));
    assertTrue(AddressCheck.cidr("300.1.1.0/24").orElseThrow().contains("300.1.1.0/24"));
    assertTrue(AddressCheck.cidr("10.0.0.0/x").isPresent());
    assertTrue(AddressCheck.cidr("localhost/32").isPresent(), "names are not resolved");
  }

  @Test
  void ipv4NeedsFourDecimalPartsWithoutLeadingZeros() {
    assertTrue(AddressCheck.ipAddress("10.20.0.15").isEmpty());
    assertTrue(AddressCheck.ipAddress("10.20.0").isPresent());
    assertTrue(AddressCheck.ipAddress("010.1.1.1").isPresent());
    assertTrue(AddressCheck.ipAddress("1.2.3.4.5").isPresent());
    assertTrue(AddressCheck.ipAddress("2001:db8::1").isEmpty());
    assertTrue(AddressCheck.ipAddress("2001:db8:::1").isPresent());
    assertTrue(AddressCheck.ipAddress("example.com").isPresent());
  }

  @Test
  void domainsAreNamesWithoutSchemeOrPath() {
    assertTrue(AddressCheck.domain("corp.example.com").isEmpty());
    assertTrue(AddressCheck.domain("ad.corp").isEmpty());
    assertTrue(AddressCheck.domain("https://corp.example.com").orElseThrow().contains("URL"));
    assertTrue(AddressCheck.domain("bad..name").isPresent());
    assertTrue(AddressCheck.domain("-leading.example").isPresent());
    assertTrue(AddressCheck.domain("*.example.com").isPresent());
  }

  @Test
  void formSplitsOnLinesAndCommasAndDropsDuplicates() {
    assertEquals(List.of("10.0.0.0/8", "192.168.1.0/24"),
        DomainsForm.entries("10.0.0.0/8\n 192.168.1.0/24, 10.0.0.0/8\n\n"));
    assertEquals(List.of("\u201c1.2.3.4\u201d has no prefix length; write a range such as"
        + " 192.168.0.0/24, or add /32 for a single address."),
        DomainsForm.rangeProblems("10.0.0.0/8\n1.2.3.4"));
  }
}
