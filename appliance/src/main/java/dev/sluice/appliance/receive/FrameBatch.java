package dev.sluice.appliance.receive;

import dev.sluice.appliance.event.SpooledEventWriter;
import java.util.Arrays;

/**
 * A run of consecutive frames from one connection, copied into one array by the event loop,
 * and what a pipeline worker made of them: the accepted ones as spool records packed into one
 * array, and per frame its outcome for the counters and the quarantine. Batches are reused
 * (see {@link ConnectionPipeline}); one thread owns a batch at a time.
 */
final class FrameBatch {
  /** A batch is handed over once it holds this many frames or this many bytes. */
  static final int MAX_FRAMES = 128;
  static final int TARGET_BYTES = 128 * 1024;
  /** Output arrays that grew beyond this (huge records) are given back when reused. */
  static final int MAX_OUTPUT_BYTES = 1 << 20;

  // Input, filled on the event loop. A discarded frame has length -1 and a code.
  byte[] data = new byte[TARGET_BYTES];
  int dataSize;
  int count;
  final int[] starts = new int[MAX_FRAMES];
  final int[] lengths = new int[MAX_FRAMES];
  final long[] times = new long[MAX_FRAMES];
  final String[] discardCodes = new String[MAX_FRAMES];
  final long[] discardSizes = new long[MAX_FRAMES];

  // Output, filled by a worker.
  final SpooledEventWriter records = new SpooledEventWriter(64 * 1024);
  final JsonSink json = new JsonSink(records);
  int recordCount;
  final int[] recordStarts = new int[MAX_FRAMES];
  final int[] recordLengths = new int[MAX_FRAMES];
  final boolean[] accepted = new boolean[MAX_FRAMES];
  final boolean[] testAlerts = new boolean[MAX_FRAMES];
  final String[] hostnames = new String[MAX_FRAMES];
  final String[] rejectCodes = new String[MAX_FRAMES];
  final String[] rejectDetails = new String[MAX_FRAMES];

  volatile boolean processed;

  boolean isFull() {
    return count == MAX_FRAMES || dataSize >= TARGET_BYTES;
  }

  boolean fits(int length) {
    return count < MAX_FRAMES && dataSize + length <= data.length;
  }

  /** Copies a frame in; the caller checked {@link #fits} (or the batch is empty). */
  void addFrame(byte[] bytes, int offset, int length, long timeMillis) {
    if (dataSize + length > data.length) {
      data = Arrays.copyOf(data, dataSize + length);
    }
    System.arraycopy(bytes, offset, data, dataSize, length);
    starts[count] = dataSize;
    lengths[count] = length;
    times[count] = timeMillis;
    discardCodes[count] = null;
    dataSize += length;
    count++;
  }

  void addDiscard(String code, long size, long timeMillis) {
    starts[count] = dataSize;
    lengths[count] = -1;
    times[count] = timeMillis;
    discardCodes[count] = code;
    discardSizes[count] = size;
    count++;
  }

  /** Ready for reuse; an input array grown for one huge frame is given back. */
  void reset() {
    if (data.length > 2 * TARGET_BYTES) {
      data = new byte[TARGET_BYTES];
    }
    records.trim(MAX_OUTPUT_BYTES);
    dataSize = 0;
    count = 0;
    recordCount = 0;
    records.reset();
    Arrays.fill(hostnames, null);
    Arrays.fill(rejectCodes, null);
    Arrays.fill(rejectDetails, null);
    processed = false;
  }
}
