package dev.sluice.console.settings;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Syntax checks for what admins type: IP addresses, CIDR ranges and domain names. Each returns
 * the problem in plain words naming the wrong value, or empty when the value is fine. Never
 * resolves names: only literals are parsed.
 */
public final class AddressCheck {

  private static final int MAX_LENGTH = 253;

  private AddressCheck() {}

  public static Optional<String> ipAddress(String value) {
    if (value.length() > 45) {
      return Optional.of(quote(value) + " is too long to be an IP address.");
    }
    if (value.contains(":")) {
      return ipv6(value) ? Optional.empty()
          : Optional.of(quote(value) + " is not a valid IPv6 address.");
    }
    return ipv4(value) ? Optional.empty()
        : Optional.of(quote(value) + " is not a valid IPv4 address (four numbers 0–255 separated"
            + " by dots).");
  }

  /** A CIDR range such as 192.168.0.0/16 or fc00::/7; a single address needs /32 or /128. */
  public static Optional<String> cidr(String value) {
    int slash = value.indexOf('/');
    if (slash < 0) {
      String hint = value.contains(":") ? "/128" : "/32";
      return Optional.of(quote(value) + " has no prefix length; write a range such as "
          + "192.168.0.0/24, or add " + hint + " for a single address.");
    }
    String address = value.substring(0, slash);
    String prefix = value.substring(slash + 1);
    Optional<String> addressProblem = ipAddress(address);
    if (addressProblem.isPresent()) {
      return Optional.of(quote(value) + " does not start with a valid IP address.");
    }
    int max = address.contains(":") ? 128 : 32;
    if (!prefix.matches("\\d{1,3}") || Integer.parseInt(prefix) > max) {
      return Optional.of(quote(value) + " has an invalid prefix length; use 0 to " + max + ".");
    }
    return Optional.empty();
  }

  /** A domain name such as corp.example.com (no scheme, no path, no wildcard). */
  public static Optional<String> domain(String value) {
    String name = value.endsWith(".") ? value.substring(0, value.length() - 1) : value;
    if (name.isEmpty() || name.length() > MAX_LENGTH) {
      return Optional.of(quote(value) + " is not a domain name.");
    }
    if (name.contains("://") || name.contains("/")) {
      return Optional.of(quote(value) + " looks like a URL; enter only the domain, for example"
          + " corp.example.com.");
    }
    for (String label : name.toLowerCase(Locale.ROOT).split("\\.", -1)) {
      if (label.isEmpty() || label.length() > 63 || !label.matches("[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?")) {
        return Optional.of(quote(value) + " is not a valid domain name (letters, digits and"
            + " hyphens, separated by dots).");
      }
    }
    return Optional.empty();
  }

  private static boolean ipv4(String value) {
    String[] parts = value.split("\\.", -1);
    if (parts.length != 4) {
      return false;
    }
    for (String part : parts) {
      if (!part.matches("\\d{1,3}") || Integer.parseInt(part) > 255
          || (part.length() > 1 && part.startsWith("0"))) {
        return false;
      }
    }
    return true;
  }

  private static boolean ipv6(String value) {
    if (!value.matches("[0-9A-Fa-f:.]+") || value.length() < 2) {
      return false;
    }
    try {
      // A literal containing ':' is parsed, never looked up.
      return InetAddress.getByName(value) instanceof Inet6Address
          || value.toLowerCase(Locale.ROOT).startsWith("::ffff:");
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private static String quote(String value) {
    String shown = value.length() > 60 ? value.substring(0, 60) + "…" : value;
    return "\u201c" + shown + "\u201d";
  }
}
