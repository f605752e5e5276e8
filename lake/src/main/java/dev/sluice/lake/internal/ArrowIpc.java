package dev.sluice.lake.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.util.List;
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
    write(root, take, allocator, Channels.newChannel(bytes));
    return bytes.toByteArray();
  }

  /** As {@link #write(VectorSchemaRoot, boolean[], BufferAllocator)}, into {@code out}. */
  public static void write(VectorSchemaRoot root, boolean[] take, BufferAllocator allocator, WritableByteChannel out)
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

  private static void write(VectorSchemaRoot root, WritableByteChannel out) throws IOException {
    try (ArrowStreamWriter writer = new ArrowStreamWriter(root, null, new Unclosed(out))) {
      writer.start();
      writer.writeBatch();
      writer.end();
    }
  }

  /** Keeps the writer's close from closing a channel it does not own. */
  private record Unclosed(WritableByteChannel out) implements WritableByteChannel {
    @Override
    public int write(ByteBuffer src) throws IOException {
      return out.write(src);
    }

    @Override
    public boolean isOpen() {
      return out.isOpen();
    }

    @Override
    public void close() {
      // owned by the caller
    }
  }
}
