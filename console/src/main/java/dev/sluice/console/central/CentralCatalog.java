package dev.sluice.console.central;

import dev.sluice.central.tenant.Tenant;
import dev.sluice.console.backend.Catalog;
import dev.sluice.console.backend.Principal;
import java.util.List;
import java.util.Locale;
import java.util.function.ToIntBiFunction;

/** {@link Catalog} on central's marketplace and the tenant's license packs. */
final class CentralCatalog implements Catalog {

  private final CentralCalls calls;
  private final ToIntBiFunction<Principal, String> configuredCount;

  CentralCatalog(CentralCalls calls, ToIntBiFunction<Principal, String> configuredCount) {
    this.calls = calls;
    this.configuredCount = configuredCount;
  }

  @Override
  public List<Product> products(Principal principal) {
    return calls.read(principal, p -> {
      Tenant tenant = calls.central().tenants().get(p, p.tenantId());
      return calls.central().marketplace().products().stream()
          .map(product -> new Product(
              product.id(),
              product.vendor(),
              product.name(),
              product.description(),
              label(product.category()),
              product.licensePack().displayName(),
              "log-collector".equals(product.collectionMethod()) ? "Log collector (appliance)"
                  : "API",
              protocol(product.protocol()),
              tenant.holds(product.licensePack()),
              product.available(),
              product.available() ? configuredCount.applyAsInt(principal, product.id()) : 0))
          .toList();
    }).orElse(List.of());
  }

  static String protocol(String id) {
    return switch (id) {
      case "syslog-cef-tcp" -> "Syslog CEF over TCP";
      case "api" -> "HTTPS API";
      default -> id;
    };
  }

  static String label(String id) {
    return id.isEmpty() ? id : id.substring(0, 1).toUpperCase(Locale.ROOT) + id.substring(1);
  }
}
