package dev.sluice.wire.image;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** Recognizes IPv4 and IPv6 address literals without ever resolving a name. */
public final class IpLiterals {
  private static final Pattern IPV4 = Pattern.compile(
      "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
  private static final Pattern IPV6_CHARACTERS = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

  private IpLiterals() {}

  public static boolean isIpv4(String text) {
    return text != null && IPV4.matcher(text).matches();
  }

  public static boolean isIpv6(String text) {
    if (text == null || !text.contains(":") || !IPV6_CHARACTERS.matcher(text).matches()) {
      return false;
    }
    try {
      // Only hex digits, colons and dots reach here, so this parses a literal and never does DNS.
      return InetAddress.getByName(text).getAddress().length == 16;
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /** The address bytes of an IPv4 or IPv6 literal; empty when it is not one. */
  public static byte[] bytes(String text) {
    if (!isIpv4(text) && !isIpv6(text)) {
      return new byte[0];
    }
    try {
      return InetAddress.getByName(text).getAddress();
    } catch (UnknownHostException e) {
      return new byte[0];
    }
  }
}
