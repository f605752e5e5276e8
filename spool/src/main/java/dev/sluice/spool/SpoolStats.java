package dev.sluice.spool;

/**
 * A snapshot of the spool for metrics and heartbeats.
 *
 * @param nextOffset offset the next record gets
 * @param durableOffset records below this offset are fsync'd
 * @param ackedOffset last acknowledged offset, -1 for none
 * @param segments number of segment files
 * @param diskBytes bytes in segment files
 * @param pendingBytes bytes appended but not yet written
 * @param writable whether callers should keep appending (false: stop reading from sockets)
 * @param blocked why the writer is waiting, or {@link Blocked#NONE}
 * @param commits group commits since open
 * @param writeErrors failed writes or fsyncs since open (each retried, none lost)
 * @param checkpointErrors acknowledgements whose checkpoint could not be written (a restart
 *     would resend some acknowledged records; the lake drops them by id)
 */
public record SpoolStats(
    long nextOffset,
    long durableOffset,
    long ackedOffset,
    int segments,
    long diskBytes,
    long pendingBytes,
    boolean writable,
    Blocked blocked,
    long commits,
    long writeErrors,
    long checkpointErrors) {

  /** Unacknowledged records held (on disk or pending). */
  public long depth() {
    return nextOffset - ackedOffset - 1;
  }

  /** Why the writer is not writing. */
  public enum Blocked {
    NONE,
    /** The size cap is reached; waiting for acknowledgements to free segments. */
    CAP_REACHED,
    /** A write or fsync failed (disk full, I/O error); retrying with backoff. */
    WRITE_ERROR
  }
}
