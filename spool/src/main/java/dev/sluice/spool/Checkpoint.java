package dev.sluice.spool;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * The acknowledged-offset checkpoint, {@code acked.checkpoint}: 16 bytes, big-endian: magic
 * 0x534C4B31 ("SLK1"), the offset (int64), CRC32C of the first 12 bytes. Written to a temporary
 * file, fsync'd, renamed over the old one, and the directory fsync'd, so a crash leaves either
 * the old or the new value.
 */
final class Checkpoint {
  static final String FILE = "acked.checkpoint";
  private static final int MAGIC = 0x534C4B31;

  private Checkpoint() {}

  /** The stored offset, -1 when there is none yet. */
  static long read(Path dir) throws IOException {
    byte[] b;
    try {
      b = Files.readAllBytes(dir.resolve(FILE));
    } catch (NoSuchFileException e) {
      return -1;
    }
    if (b.length != 16) {
      throw new IOException("checkpoint has " + b.length + " bytes, expected 16");
    }
    ByteBuffer buf = ByteBuffer.wrap(b);
    CRC32C crc = new CRC32C();
    crc.update(b, 0, 12);
    if (buf.getInt(0) != MAGIC || buf.getInt(12) != (int) crc.getValue()) {
      throw new IOException("checkpoint magic or CRC does not match");
    }
    long offset = buf.getLong(4);
    if (offset < -1) {
      throw new IOException("checkpoint offset " + offset);
    }
    return offset;
  }

  static void write(Path dir, long offset, boolean fsync) throws IOException {
    ByteBuffer buf = ByteBuffer.allocate(16).putInt(MAGIC).putLong(offset);
    CRC32C crc = new CRC32C();
    crc.update(buf.array(), 0, 12);
    buf.putInt((int) crc.getValue()).flip();
    Path tmp = dir.resolve(FILE + ".tmp");
    try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE,
        StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
      while (buf.hasRemaining()) {
        ch.write(buf);
      }
      if (fsync) {
        ch.force(true);
      }
    }
    Files.move(tmp, dir.resolve(FILE), StandardCopyOption.ATOMIC_MOVE,
        StandardCopyOption.REPLACE_EXISTING);
    if (fsync) {
      fsyncDirectory(dir);
    }
  }

  static void fsyncDirectory(Path dir) throws IOException {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    }
  }
}
