package dev.sluice.syslog;

import java.util.List;
import java.util.Objects;

/** One RFC 5424 SD-ELEMENT: {@code [SD-ID *(SP PARAM-NAME="PARAM-VALUE")]}, values unescaped. */
public record StructuredDataElement(String id, List<Param> params) {

  public StructuredDataElement {
    Objects.requireNonNull(id, "id");
    params = List.copyOf(params);
  }

  /** One SD-PARAM, with {@code \"}, {@code \\} and {@code \]} unescaped. */
  public record Param(String name, String value) {
    public Param {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
    }
  }
}
