package dev.sluice.darktracesim.render;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The CEF fields of one Darktrace alert, before escaping: the seven header fields and the
 * extension pairs in the order Darktrace writes them.
 */
record CefEvent(
    String vendor,
    String product,
    String version,
    String signatureId,
    String name,
    String severity,
    Map<String, String> extensions) {

  CefEvent {
    Objects.requireNonNull(vendor, "vendor");
    Objects.requireNonNull(product, "product");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(signatureId, "signatureId");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(severity, "severity");
    extensions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
  }
}
