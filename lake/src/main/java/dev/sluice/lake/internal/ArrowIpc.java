package dev.sluice.lake.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.Channels;
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
    if (take == null) {
      return write(root);
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
      return write(kept);
    }
  }

  private static byte[] write(VectorSchemaRoot root) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(root.getRowCount() * 2048 + 65536);
    try (ArrowStreamWriter writer = new ArrowStreamWriter(root, null, Channels.newChannel(bytes))) {
      writer.start();
      writer.writeBatch();
      writer.end();
    }
    return bytes.toByteArray();
  }
}
