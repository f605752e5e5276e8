package dev.sluice.spool;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Opens real files but fails writes like a full disk once {@code budget} bytes have been written
 * through it: the write that crosses the budget writes what still fits, then throws "No space
 * left on device", as a real short write followed by ENOSPC does. Truncation gives bytes back.
 */
final class FullDiskChannelOpener implements ChannelOpener {
  final AtomicLong budget;
  final AtomicLong failures = new AtomicLong();

  FullDiskChannelOpener(long budget) {
    this.budget = new AtomicLong(budget);
  }

  @Override
  public FileChannel open(Path path, boolean create) throws IOException {
    if (create && budget.get() <= 0) {
      failures.incrementAndGet();
      throw new IOException("No space left on device");
    }
    return new Channel(ChannelOpener.DEFAULT.open(path, create));
  }

  private final class Channel extends FileChannel {
    private final FileChannel d;

    Channel(FileChannel d) {
      this.d = d;
    }

    @Override
    public int write(ByteBuffer src, long position) throws IOException {
      long allowed = budget.get();
      if (allowed <= 0) {
        failures.incrementAndGet();
        throw new IOException("No space left on device");
      }
      if (src.remaining() > allowed) {
        ByteBuffer part = src.duplicate();
        part.limit(part.position() + (int) allowed);
        int n = d.write(part, position);
        src.position(src.position() + n);
        budget.addAndGet(-n);
        failures.incrementAndGet();
        throw new IOException("No space left on device");
      }
      int n = d.write(src, position);
      budget.addAndGet(-n);
      return n;
    }

    @Override
    public FileChannel truncate(long size) throws IOException {
      long before = d.size();
      d.truncate(size);
      budget.addAndGet(Math.max(0, before - d.size()));
      return this;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
      return d.read(dst);
    }

    @Override
    public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
      return d.read(dsts, offset, length);
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
      return write(src, d.position());
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
      throw new UnsupportedOperationException();
    }

    @Override
    public long position() throws IOException {
      return d.position();
    }

    @Override
    public FileChannel position(long newPosition) throws IOException {
      d.position(newPosition);
      return this;
    }

    @Override
    public long size() throws IOException {
      return d.size();
    }

    @Override
    public void force(boolean metaData) throws IOException {
      d.force(metaData);
    }

    @Override
    public long transferTo(long position, long count, WritableByteChannel target)
        throws IOException {
      return d.transferTo(position, count, target);
    }

    @Override
    public long transferFrom(ReadableByteChannel src, long position, long count) {
      throw new UnsupportedOperationException();
    }

    @Override
    public int read(ByteBuffer dst, long position) throws IOException {
      return d.read(dst, position);
    }

    @Override
    public MappedByteBuffer map(MapMode mode, long position, long size) {
      throw new UnsupportedOperationException();
    }

    @Override
    public FileLock lock(long position, long size, boolean shared) {
      throw new UnsupportedOperationException();
    }

    @Override
    public FileLock tryLock(long position, long size, boolean shared) {
      throw new UnsupportedOperationException();
    }

    @Override
    protected void implCloseChannel() throws IOException {
      d.close();
    }
  }
}
