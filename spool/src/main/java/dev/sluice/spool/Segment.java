package dev.sluice.spool;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * One segment file: batches from {@code baseOffset} on. The writer thread alone appends; readers
 * read up to {@link #durableSize} with positional reads.
 */
final class Segment {
  static final String SUFFIX = ".log";

  final long baseOffset;
  final Path path;
  final FileChannel channel;
  /** Bytes written (the writer's view). */
  volatile long size;
  /** Bytes fsync'd: what readers may see. */
  volatile long durableSize;
  /** Offset after the last durable record of this segment. */
  volatile long durableNextOffset;

  Segment(long baseOffset, Path path, FileChannel channel, long size, long nextOffset) {
    this.baseOffset = baseOffset;
    this.path = path;
    this.channel = channel;
    this.size = size;
    this.durableSize = size;
    this.durableNextOffset = nextOffset;
  }

  static String fileName(long baseOffset) {
    return String.format("%020d%s", baseOffset, SUFFIX);
  }

  /** The base offset a segment file name encodes, or -1 if it is not a segment name. */
  static long parseBaseOffset(String fileName) {
    if (fileName.length() != 20 + SUFFIX.length() || !fileName.endsWith(SUFFIX)) {
      return -1;
    }
    for (int i = 0; i < 20; i++) {
      if (!Character.isDigit(fileName.charAt(i))) {
        return -1;
      }
    }
    try {
      return Long.parseLong(fileName.substring(0, 20));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  void close() {
    try {
      channel.close();
    } catch (IOException ignored) {
      // closing a file we are done with; nothing to recover
    }
  }
}
