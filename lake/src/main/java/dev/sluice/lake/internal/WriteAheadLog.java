package dev.sluice.lake.internal;

import com.github.luben.zstd.Zstd;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where accepted events become durable before the ingest response: segment files in one
 * directory, each a header and a sequence of records; a record is appended and fsync'd before
 * the batch is acknowledged. Segments are converted to Parquet in the background and deleted
 * once converted.
 *
 * <p>Segment file {@code <seq, 20 digits>.wal}: magic {@code SLWAL002}, then records of
 * {@code int length, int crc32c(record), record} (big-endian); a record is a zstd frame (level 1)
 * of the payload, an Arrow IPC stream of one record batch ({@link ArrowIpc}): about a seventh of
 * the bytes to write and fsync. Segments with magic {@code SLWAL001} (records are the payloads,
 * uncompressed) are still read. Recovery keeps the records up to the first
 * torn or corrupt one and truncates the rest: those bytes were never acknowledged, since the
 * acknowledgement follows the fsync.
 */
public final class WriteAheadLog implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(WriteAheadLog.class);
  private static final byte[] MAGIC = "SLWAL002".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] MAGIC_UNCOMPRESSED = "SLWAL001".getBytes(StandardCharsets.US_ASCII);
  private static final int ZSTD_LEVEL = 1;
  private static final Pattern NAME = Pattern.compile("(\\d{20})\\.wal");
  /** Largest record accepted on read; larger lengths mean corruption. */
  static final int MAX_RECORD = 256 * 1024 * 1024;

  /** Scratches kept for reuse: a few concurrent appends; larger batches' buffers are not kept. */
  static final int POOLED_SCRATCHES = 4;
  static final int MAX_RETAINED_BYTES = 32 * 1024 * 1024;

  /** Writes one payload into a channel (an append's pooled buffer). */
  @FunctionalInterface
  public interface Payload {
    void writeTo(WritableByteChannel out) throws IOException;
  }

  private final Path directory;
  private final ScratchPool scratch = new ScratchPool(POOLED_SCRATCHES, MAX_RETAINED_BYTES, ZSTD_LEVEL);
  private FileChannel active;
  private long activeSeq;
  private long activeRecords;

  /** Opens the log, repairing torn tails; new appends go to a fresh segment after the newest. */
  public WriteAheadLog(Path directory) throws IOException {
    this.directory = directory;
    Files.createDirectories(directory);
    long newest = 0;
    for (long seq : segments()) {
      repair(path(seq));
      newest = Math.max(newest, seq);
    }
    openSegment(newest + 1);
  }

  /** Sequence numbers of the segments on disk, oldest first (includes the active one). */
  public synchronized List<Long> segments() throws IOException {
    List<Long> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file : files.toList()) {
        Matcher m = NAME.matcher(file.getFileName().toString());
        if (m.matches()) {
          out.add(Long.parseLong(m.group(1)));
        }
      }
    }
    out.sort(null);
    return out;
  }

  public Path path(long seq) {
    return directory.resolve(String.format("%020d.wal", seq));
  }

  /**
   * Appends one payload and fsyncs it; returns the bytes written. On failure the segment is cut
   * back to where it was. (Compression runs before the log's lock, so concurrent appends compress
   * in parallel.)
   */
  public int append(byte[] payload) throws IOException {
    return append(out -> out.write(ByteBuffer.wrap(payload)));
  }

  /**
   * As {@link #append(byte[])} for a payload written straight into a pooled buffer: no payload
   * array, no compressed array, no copy for the file write ({@link ScratchPool}).
   */
  public int append(Payload payload) throws IOException {
    ScratchPool.Scratch s = scratch.acquire();
    try {
      payload.writeTo(s.payload);
      ByteBuffer in = s.payload.written();
      int size = in.remaining();
      long bound = Zstd.compressBound(size);
      if (bound > MAX_RECORD) {
        throw new IOException("WAL payload of " + size + " bytes is too large");
      }
      ByteBuffer record = s.record(8 + (int) bound);
      int length = s.zstd.compressDirectByteBuffer(record, 8, (int) bound, in, 0, size);
      CRC32C crc = new CRC32C();
      crc.update(record.limit(8 + length).position(8));
      record.putInt(0, length).putInt(4, (int) crc.getValue()).position(0);
      appendRecord(record);
      return length + 8;
    } finally {
      scratch.release(s);
    }
  }

  /** Scratch buffers waiting for reuse (tests). */
  int pooledScratches() {
    return scratch.pooled();
  }

  /** Scratch buffers made so far (tests: reuse keeps this at the number of concurrent appends). */
  long scratchesCreated() {
    return scratch.created();
  }

  private synchronized void appendRecord(ByteBuffer record) throws IOException {
    long before = active.position();
    try {
      while (record.hasRemaining()) {
        active.write(record);
      }
      active.force(false);
      activeRecords++;
    } catch (IOException e) {
      try {
        active.truncate(before);
        active.position(before);
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  /**
   * Closes the active segment if it holds records and starts the next one; returns the closed
   * segment's sequence number, or -1 if there was nothing to close.
   */
  public synchronized long rotate() throws IOException {
    if (activeRecords == 0) {
      return -1;
    }
    long closed = activeSeq;
    active.close();
    openSegment(activeSeq + 1);
    return closed;
  }

  public synchronized long activeSegment() {
    return activeSeq;
  }

  /** Deletes a converted segment. */
  public void delete(long seq) throws IOException {
    Files.deleteIfExists(path(seq));
    Durable.fsyncDirectory(directory);
  }

  /** The payloads of a closed segment, in order. */
  public static List<byte[]> read(Path segment) throws IOException {
    List<byte[]> out = new ArrayList<>();
    scan(segment, out);
    return out;
  }

  private void openSegment(long seq) throws IOException {
    Path file = path(seq);
    active = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    active.write(ByteBuffer.wrap(MAGIC));
    active.force(true);
    Durable.fsyncDirectory(directory);
    activeSeq = seq;
    activeRecords = 0;
  }

  private static void repair(Path segment) throws IOException {
    long good = scan(segment, null);
    long size = Files.size(segment);
    if (good < size) {
      LOG.warn("WAL segment {}: dropping {} torn bytes after offset {} (never acknowledged)",
          segment.getFileName(), size - good, good);
      try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.WRITE)) {
        channel.truncate(good);
        channel.force(true);
      }
    }
  }

  /** Reads records until the end or the first bad one; returns the offset after the last good one. */
  private static long scan(Path segment, List<byte[]> sink) throws IOException {
    try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.READ)) {
      long size = channel.size();
      ByteBuffer magic = ByteBuffer.allocate(MAGIC.length);
      readFully(channel, magic, 0);
      boolean compressed = java.util.Arrays.equals(magic.array(), MAGIC);
      if (magic.hasRemaining() || !(compressed || java.util.Arrays.equals(magic.array(), MAGIC_UNCOMPRESSED))) {
        return 0;
      }
      long position = MAGIC.length;
      ByteBuffer header = ByteBuffer.allocate(8);
      while (position + 8 <= size) {
        header.clear();
        readFully(channel, header, position);
        header.flip();
        int length = header.getInt();
        int crc = header.getInt();
        if (length < 0 || length > MAX_RECORD || position + 8 + length > size) {
          break;
        }
        ByteBuffer payload = ByteBuffer.allocate(length);
        readFully(channel, payload, position + 8);
        CRC32C check = new CRC32C();
        check.update(payload.array());
        if ((int) check.getValue() != crc) {
          break;
        }
        if (sink != null) {
          sink.add(compressed ? decompress(payload.array()) : payload.array());
        }
        position += 8 + length;
      }
      return position;
    }
  }

  private static byte[] decompress(byte[] record) throws IOException {
    long size = Zstd.getFrameContentSize(record);
    if (size < 0 || size > MAX_RECORD) {
      throw new IOException("WAL record with a bad zstd frame (content size " + size + ")");
    }
    try {
      return Zstd.decompress(record, (int) size);
    } catch (RuntimeException e) {
      throw new IOException("WAL record does not decompress: " + e.getMessage(), e);
    }
  }

  private static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
    long at = position;
    while (buffer.hasRemaining()) {
      int n = channel.read(buffer, at);
      if (n < 0) {
        return;
      }
      at += n;
    }
  }

  /**
   * Closes the active segment. It stays on disk even when empty: segment numbers name the Parquet
   * files converted from them, so the next start must continue after it (numbering from 1 again
   * would convert new events into the names of files already there and replace them).
   */
  @Override
  public synchronized void close() throws IOException {
    scratch.close();
    active.close();
  }
}
