package dev.sluice.wire.ingest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Fails the read with {@link LimitExceededException} once more than {@code limit} bytes came
 * through, so a small compressed body cannot expand into unbounded memory. Unlike a stream that
 * stops quietly at the limit, the reader learns that the input was too large.
 */
public final class BoundedInputStream extends FilterInputStream {
  /** More bytes than the limit were read. */
  public static final class LimitExceededException extends IOException {
    public LimitExceededException(long limit) {
      super("more than " + limit + " bytes");
    }
  }

  private final long limit;
  private long remaining;

  public BoundedInputStream(InputStream in, long limit) {
    super(in);
    this.limit = limit;
    this.remaining = limit;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0 && --remaining < 0) {
      throw new LimitExceededException(limit);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int off, int len) throws IOException {
    int n = super.read(buffer, off, len);
    if (n > 0 && (remaining -= n) < 0) {
      throw new LimitExceededException(limit);
    }
    return n;
  }
}
