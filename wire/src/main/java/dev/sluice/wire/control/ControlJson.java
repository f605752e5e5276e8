package dev.sluice.wire.control;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The JSON conventions of the control channel (appliance ↔ central): ISO-8601 instants, absent
 * (not {@code null}) optional fields, unknown fields ignored so either side can add fields
 * without breaking the other.
 */
public final class ControlJson {
  private static final ObjectMapper MAPPER = configure(new ObjectMapper());

  private ControlJson() {}

  /** A shared, configured mapper (thread-safe once configured; do not reconfigure it). */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** Applies the control-channel conventions to a mapper owned by the caller. */
  public static ObjectMapper configure(ObjectMapper mapper) {
    return mapper
        .registerModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .setSerializationInclusion(JsonInclude.Include.NON_NULL);
  }
}
