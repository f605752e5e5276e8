package dev.sluice.console.integrations;

import dev.sluice.console.backend.Appliances;
import dev.sluice.console.backend.Appliances.IpVersion;
import dev.sluice.console.backend.Appliances.Network;
import dev.sluice.console.backend.Appliances.Platform;
import dev.sluice.console.backend.Integrations.NewAppliance;
import dev.sluice.console.backend.Integrations.NewIntegration;
import dev.sluice.console.settings.AddressCheck;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The integration setup form: its field names, the checks the console makes before asking the
 * backend (required fields, numbers, address syntax), and the request it turns into.
 */
public final class SetupForm {

  public static final List<String> FIELDS = List.of(
      "name", "description", "applianceMode", "applianceId", "applianceName",
      "applianceDescription", "platform", "networkMode", "address", "prefix", "gateway", "dns",
      "syslogIpVersion", "syslogAddress");

  static final int MAX_NAME = 100;
  static final int MAX_DESCRIPTION = 500;

  private SetupForm() {}

  /** Defaults for a fresh form. */
  public static Map<String, String> defaults() {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("applianceMode", "new");
    values.put("platform", Platform.ESXI.id());
    values.put("networkMode", "dhcp");
    values.put("syslogIpVersion", "ipv4");
    return values;
  }

  /** Field errors the console can find on its own; empty when the form can go to the backend. */
  public static Map<String, String> check(Map<String, String> v) {
    Map<String, String> errors = new LinkedHashMap<>();
    required(v, "name", "Give the integration a name.", errors);
    tooLong(v, "name", MAX_NAME, errors);
    tooLong(v, "description", MAX_DESCRIPTION, errors);
    if ("existing".equals(v.get("applianceMode"))) {
      required(v, "applianceId", "Choose the appliance that will receive the alerts.", errors);
      return errors;
    }
    required(v, "applianceName", "Give the new appliance a name.", errors);
    tooLong(v, "applianceName", MAX_NAME, errors);
    tooLong(v, "applianceDescription", MAX_DESCRIPTION, errors);
    if (Platform.fromId(v.getOrDefault("platform", "")).isEmpty()) {
      errors.put("platform", "Choose VMware ESXi or Microsoft Hyper-V.");
    }
    if ("manual".equals(v.get("networkMode"))) {
      addressField(v, "address", "the appliance's management address", null, errors);
      String prefix = v.getOrDefault("prefix", "");
      if (prefix.isEmpty()) {
        errors.put("prefix", "Enter the network prefix length, for example 24.");
      } else if (!prefix.matches("\\d{1,3}") || Integer.parseInt(prefix) > 128) {
        errors.put("prefix", "\u201c" + prefix + "\u201d is not a prefix length; use a number such"
            + " as 24.");
      }
      addressField(v, "gateway", "the default gateway", null, errors);
      for (String dns : dnsServers(v.getOrDefault("dns", ""))) {
        if (AddressCheck.ipAddress(dns).isPresent()) {
          errors.put("dns", "\u201c" + dns + "\u201d is not an IP address.");
          break;
        }
      }
    } else if (!"dhcp".equals(v.get("networkMode"))) {
      errors.put("networkMode", "Choose DHCP or manual IP settings.");
    }
    IpVersion version = "ipv6".equals(v.get("syslogIpVersion")) ? IpVersion.IPV6 : IpVersion.IPV4;
    addressField(v, "syslogAddress", "the address Darktrace will send to", version, errors);
    return errors;
  }

  public static NewIntegration request(String productId, Map<String, String> v) {
    String name = v.get("name");
    String description = v.getOrDefault("description", "");
    if ("existing".equals(v.get("applianceMode"))) {
      return new NewIntegration(productId, name, description, v.get("applianceId"), null);
    }
    Network network = "manual".equals(v.get("networkMode"))
        ? new Network(Network.Mode.MANUAL, v.get("address"), Integer.valueOf(v.get("prefix")),
            v.get("gateway"), dnsServers(v.getOrDefault("dns", "")))
        : Network.dhcp();
    NewAppliance appliance = new NewAppliance(
        v.get("applianceName"),
        v.getOrDefault("applianceDescription", ""),
        Platform.fromId(v.get("platform")).orElse(Platform.ESXI),
        network,
        "ipv6".equals(v.get("syslogIpVersion")) ? IpVersion.IPV6 : IpVersion.IPV4,
        v.get("syslogAddress"));
    return new NewIntegration(productId, name, description, null, appliance);
  }

  static List<String> dnsServers(String text) {
    List<String> servers = new ArrayList<>();
    for (String part : text.split("[,\\s]+")) {
      if (!part.isBlank()) {
        servers.add(part.strip());
      }
    }
    return servers;
  }

  private static void required(Map<String, String> v, String field, String message,
      Map<String, String> errors) {
    if (v.getOrDefault(field, "").isBlank()) {
      errors.put(field, message);
    }
  }

  private static void tooLong(Map<String, String> v, String field, int max,
      Map<String, String> errors) {
    if (v.getOrDefault(field, "").length() > max && !errors.containsKey(field)) {
      errors.put(field, "Use at most " + max + " characters (this has "
          + v.get(field).length() + ").");
    }
  }

  private static void addressField(Map<String, String> v, String field, String what,
      Appliances.IpVersion version, Map<String, String> errors) {
    String value = v.getOrDefault(field, "");
    if (value.isEmpty()) {
      errors.put(field, "Enter " + what + ".");
      return;
    }
    AddressCheck.ipAddress(value).ifPresentOrElse(
        problem -> errors.put(field, problem),
        () -> {
          boolean v6 = value.contains(":");
          if (version == IpVersion.IPV4 && v6) {
            errors.put(field, "\u201c" + value + "\u201d is an IPv6 address; choose IPv6 above or"
                + " enter an IPv4 address.");
          } else if (version == IpVersion.IPV6 && !v6) {
            errors.put(field, "\u201c" + value + "\u201d is an IPv4 address; choose IPv4 above or"
                + " enter an IPv6 address.");
          }
        });
  }
}
