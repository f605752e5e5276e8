package dev.sluice.wire.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.github.luben.zstd.ZstdIOException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.zip.ZipException;

/**
 * Reads and writes the ingest messages. A batch travels as compressed JSON ({@link ContentEncoding}:
 * zstd from appliances, gzip also read); a response as plain JSON. Decoding is bounded ({@link #MAX_DECOMPRESSED_BYTES}, {@link #MAX_EVENTS}) and never
 * throws on bad input: it returns {@link Decoded.Malformed} with a stable code.
 */
public final class IngestCodec {

  /** Where appliances post batches. */
  public static final String PATH = "/api/v1/lake/ingest";
  /** Largest batch body after decompression. */
  public static final int MAX_DECOMPRESSED_BYTES = 64 * 1024 * 1024;
  /** Most events in one batch. */
  public static final int MAX_EVENTS = 20_000;

  private static final ObjectMapper JSON = JsonMapper.builder()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .build();

  static {
    JSON.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
        .maxNestingDepth(64).maxStringLength(MAX_DECOMPRESSED_BYTES).build());
  }

  private IngestCodec() {}

  /** The result of reading a batch body. */
  public sealed interface Decoded {
    /** A well-formed batch. */
    record Batch(IngestBatch batch) implements Decoded {}

    /**
     * A body that is not a batch.
     *
     * @param code {@code BATCH_NOT_GZIP}, {@code BATCH_NOT_ZSTD}, {@code BATCH_TOO_LARGE}, {@code BATCH_MALFORMED} or
     *     {@code BATCH_TOO_MANY_EVENTS}
     */
    record Malformed(String code, String message) implements Decoded {}
  }

  /** The batch as gzip-compressed JSON. */
  public static byte[] encodeBatch(IngestBatch batch) {
    return encodeBatch(batch, ContentEncoding.GZIP);
  }

  /** The batch as JSON compressed with {@code encoding}. */
  public static byte[] encodeBatch(IngestBatch batch, ContentEncoding encoding) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream out = encoding.compressing(bytes)) {
      JSON.writeValue(out, batch);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** Reads a compressed JSON batch, gzip or zstd (told apart by their magic numbers). */
  public static Decoded decodeBatch(byte[] compressed) {
    ContentEncoding encoding = ContentEncoding.sniff(compressed).orElse(ContentEncoding.GZIP);
    return decodeBatch(new ByteArrayInputStream(compressed), encoding);
  }

  /** Reads a gzip-compressed JSON batch from a stream (read to its end, at most the limit). */
  public static Decoded decodeBatch(InputStream gzipped) {
    return decodeBatch(gzipped, ContentEncoding.GZIP);
  }

  /** Reads a JSON batch compressed with {@code encoding} (read to its end, at most the limit). */
  public static Decoded decodeBatch(InputStream compressed, ContentEncoding encoding) {
    try (InputStream in = new BoundedInputStream(encoding.decompressing(compressed), MAX_DECOMPRESSED_BYTES)) {
      IngestBatch batch = JSON.readValue(in, IngestBatch.class);
      if (batch == null) {
        return new Decoded.Malformed("BATCH_MALFORMED", "empty body");
      }
      if (batch.events().isEmpty()) {
        return new Decoded.Malformed("BATCH_MALFORMED", "a batch needs at least one event");
      }
      if (batch.events().size() > MAX_EVENTS) {
        return new Decoded.Malformed("BATCH_TOO_MANY_EVENTS",
            "a batch holds at most " + MAX_EVENTS + " events, got " + batch.events().size());
      }
      return new Decoded.Batch(batch);
    } catch (BoundedInputStream.LimitExceededException e) {
      return new Decoded.Malformed("BATCH_TOO_LARGE",
          "a batch is at most " + MAX_DECOMPRESSED_BYTES + " bytes after decompression");
    } catch (ZipException e) {
      return new Decoded.Malformed("BATCH_NOT_GZIP", "the body is not gzip data: " + e.getMessage());
    } catch (ZstdIOException e) {
      return new Decoded.Malformed("BATCH_NOT_ZSTD", "the body is not zstd data: " + e.getMessage());
    } catch (JsonProcessingException e) {
      return new Decoded.Malformed("BATCH_MALFORMED", "not a batch: " + e.getOriginalMessage());
    } catch (IOException | RuntimeException e) {
      return new Decoded.Malformed("BATCH_MALFORMED", "unreadable body: " + e.getMessage());
    }
  }

  /** The response as JSON. */
  public static byte[] encodeResponse(IngestResponse response) {
    try {
      return JSON.writeValueAsBytes(response);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads a response; throws {@link IOException} if it is not one. */
  public static IngestResponse decodeResponse(byte[] json) throws IOException {
    return JSON.readValue(json, IngestResponse.class);
  }
}
