package dev.sluice.spool;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Opens segment files for the spool. The default is {@link FileChannel#open}; tests pass one
 * that fails like a full disk.
 */
@FunctionalInterface
public interface ChannelOpener {
  /** Opens {@code path} for reading and writing, creating it if {@code create}. */
  FileChannel open(Path path, boolean create) throws IOException;

  ChannelOpener DEFAULT = (path, create) -> create
      ? FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
          StandardOpenOption.WRITE)
      : FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
}
