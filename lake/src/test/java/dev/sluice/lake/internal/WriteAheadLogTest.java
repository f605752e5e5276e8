package dev.sluice.lake.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sluice.lake.sample.SampleAlerts;
import dev.sluice.wire.ingest.IngestBatch;
import dev.sluice.wire.ingest.IngestCodec;
import dev.sluice.wire.ingest.IngestEvent;
import java.io.ByteArrayInputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WriteAheadLogTest {

  @TempDir Path dir;

  private static BatchDecoder.DecodedBatch decoded(BatchDecoder decoder, int count) {
    SampleAlerts sample = new SampleAlerts(5, "appl-1", 0);
    List<IngestEvent> events = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      events.add(sample.next(1_795_774_200_000L + i * 60_000L));
    }
    byte[] body = IngestCodec.encodeBatch(new IngestBatch("b", "int-1", events));
    return ((BatchDecoder.Result.Decoded) decoder.decodeGzip(new ByteArrayInputStream(body), "t", "appl-1")).batch();
  }

  @Test
  void streamedRecordsReadBackAsTheSamePayloadAsOneShotRecords() throws Exception {
    try (BufferAllocator allocator = new RootAllocator();
        BatchDecoder.DecodedBatch batch = decoded(new BatchDecoder(allocator), 40)) {
      boolean[] take = new boolean[40];
      for (int i = 0; i < take.length; i += 3) {
        take[i] = true;
      }
      byte[] all = ArrowIpc.write(batch.rows(), null, allocator);
      byte[] some = ArrowIpc.write(batch.rows(), take, allocator);
      Path segment;
      try (WriteAheadLog wal = new WriteAheadLog(dir)) {
        wal.append(all);
        wal.appendRecord(ArrowIpc.writeZstd(batch.rows(), null, allocator));
        wal.appendRecord(ArrowIpc.writeZstd(batch.rows(), take, allocator));
        segment = wal.path(wal.activeSegment());
      }
      List<byte[]> read = WriteAheadLog.read(segment);
      assertEquals(3, read.size());
      assertArrayEquals(all, read.get(0));
      assertArrayEquals(all, read.get(1));
      assertArrayEquals(some, read.get(2));
    }
  }

  @Test
  void aTornStreamedRecordIsCutOnOpenAndTheOnesBeforeItKept() throws Exception {
    try (BufferAllocator allocator = new RootAllocator();
        BatchDecoder.DecodedBatch batch = decoded(new BatchDecoder(allocator), 10)) {
      Path segment;
      long goodEnd;
      try (WriteAheadLog wal = new WriteAheadLog(dir)) {
        wal.appendRecord(ArrowIpc.writeZstd(batch.rows(), null, allocator));
        segment = wal.path(wal.activeSegment());
        goodEnd = Files.size(segment);
        wal.appendRecord(ArrowIpc.writeZstd(batch.rows(), null, allocator));
      }
      try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.WRITE)) {
        channel.truncate(Files.size(segment) - 7);
      }
      new WriteAheadLog(dir).close();
      assertEquals(goodEnd, Files.size(segment));
      assertEquals(1, WriteAheadLog.read(segment).size());
    }
  }
}
