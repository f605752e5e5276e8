package dev.sluice.spool;

/** Why recovery stopped reading a segment: stable codes for reports and metrics. */
public enum Corruption {
  /** The file ends inside a batch (a write cut short by a crash). */
  TORN_TAIL,
  /** The bytes where a batch should start do not begin with the batch magic. */
  BAD_MAGIC,
  /** A batch or record length that cannot be right. */
  BAD_LENGTH,
  /** The batch's CRC32C does not match its bytes. */
  CRC_MISMATCH,
  /** A batch or segment does not continue the offsets before it. */
  OFFSET_GAP
}
