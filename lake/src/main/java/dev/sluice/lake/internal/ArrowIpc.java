package dev.sluice.lake.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.util.List;
import com.github.luben.zstd.RecyclingBufferPool;
import com.github.luben.zstd.ZstdOutputStreamNoFinalizer;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.util.TransferPair;

/** Arrow IPC stream bytes (schema, one record batch, end marker): the payload of a WAL record. */
public final class ArrowIpc {

  private ArrowIpc() {}

  /** The rows of {@code root} whose {@code take} flag is set (all rows when {@code take} is null). */
  public static byte[] write(VectorSchemaRoot root, boolean[] take, BufferAllocator allocator) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(root.getRowCount() * 2048 + 65536);
    write(root, take, allocator, bytes);
    return bytes.toByteArray();
  }

  /**
   * As {@link #write(VectorSchemaRoot, boolean[], BufferAllocator)}, compressed into one zstd
   * frame (level 1) while it is written, so the uncompressed stream (≈ 1.6 KB per alert) is never
   * held in memory: a WAL record ({@link WriteAheadLog#appendRecord(byte[])}). The frame does not
   * state its content size.
   */
  public static byte[] writeZstd(VectorSchemaRoot root, boolean[] take, BufferAllocator allocator) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(root.getRowCount() * 256 + 65536);
    try (OutputStream zstd = new ZstdOutputStreamNoFinalizer(bytes, RecyclingBufferPool.INSTANCE, WriteAheadLog.ZSTD_LEVEL)) {
      write(root, take, allocator, zstd);
    }
    return bytes.toByteArray();
  }

  private static void write(VectorSchemaRoot root, boolean[] take, BufferAllocator allocator, OutputStream out)
      throws IOException {
    if (take == null) {
      write(root, out);
      return;
    }
    try (VectorSchemaRoot kept = VectorSchemaRoot.create(root.getSchema(), allocator)) {
      kept.allocateNew();
      List<FieldVector> from = root.getFieldVectors();
      List<FieldVector> to = kept.getFieldVectors();
      int rows = 0;
      for (int c = 0; c < from.size(); c++) {
        TransferPair pair = from.get(c).makeTransferPair(to.get(c));
        int target = 0;
        for (int r = 0; r < take.length; r++) {
          if (take[r]) {
            pair.copyValueSafe(r, target++);
          }
        }
        rows = target;
      }
      kept.setRowCount(rows);
      write(kept, out);
    }
  }

  private static void write(VectorSchemaRoot root, OutputStream out) throws IOException {
    // The caller owns (and closes) the stream; closing the writer only flushes it.
    OutputStream owned = new java.io.FilterOutputStream(out) {
      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
      }

      @Override
      public void close() throws IOException {
        flush();
      }
    };
    try (ArrowStreamWriter writer = new ArrowStreamWriter(root, null, Channels.newChannel(owned))) {
      writer.start();
      writer.writeBatch();
      writer.end();
    }
  }
}
