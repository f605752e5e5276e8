package dev.sluice.appliance.receive;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * Where an {@link FrameProcessor.OcsfBody} writes its JSON: the raw stream, or a Jackson
 * generator on it that is created once per pipeline worker and reused for every record (no
 * root-value separator, so records are not joined by spaces). Not thread-safe.
 */
public final class JsonSink {
  private static final JsonFactory FACTORY = new JsonFactoryBuilder()
      .rootValueSeparator((String) null).build();
  private final OutputStream stream;
  private JsonGenerator generator;

  public JsonSink(OutputStream stream) {
    this.stream = stream;
  }

  public OutputStream stream() {
    return stream;
  }

  /** The reused generator; flush it before returning from {@link FrameProcessor.OcsfBody}. */
  public JsonGenerator generator() {
    if (generator == null) {
      try {
        generator = FACTORY.createGenerator(stream);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }
    return generator;
  }

  /** Forgets the generator after a write that failed half-way (its state is unknown). */
  void discardGenerator() {
    generator = null;
  }
}
