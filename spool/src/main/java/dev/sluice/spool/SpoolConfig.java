package dev.sluice.spool;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link Spool} sizes its files and commits.
 *
 * @param maxBytes cap on the bytes of all segment files; when a batch would exceed it, appends
 *     wait (the spool turns unwritable) until acknowledged segments are deleted
 * @param segmentBytes a segment is rolled once the next batch would make it larger than this;
 *     at most half of {@code maxBytes}, so deleting acknowledged segments always frees room
 * @param maxBatchBytes largest batch written in one piece (a group commit may write several)
 * @param maxRecordBytes largest single record accepted by {@link Spool#append}
 * @param commitDelay how long the writer lingers for more records before it writes and fsyncs;
 *     the bound on added latency is this plus one fsync
 * @param pendingHighWater bytes waiting in memory at which the spool turns unwritable
 * @param pendingLowWater bytes waiting in memory at which it turns writable again
 * @param fsync {@link Fsync#ALWAYS} (the durability claim) or {@link Fsync#NEVER} (tests that
 *     measure something else)
 */
public record SpoolConfig(
    long maxBytes,
    long segmentBytes,
    int maxBatchBytes,
    int maxRecordBytes,
    Duration commitDelay,
    long pendingHighWater,
    long pendingLowWater,
    Fsync fsync) {

  /** Whether commits call {@code fsync}. */
  public enum Fsync { ALWAYS, NEVER }

  public SpoolConfig {
    Objects.requireNonNull(commitDelay, "commitDelay");
    Objects.requireNonNull(fsync, "fsync");
    if (maxRecordBytes <= 0) {
      throw new IllegalArgumentException("maxRecordBytes must be positive");
    }
    if (maxBatchBytes < maxRecordBytes + Batch.OVERHEAD_BYTES + Batch.RECORD_OVERHEAD_BYTES) {
      throw new IllegalArgumentException("maxBatchBytes must hold at least one maximal record");
    }
    if (segmentBytes < maxBatchBytes) {
      throw new IllegalArgumentException("segmentBytes must be at least maxBatchBytes");
    }
    if (maxBytes < 2 * segmentBytes) {
      throw new IllegalArgumentException("maxBytes must be at least twice segmentBytes");
    }
    if (commitDelay.isNegative() || commitDelay.compareTo(Duration.ofMillis(10)) > 0) {
      throw new IllegalArgumentException("commitDelay must be between 0 and 10 ms");
    }
    if (pendingLowWater < 0 || pendingHighWater <= pendingLowWater) {
      throw new IllegalArgumentException("need 0 <= pendingLowWater < pendingHighWater");
    }
  }

  /**
   * Defaults for an appliance: 4 GiB cap, 64 MiB segments, 2 ms linger, unwritable at 32 MiB
   * waiting in memory (writable again at 16 MiB): at ~500 MB/s of records that bridges a
   * ~60 ms fsync on a busy disk without stopping the listeners.
   */
  public static SpoolConfig defaults() {
    return withMaxBytes(4L << 30);
  }

  /** Defaults with another cap; segments shrink to fit small caps. */
  public static SpoolConfig withMaxBytes(long maxBytes) {
    long segment = Math.min(64L << 20, maxBytes / 4);
    int batch = (int) Math.min(1 << 20, segment);
    int record = Math.min(256 << 10, batch - Batch.OVERHEAD_BYTES - Batch.RECORD_OVERHEAD_BYTES);
    return new SpoolConfig(maxBytes, segment, batch, record, Duration.ofMillis(2),
        32L << 20, 16L << 20, Fsync.ALWAYS);
  }

  public SpoolConfig withCommitDelay(Duration delay) {
    return new SpoolConfig(maxBytes, segmentBytes, maxBatchBytes, maxRecordBytes, delay,
        pendingHighWater, pendingLowWater, fsync);
  }

  public SpoolConfig withPendingWater(long high, long low) {
    return new SpoolConfig(maxBytes, segmentBytes, maxBatchBytes, maxRecordBytes, commitDelay,
        high, low, fsync);
  }

  public SpoolConfig withFsync(Fsync mode) {
    return new SpoolConfig(maxBytes, segmentBytes, maxBatchBytes, maxRecordBytes, commitDelay,
        pendingHighWater, pendingLowWater, mode);
  }
}
