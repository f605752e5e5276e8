package dev.sluice.console.backend;

import java.util.List;
import java.util.Optional;

/** The marketplace: products a tenant can integrate, and whether its license packs allow them. */
public interface Catalog {

  List<Product> products(Principal principal);

  default Optional<Product> product(Principal principal, String productId) {
    return products(principal).stream().filter(p -> p.id().equals(productId)).findFirst();
  }

  record Product(
      String id,
      String vendor,
      String name,
      String summary,
      String category,
      String licensePack,
      String collectionMethod,
      String protocol,
      boolean licensed,
      boolean available,
      int configuredCount) {

    /** The card's state, one of Available, Configured, Not licensed, Coming soon. */
    public String state() {
      if (!available) {
        return "Coming soon";
      }
      if (!licensed) {
        return "Not licensed";
      }
      return configuredCount > 0 ? "Configured" : "Available";
    }

    public String initials() {
      return vendor.isEmpty() ? "?" : vendor.substring(0, Math.min(2, vendor.length())).toUpperCase();
    }
  }
}
