package dev.sluice.lake.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.VectorUnloader;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.apache.arrow.vector.types.pojo.Schema;

/** Presents a list of WAL payloads (each an Arrow IPC stream) as one Arrow stream for DuckDB. */
public final class WalBatchReader extends ArrowReader {

  private final Iterator<byte[]> payloads;
  private long bytesRead;

  public WalBatchReader(BufferAllocator allocator, List<byte[]> payloads) {
    super(allocator);
    this.payloads = payloads.iterator();
  }

  @Override
  public boolean loadNextBatch() throws IOException {
    prepareLoadNextBatch();
    while (payloads.hasNext()) {
      byte[] payload = payloads.next();
      bytesRead += payload.length;
      try (ArrowStreamReader reader = new ArrowStreamReader(new ByteArrayInputStream(payload), allocator)) {
        if (!reader.loadNextBatch()) {
          continue;
        }
        VectorSchemaRoot batch = reader.getVectorSchemaRoot();
        if (batch.getRowCount() == 0) {
          continue;
        }
        try (ArrowRecordBatch records = new VectorUnloader(batch).getRecordBatch()) {
          loadRecordBatch(records);
        }
        return true;
      }
    }
    return false;
  }

  @Override
  public long bytesRead() {
    return bytesRead;
  }

  @Override
  protected void closeReadSource() {}

  @Override
  protected Schema readSchema() {
    return OcsfColumns.ARROW_SCHEMA;
  }
}
