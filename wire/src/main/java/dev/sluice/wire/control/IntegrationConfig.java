package dev.sluice.wire.control;

import java.util.List;

/**
 * One integration as the appliance runs it: a TCP syslog listener on {@code bindAddress:port}
 * accepting events of one product.
 *
 * @param id the integration id (also stamped on every event it produces)
 * @param product the catalog product id, e.g. {@code darktrace-detect}
 * @param name the name given in the console
 * @param deviceVendor the CEF {@code Device Vendor} accepted (e.g. {@code Darktrace})
 * @param deviceProduct the CEF {@code Device Product} accepted (e.g. {@code DCIP})
 * @param protocol always {@code tcp}
 * @param bindAddress the syslog IP address to listen on
 * @param port the TCP port, unique on this appliance
 * @param acceptedFormats formats accepted by the listener, {@code cef} by default
 */
public record IntegrationConfig(
    String id,
    String product,
    String name,
    String deviceVendor,
    String deviceProduct,
    String protocol,
    String bindAddress,
    int port,
    List<String> acceptedFormats) {

  public IntegrationConfig {
    Validation.requireText(id, "id", 64);
    Validation.requireText(product, "product", 64);
    name = name == null ? "" : name;
    deviceVendor = deviceVendor == null ? "" : deviceVendor;
    deviceProduct = deviceProduct == null ? "" : deviceProduct;
    protocol = protocol == null ? "tcp" : protocol;
    if (!protocol.equals("tcp")) {
      throw new IllegalArgumentException("protocol must be tcp, was " + protocol);
    }
    Validation.requireText(bindAddress, "bindAddress", 64);
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("port must be 1..65535, was " + port);
    }
    acceptedFormats = acceptedFormats == null || acceptedFormats.isEmpty() ? List.of("cef") : List.copyOf(acceptedFormats);
  }
}
