package dev.sluice.wire.ingest;

import com.github.luben.zstd.RecyclingBufferPool;
import com.github.luben.zstd.ZstdInputStreamNoFinalizer;
import com.github.luben.zstd.ZstdOutputStreamNoFinalizer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * How an ingest batch body is compressed, named as in the HTTP {@code Content-Encoding} header.
 * Appliances send {@link #ZSTD} (about a third of gzip's CPU to write and to read, and smaller
 * on the wire); the lake reads both, and a body without the header as {@link #GZIP}.
 */
public enum ContentEncoding {
  GZIP("gzip"),
  ZSTD("zstd");

  /** zstd window at most 2^23 bytes (8 MiB): what a decoder may be asked to allocate. */
  static final int ZSTD_MAX_WINDOW_LOG = 23;
  private static final int BUFFER = 64 * 1024;

  private final String header;

  ContentEncoding(String header) {
    this.header = header;
  }

  /** The {@code Content-Encoding} header value. */
  public String header() {
    return header;
  }

  /** The encoding a {@code Content-Encoding} header names; absent header: gzip; unknown: empty. */
  public static Optional<ContentEncoding> ofHeader(String header) {
    if (header == null || header.isBlank()) {
      return Optional.of(GZIP);
    }
    String name = header.strip().toLowerCase(Locale.ROOT);
    for (ContentEncoding e : values()) {
      if (e.header.equals(name)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  /** The encoding whose magic number starts {@code body}, if any. */
  public static Optional<ContentEncoding> sniff(byte[] body) {
    if (body.length >= 2 && (body[0] & 0xff) == 0x1f && (body[1] & 0xff) == 0x8b) {
      return Optional.of(GZIP);
    }
    if (body.length >= 4 && (body[0] & 0xff) == 0x28 && (body[1] & 0xff) == 0xb5 && (body[2] & 0xff) == 0x2f
        && (body[3] & 0xff) == 0xfd) {
      return Optional.of(ZSTD);
    }
    return Optional.empty();
  }

  /**
   * The decompressed bytes of {@code compressed}. Corrupt input surfaces as an {@link IOException}
   * while reading ({@link java.util.zip.ZipException} for gzip).
   */
  public InputStream decompressing(InputStream compressed) throws IOException {
    return switch (this) {
      case GZIP -> new GZIPInputStream(compressed, BUFFER);
      case ZSTD -> new ZstdInputStreamNoFinalizer(compressed, RecyclingBufferPool.INSTANCE)
          .setLongMax(ZSTD_MAX_WINDOW_LOG);
    };
  }

  /** A stream that compresses into {@code out} at the encoding's fastest level. */
  public OutputStream compressing(OutputStream out) throws IOException {
    return switch (this) {
      case GZIP -> new GZIPOutputStream(out, BUFFER) {
        {
          def.setLevel(Deflater.BEST_SPEED);
        }
      };
      case ZSTD -> new ZstdOutputStreamNoFinalizer(out, RecyclingBufferPool.INSTANCE, 1);
    };
  }
}
