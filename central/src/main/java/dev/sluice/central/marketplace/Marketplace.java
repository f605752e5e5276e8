package dev.sluice.central.marketplace;

import dev.sluice.central.api.ApiException;
import dev.sluice.central.api.ErrorCode;
import dev.sluice.central.tenant.LicensePack;
import java.util.List;
import java.util.Optional;

/** The product catalog. */
public final class Marketplace {
  public static final String DARKTRACE_DETECT = "darktrace-detect";
  public static final String DARKTRACE_EMAIL = "darktrace-email";

  private static final List<Product> PRODUCTS = List.of(
      new Product(DARKTRACE_DETECT, "Darktrace DETECT", "Darktrace", "network", LicensePack.NETWORK_INTEGRATIONS,
          "log-collector", "syslog-cef-tcp", true, "Darktrace", "DCIP",
          "Network detection alerts and AI Analyst incidents, sent as CEF over TCP syslog to an appliance."),
      new Product(DARKTRACE_EMAIL, "Darktrace Email", "Darktrace", "email", LicensePack.EMAIL_INTEGRATIONS,
          "api", "api", false, "Darktrace", "Email",
          "Email security alerts collected through Darktrace's API. Not available yet."));

  public List<Product> products() {
    return PRODUCTS;
  }

  public Optional<Product> find(String id) {
    return PRODUCTS.stream().filter(product -> product.id().equals(id)).findFirst();
  }

  public Product require(String id) {
    return find(id).orElseThrow(() -> ApiException.notFound(ErrorCode.PRODUCT_NOT_FOUND, "product", String.valueOf(id)));
  }
}
