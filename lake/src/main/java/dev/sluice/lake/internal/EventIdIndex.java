package dev.sluice.lake.internal;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * The event ids the lake holds, per tenant and appliance, as {@link OffsetRanges}: what makes
 * ingest exactly-once. Rebuilt on start from the last snapshot plus the WAL segments that
 * are still present.
 *
 * <p>Snapshot file format (big-endian): magic {@code SLIDX001}, {@code long} highest converted
 * WAL segment, {@code int} key count, then per key: UTF string {@code tenant/appliance},
 * {@code int} range count, ranges as {@code long start, long end}; finally a {@code long} CRC32C
 * of everything before it. Written to a temporary file, fsync'd and renamed over the old one.
 */
public final class EventIdIndex {

  private static final byte[] MAGIC = "SLIDX001".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  private final Map<String, OffsetRanges> byKey = new HashMap<>();

  private static String key(String tenant, String applianceId) {
    return tenant + "/" + applianceId;
  }

  public synchronized boolean contains(String tenant, String applianceId, long offset) {
    OffsetRanges ranges = byKey.get(key(tenant, applianceId));
    return ranges != null && ranges.contains(offset);
  }

  public synchronized void add(String tenant, String applianceId, long offset) {
    byKey.computeIfAbsent(key(tenant, applianceId), k -> new OffsetRanges()).add(offset);
  }

  /** Which of {@code offsets} of one appliance the index holds (one lookup for the whole batch). */
  public synchronized boolean[] containsEach(String tenant, String applianceId, long[] offsets, int count) {
    boolean[] out = new boolean[count];
    OffsetRanges ranges = byKey.get(key(tenant, applianceId));
    if (ranges != null) {
      for (int i = 0; i < count; i++) {
        out[i] = ranges.contains(offsets[i]);
      }
    }
    return out;
  }

  /** Adds the {@code offsets} of one appliance whose {@code take} flag is set. */
  public synchronized void addEach(String tenant, String applianceId, long[] offsets, boolean[] take) {
    OffsetRanges ranges = byKey.computeIfAbsent(key(tenant, applianceId), k -> new OffsetRanges());
    for (int i = 0; i < take.length; i++) {
      if (take[i]) {
        ranges.add(offsets[i]);
      }
    }
  }

  /** Writes a snapshot that records {@code convertedSegment} as the newest segment it covers. */
  public void writeSnapshot(Path file, long convertedSegment) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.write(MAGIC);
    out.writeLong(convertedSegment);
    synchronized (this) {
      out.writeInt(byKey.size());
      for (Map.Entry<String, OffsetRanges> entry : byKey.entrySet()) {
        out.writeUTF(entry.getKey());
        out.writeInt(entry.getValue().rangeCount());
        IOException[] failure = new IOException[1];
        entry.getValue().forEachRange((start, end) -> {
          try {
            out.writeLong(start);
            out.writeLong(end);
          } catch (IOException e) {
            failure[0] = e;
          }
        });
        if (failure[0] != null) {
          throw failure[0];
        }
      }
    }
    CRC32C crc = new CRC32C();
    crc.update(bytes.toByteArray());
    out.writeLong(crc.getValue());
    out.flush();
    Durable.writeAtomically(file, bytes.toByteArray());
  }

  /**
   * Loads a snapshot into this (empty) index; returns the newest converted segment it covers, or
   * -1 when there is no snapshot. A damaged snapshot is an error: ids would be lost.
   */
  public long loadSnapshot(Path file) throws IOException {
    if (!Files.exists(file)) {
      return -1;
    }
    byte[] all = Files.readAllBytes(file);
    if (all.length < MAGIC.length + 8 + 4 + 8) {
      throw new IOException("event id snapshot " + file + " is truncated");
    }
    CRC32C crc = new CRC32C();
    crc.update(all, 0, all.length - 8);
    long stored = java.nio.ByteBuffer.wrap(all, all.length - 8, 8).getLong();
    if (stored != crc.getValue()) {
      throw new IOException("event id snapshot " + file + " fails its checksum");
    }
    try (InputStream in = new java.io.ByteArrayInputStream(all, 0, all.length - 8)) {
      DataInputStream data = new DataInputStream(in);
      byte[] magic = data.readNBytes(MAGIC.length);
      if (!java.util.Arrays.equals(magic, MAGIC)) {
        throw new IOException("event id snapshot " + file + " has an unknown format");
      }
      long converted = data.readLong();
      int keys = data.readInt();
      synchronized (this) {
        for (int k = 0; k < keys; k++) {
          String key = data.readUTF();
          int count = data.readInt();
          OffsetRanges ranges = byKey.computeIfAbsent(key, x -> new OffsetRanges());
          for (int r = 0; r < count; r++) {
            ranges.addRange(data.readLong(), data.readLong());
          }
        }
      }
      return converted;
    }
  }
}
