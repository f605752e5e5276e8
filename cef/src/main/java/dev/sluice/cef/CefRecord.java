package dev.sluice.cef;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A CEF event to write with {@link CefWriter}. Validates that {@link CefParser} will read it back
 * identically: header fields without CR/LF (CEF has no escape for them in the header), keys per
 * {@link CefKeys}, and no trailing space or tab on the last value (receivers trim it).
 *
 * @param severity as it should be sent: {@code "0"}–{@code "10"} or a word such as {@code Low}
 * @param extensions pairs in the order to write them (copied)
 */
public record CefRecord(int version, String deviceVendor, String deviceProduct,
    String deviceVersion, String signatureId, String name, String severity,
    Map<String, String> extensions) {

  public CefRecord {
    if (version < 0) {
      throw new IllegalArgumentException("version must not be negative: " + version);
    }
    for (String field : List.of(
        Objects.requireNonNull(deviceVendor, "deviceVendor"),
        Objects.requireNonNull(deviceProduct, "deviceProduct"),
        Objects.requireNonNull(deviceVersion, "deviceVersion"),
        Objects.requireNonNull(signatureId, "signatureId"),
        Objects.requireNonNull(name, "name"),
        Objects.requireNonNull(severity, "severity"))) {
      if (field.indexOf('\n') >= 0 || field.indexOf('\r') >= 0) {
        throw new IllegalArgumentException("a CEF header field cannot contain CR or LF");
      }
    }
    Map<String, String> copy = new LinkedHashMap<>();
    String last = null;
    for (Map.Entry<String, String> pair : extensions.entrySet()) {
      String key = pair.getKey();
      if (!CefKeys.isValidKey(key)) {
        throw new IllegalArgumentException("not a valid CEF extension key: " + key);
      }
      last = Objects.requireNonNull(pair.getValue(), () -> "value of " + key);
      copy.put(key, last);
    }
    if (last != null && !last.isEmpty()
        && (last.endsWith(" ") || last.endsWith("\t"))) {
      throw new IllegalArgumentException(
          "the last extension value cannot end with whitespace (receivers trim it)");
    }
    extensions = Collections.unmodifiableMap(copy);
  }

  /** A CEF:0 record. */
  public static CefRecord of(String deviceVendor, String deviceProduct, String deviceVersion,
      String signatureId, String name, String severity, Map<String, String> extensions) {
    return new CefRecord(0, deviceVendor, deviceProduct, deviceVersion, signatureId, name,
        severity, extensions);
  }
}
