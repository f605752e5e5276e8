package dev.sluice.central.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.sluice.wire.control.ControlJson;
import io.javalin.http.Context;
import java.io.IOException;

/** Reads request bodies into records; bad JSON becomes {@code REQUEST_INVALID} with the reason. */
public final class JsonBodies {
  /** Request bodies above this are refused. */
  public static final int MAX_BODY_BYTES = 1 << 20;

  private static final ObjectMapper MAPPER = ControlJson.configure(new ObjectMapper());

  private JsonBodies() {}

  public static ObjectMapper mapper() {
    return MAPPER;
  }

  public static <T> T read(Context ctx, Class<T> type) {
    byte[] body = ctx.bodyAsBytes();
    if (body.length > MAX_BODY_BYTES) {
      throw new ApiException(ErrorCode.PAYLOAD_TOO_LARGE, "request body larger than " + MAX_BODY_BYTES + " bytes");
    }
    if (body.length == 0) {
      throw new ApiException(ErrorCode.REQUEST_INVALID, "a JSON body is required");
    }
    try {
      T value = MAPPER.readValue(body, type);
      if (value == null) {
        throw new ApiException(ErrorCode.REQUEST_INVALID, "a JSON object is required");
      }
      return value;
    } catch (ValueInstantiationException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new ApiException(ErrorCode.VALIDATION_FAILED, String.valueOf(cause.getMessage()));
    } catch (JsonProcessingException e) {
      throw new ApiException(ErrorCode.REQUEST_INVALID, "malformed JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new ApiException(ErrorCode.REQUEST_INVALID, "cannot read body: " + e.getMessage());
    }
  }
}
