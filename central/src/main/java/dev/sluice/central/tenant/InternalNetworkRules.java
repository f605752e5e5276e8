package dev.sluice.central.tenant;

import dev.sluice.central.api.ApiException;
import dev.sluice.central.api.ErrorCode;
import dev.sluice.wire.image.IpLiterals;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Validation of internal domains and IP ranges. A range is {@code address/prefix} with an IPv4
 * address and prefix 0–32 or an IPv6 address and prefix 0–128 (a single address is {@code /32} or
 * {@code /128}). A domain is a DNS name of letter-digit-hyphen labels (1–63 characters each, 253 in
 * total), stored lower-case. Duplicates are dropped; the first invalid entry is refused by value.
 */
public final class InternalNetworkRules {
  public static final int MAX_ENTRIES = 1000;
  private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

  private InternalNetworkRules() {}

  public static List<String> ipRanges(List<String> ranges) {
    requireBounded(ranges, "internalIpRanges");
    LinkedHashSet<String> result = new LinkedHashSet<>();
    for (String raw : ranges) {
      String range = raw == null ? "" : raw.strip();
      if (!isCidr(range)) {
        throw new ApiException(ErrorCode.INVALID_CIDR,
            "\"" + raw + "\" is not a CIDR range (e.g. 192.168.0.0/16, 2001:db8::/32; a single address is 1.1.1.1/32)");
      }
      result.add(range);
    }
    return new ArrayList<>(result);
  }

  public static List<String> domains(List<String> domains) {
    requireBounded(domains, "internalDomains");
    LinkedHashSet<String> result = new LinkedHashSet<>();
    for (String raw : domains) {
      String domain = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
      if (domain.endsWith(".")) {
        domain = domain.substring(0, domain.length() - 1);
      }
      if (!isDomain(domain)) {
        throw new ApiException(ErrorCode.INVALID_DOMAIN, "\"" + raw + "\" is not a domain name (e.g. corp.example.com)");
      }
      result.add(domain);
    }
    return new ArrayList<>(result);
  }

  public static boolean isCidr(String text) {
    int slash = text.indexOf('/');
    if (slash < 0 || slash != text.lastIndexOf('/')) {
      return false;
    }
    String address = text.substring(0, slash);
    String prefix = text.substring(slash + 1);
    if (!prefix.matches("\\d{1,3}")) {
      return false;
    }
    int bits = Integer.parseInt(prefix);
    if (IpLiterals.isIpv4(address)) {
      return bits <= 32;
    }
    return IpLiterals.isIpv6(address) && bits <= 128;
  }

  static boolean isDomain(String domain) {
    if (domain.isEmpty() || domain.length() > 253) {
      return false;
    }
    for (String label : domain.split("\\.", -1)) {
      if (!LABEL.matcher(label).matches()) {
        return false;
      }
    }
    return true;
  }

  private static void requireBounded(List<String> values, String field) {
    if (values == null) {
      throw new ApiException(ErrorCode.VALIDATION_FAILED, field + " is required");
    }
    if (values.size() > MAX_ENTRIES) {
      throw new ApiException(ErrorCode.VALIDATION_FAILED, field + " has more than " + MAX_ENTRIES + " entries");
    }
  }
}
