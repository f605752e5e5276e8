package dev.sluice.spool;

import dev.sluice.spool.SpoolStats.Blocked;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A crash-safe, segmented, append-only log of records, in the style of Kafka's log.
 *
 * <p>Layout of the directory: segment files named by the zero-padded offset of their first
 * record ({@code 00000000000000000000.log}, see {@link Batch} for the bytes), the acknowledged
 * offset in {@code acked.checkpoint} (see {@link Checkpoint}) and a {@code spool.lock} that
 * keeps a second process out.
 *
 * <p>Appending never blocks: {@link #append} gives the record its offset and queues it; one
 * writer thread group-commits what is queued (lingering at most {@link
 * SpoolConfig#commitDelay}), writes it as batches with a CRC32C each and fsyncs. A record is
 * durable, and readers see it, only after that fsync. When the size cap is reached, or a write
 * fails (a full disk), the writer keeps the queued records and waits or retries with backoff;
 * the spool turns unwritable so callers stop taking input (a listener stops reading its
 * sockets), and nothing appended is dropped. A failed write is cut back off the file before it
 * is retried, so the file never holds a half-written batch that a later batch follows.
 *
 * <p>On open, recovery reads every segment, truncates at the first batch that is cut short or
 * fails its checks, deletes any segment after that point and says where in the {@link
 * RecoveryReport}.
 *
 * <p>{@link #ack} records the offset up to which a consumer (the forwarder) is done and deletes
 * segments that hold only acknowledged records.
 */
public final class Spool implements AutoCloseable {
  private static final Duration MAX_RETRY_BACKOFF = Duration.ofSeconds(2);
  private static final Duration MIN_RETRY_BACKOFF = Duration.ofMillis(50);

  private final Path dir;
  private final SpoolConfig config;
  private final ChannelOpener opener;
  private final FileChannel lockChannel;
  private final FileLock fileLock;
  private final RecoveryReport recovery;
  private final ConcurrentSkipListMap<Long, Segment> segments = new ConcurrentSkipListMap<>();
  private final CopyOnWriteArrayList<Runnable> writabilityListeners = new CopyOnWriteArrayList<>();

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition pendingAvailable = lock.newCondition();
  private final Condition durableAdvanced = lock.newCondition();
  private final Condition spaceFreed = lock.newCondition();
  private final Condition writableAgain = lock.newCondition();
  private final Object ackLock = new Object();

  // Guarded by lock.
  private PackedRecords pending = new PackedRecords();
  private PackedRecords spare = new PackedRecords();
  private long pendingBase;
  private long nextOffset;
  private long pendingBytes;
  private boolean writable = true;
  private boolean closed;

  private volatile long durableOffset;
  private volatile long ackedOffset;
  private final AtomicLong diskBytes = new AtomicLong();
  private volatile Blocked blocked = Blocked.NONE;
  private volatile long commits;
  private volatile long writeErrors;
  private volatile long checkpointErrors;
  private volatile IOException fatal;
  private final Thread writer;

  private Spool(Path dir, SpoolConfig config, ChannelOpener opener) throws IOException {
    this.dir = dir;
    this.config = config;
    this.opener = opener;
    Files.createDirectories(dir);
    this.lockChannel = FileChannel.open(dir.resolve("spool.lock"), StandardOpenOption.CREATE,
        StandardOpenOption.WRITE);
    FileLock l;
    try {
      l = lockChannel.tryLock();
    } catch (OverlappingFileLockException e) {
      l = null;
    }
    if (l == null) {
      lockChannel.close();
      throw new IOException("spool " + dir + " is in use by another process");
    }
    this.fileLock = l;
    try {
      this.recovery = recover();
    } catch (IOException | RuntimeException e) {
      segments.values().forEach(Segment::close);
      lockChannel.close();
      throw e;
    }
    this.nextOffset = recovery.nextOffset();
    this.pendingBase = nextOffset;
    this.durableOffset = nextOffset;
    this.ackedOffset = recovery.ackedOffset();
    diskBytes.set(segments.values().stream().mapToLong(s -> s.size).sum());
    this.writer = new Thread(this::writeLoop, "spool-writer-" + dir.getFileName());
    writer.setDaemon(true);
    writer.start();
  }

  /** Opens (recovering) or creates the spool in {@code dir}. */
  public static Spool open(Path dir, SpoolConfig config) throws IOException {
    return new Spool(dir, config, ChannelOpener.DEFAULT);
  }

  /** Opens with a custom way to open segment files (tests that simulate a full disk). */
  public static Spool open(Path dir, SpoolConfig config, ChannelOpener opener)
      throws IOException {
    return new Spool(dir, config, opener);
  }

  public RecoveryReport recovery() {
    return recovery;
  }

  public SpoolConfig config() {
    return config;
  }

  public Path directory() {
    return dir;
  }

  // ---------------------------------------------------------------- recovery

  private RecoveryReport recover() throws IOException {
    try (DirectoryStream<Path> tmp = Files.newDirectoryStream(dir, "*.tmp")) {
      for (Path p : tmp) {
        Files.deleteIfExists(p);
      }
    }
    long acked = -1;
    String checkpointProblem = null;
    try {
      acked = Checkpoint.read(dir);
    } catch (IOException e) {
      checkpointProblem = e.getMessage();
    }
    TreeMap<Long, Path> files = new TreeMap<>();
    try (DirectoryStream<Path> all = Files.newDirectoryStream(dir, "*" + Segment.SUFFIX)) {
      for (Path p : all) {
        long base = Segment.parseBaseOffset(p.getFileName().toString());
        if (base >= 0) {
          files.put(base, p);
        }
      }
    }
    List<RecoveryReport.Truncation> truncations = new ArrayList<>();
    List<Path> deleted = new ArrayList<>();
    boolean cut = false;
    long expected = -1;
    for (Map.Entry<Long, Path> e : files.entrySet()) {
      long base = e.getKey();
      Path path = e.getValue();
      if (cut) {
        Files.delete(path);
        deleted.add(path);
        continue;
      }
      if (expected >= 0 && base != expected) {
        long size = Files.size(path);
        truncations.add(new RecoveryReport.Truncation(path, 0, size, Corruption.OFFSET_GAP,
            "segment starts at offset " + base + ", expected " + expected));
        Files.delete(path);
        deleted.add(path);
        cut = true;
        continue;
      }
      FileChannel ch = opener.open(path, false);
      long size = ch.size();
      long position = 0;
      long next = base;
      while (true) {
        Batch.ReadResult r = Batch.read(ch, position, size, next, config.maxBatchBytes());
        if (r instanceof Batch.Read read) {
          position = read.nextPosition();
          next = read.nextOffset();
        } else if (r instanceof Batch.Corrupt bad) {
          truncations.add(new RecoveryReport.Truncation(path, position, size - position,
              bad.reason(), bad.detail()));
          ch.truncate(position);
          ch.force(true);
          cut = true;
          break;
        } else {
          break;
        }
      }
      segments.put(base, new Segment(base, path, ch, position, next));
      expected = next;
    }
    long next = segments.isEmpty() ? 0 : segments.lastEntry().getValue().durableNextOffset;
    if (next <= acked) {
      // Everything held is acknowledged (or the checkpoint is ahead of the data): start afresh
      // after the acknowledged offset.
      for (Segment s : segments.values()) {
        s.close();
        Files.delete(s.path);
        deleted.add(s.path);
      }
      segments.clear();
      next = acked + 1;
    } else {
      deleted.addAll(deleteAcknowledged(acked));
    }
    if (segments.isEmpty()) {
      createSegment(next);
    }
    Checkpoint.fsyncDirectory(dir);
    long first = segments.firstKey();
    if (first - 1 > acked) {
      // Segments are deleted only after their records were acknowledged; the checkpoint may
      // lag behind (a crash between the two steps, or a checkpoint that could not be written).
      acked = first - 1;
    }
    return new RecoveryReport(first, next, acked, truncations, deleted, checkpointProblem);
  }

  private Segment createSegment(long baseOffset) throws IOException {
    Path path = dir.resolve(Segment.fileName(baseOffset));
    FileChannel ch = opener.open(path, true);
    if (ch.size() != 0) {
      ch.truncate(0);
    }
    Segment s = new Segment(baseOffset, path, ch, 0, baseOffset);
    segments.put(baseOffset, s);
    return s;
  }

  // ---------------------------------------------------------------- append side

  /**
   * Queues one record and returns its offset. Never blocks; check {@link #isWritable()} (or
   * listen with {@link #addWritabilityListener}) to stop producing when the spool is backed up.
   *
   * @throws IllegalArgumentException if the record is larger than {@link
   *     SpoolConfig#maxRecordBytes}
   * @throws IllegalStateException if the spool is closed or its writer failed for good
   */
  public long append(byte[] record) {
    return append(record, 0, record.length);
  }

  /** {@link #append(byte[])} of the record {@code bytes[offset, offset+length)} (copied). */
  public long append(byte[] bytes, int offset, int length) {
    return appendAll(bytes, new int[] {offset}, new int[] {length}, 1);
  }

  /**
   * Queues {@code count} records in order, record {@code i} being {@code bytes[offsets[i],
   * offsets[i]+lengths[i])} (copied), under one lock; returns the offset of the first. Either
   * all are queued or, if one is too large, none.
   *
   * @throws IllegalArgumentException if a record is larger than {@link
   *     SpoolConfig#maxRecordBytes}
   * @throws IllegalStateException if the spool is closed or its writer failed for good
   */
  public long appendAll(byte[] bytes, int[] offsets, int[] lengths, int count) {
    for (int i = 0; i < count; i++) {
      if (lengths[i] > config.maxRecordBytes()) {
        throw new IllegalArgumentException("record of " + lengths[i] + " bytes exceeds "
            + config.maxRecordBytes());
      }
    }
    boolean turnedUnwritable = false;
    long offset;
    lock.lock();
    try {
      if (closed) {
        throw new IllegalStateException("spool is closed");
      }
      if (fatal != null) {
        throw new IllegalStateException("spool writer failed", fatal);
      }
      offset = nextOffset;
      nextOffset += count;
      boolean wasEmpty = pending.isEmpty();
      for (int i = 0; i < count; i++) {
        pending.add(bytes, offsets[i], lengths[i]);
        pendingBytes += lengths[i] + Batch.RECORD_OVERHEAD_BYTES;
      }
      if (wasEmpty && count > 0) {
        pendingAvailable.signal();
      }
      if (writable && pendingBytes >= config.pendingHighWater()) {
        writable = false;
        turnedUnwritable = true;
      }
    } finally {
      lock.unlock();
    }
    if (turnedUnwritable) {
      fireWritability();
    }
    return offset;
  }

  /** Whether producers should keep appending. */
  public boolean isWritable() {
    lock.lock();
    try {
      return writable;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Calls {@code listener} (from any thread) after each change of {@link #isWritable()}; it
   * should read the current value rather than assume one.
   */
  public void addWritabilityListener(Runnable listener) {
    writabilityListeners.add(listener);
  }

  public void removeWritabilityListener(Runnable listener) {
    writabilityListeners.remove(listener);
  }

  /** Waits until the spool is writable; false on timeout. */
  public boolean awaitWritable(Duration timeout) throws InterruptedException {
    long nanos = timeout.toNanos();
    lock.lock();
    try {
      while (!writable && !closed) {
        if (nanos <= 0) {
          return false;
        }
        nanos = writableAgain.awaitNanos(nanos);
      }
      return writable;
    } finally {
      lock.unlock();
    }
  }

  /** Waits until every record up to and including {@code offset} is durable. */
  public boolean awaitDurable(long offset, Duration timeout) throws InterruptedException {
    long nanos = timeout.toNanos();
    lock.lock();
    try {
      while (durableOffset <= offset) {
        if (nanos <= 0 || closed) {
          return durableOffset > offset;
        }
        nanos = durableAdvanced.awaitNanos(nanos);
      }
      return true;
    } finally {
      lock.unlock();
    }
  }

  /** Records below this offset are fsync'd and visible to readers. */
  public long durableOffset() {
    return durableOffset;
  }

  public long nextOffset() {
    lock.lock();
    try {
      return nextOffset;
    } finally {
      lock.unlock();
    }
  }

  public long ackedOffset() {
    return ackedOffset;
  }

  private void fireWritability() {
    for (Runnable l : writabilityListeners) {
      l.run();
    }
  }

  private void updateWritability() {
    updateWritability(null);
  }

  /**
   * Sets the blocked state (unless {@code nowBlocked} is null: kept as it is) and writability
   * together, so a {@link #stats()} snapshot never shows one without the other.
   */
  private void updateWritability(Blocked nowBlocked) {
    boolean changed = false;
    lock.lock();
    try {
      if (nowBlocked != null) {
        blocked = nowBlocked;
      }
      boolean shouldBe = writable
          ? pendingBytes < config.pendingHighWater() && blocked == Blocked.NONE
          : pendingBytes <= config.pendingLowWater() && blocked == Blocked.NONE;
      if (shouldBe != writable) {
        writable = shouldBe;
        changed = true;
        if (shouldBe) {
          writableAgain.signalAll();
        }
      }
    } finally {
      lock.unlock();
    }
    if (changed) {
      fireWritability();
    }
  }

  private void setBlocked(Blocked b) {
    if (blocked != b) {
      updateWritability(b);
    }
  }

  // ---------------------------------------------------------------- writer

  private void writeLoop() {
    try {
      while (true) {
        PackedRecords round;
        long roundBase;
        lock.lock();
        try {
          while (pending.isEmpty() && !closed) {
            pendingAvailable.await();
          }
          if (pending.isEmpty()) {
            return;
          }
          long lingerNanos = config.commitDelay().toNanos();
          while (!closed && lingerNanos > 0 && pendingBytes < config.maxBatchBytes()) {
            lingerNanos = pendingAvailable.awaitNanos(lingerNanos);
          }
          round = pending;
          roundBase = pendingBase;
          pending = spare;
          spare = null;
          pendingBase += round.count();
        } finally {
          lock.unlock();
        }
        commit(round, roundBase);
        round.clear(config.pendingHighWater());
        lock.lock();
        try {
          spare = round;
        } finally {
          lock.unlock();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException | RuntimeException e) {
      fatal = e instanceof IOException io ? io : new IOException(e);
      lock.lock();
      try {
        durableAdvanced.signalAll();
      } finally {
        lock.unlock();
      }
    }
  }

  /** Writes and fsyncs {@code round}, retrying after failures until it is all durable. */
  private void commit(PackedRecords round, long roundBase)
      throws InterruptedException, IOException {
    long backoff = MIN_RETRY_BACKOFF.toMillis();
    while (durableOffset < roundBase + round.count()) {
      int done = (int) (durableOffset - roundBase);
      try {
        writeAndSync(round, done, durableOffset);
        setBlocked(Blocked.NONE);
        backoff = MIN_RETRY_BACKOFF.toMillis();
      } catch (IOException e) {
        writeErrors++;
        rollBackActiveSegment();
        setBlocked(Blocked.WRITE_ERROR);
        if (closedAndGivingUp(backoff)) {
          throw e;
        }
        backoff = Math.min(backoff * 2, MAX_RETRY_BACKOFF.toMillis());
      }
    }
    commits++;
  }

  /** Sleeps {@code millis} unless closing; true if the spool is closed (stop retrying). */
  private boolean closedAndGivingUp(long millis) throws InterruptedException {
    lock.lock();
    try {
      if (!closed) {
        spaceFreed.await(millis, TimeUnit.MILLISECONDS);
      }
      return closed;
    } finally {
      lock.unlock();
    }
  }

  // Written but not yet fsync'd by the writer thread: where it ends and the record bytes it
  // holds (released from pendingBytes once durable).
  private long unsyncedNextOffset;
  private long unsyncedRecordBytes;

  // The writer's encoding buffer, one batch at most; direct, so the write copies nothing more.
  private ByteBuffer batchBuffer;

  /** Writes records {@code first..} of {@code records} (offsets from {@code baseOffset}). */
  private void writeAndSync(PackedRecords records, int first, long baseOffset)
      throws IOException, InterruptedException {
    if (batchBuffer == null) {
      batchBuffer = ByteBuffer.allocateDirect(config.maxBatchBytes());
    }
    int i = first;
    int position = records.positionOf(first);
    long offset = baseOffset;
    unsyncedNextOffset = baseOffset;
    unsyncedRecordBytes = 0;
    while (i < records.count()) {
      int end = i;
      int endPosition = position;
      int size = Batch.OVERHEAD_BYTES;
      while (end < records.count()) {
        int recordBytes = Batch.RECORD_OVERHEAD_BYTES + records.lengthAt(endPosition);
        if (end > i && size + recordBytes > config.maxBatchBytes()) {
          break;
        }
        size += recordBytes;
        endPosition += recordBytes;
        end++;
      }
      waitForSpace(size);
      Segment active = segments.lastEntry().getValue();
      if (active.size > 0 && active.size + size > config.segmentBytes()) {
        sync(active);
        active = createSegment(offset);
        Checkpoint.fsyncDirectory(dir);
      }
      ByteBuffer buf = Batch.encodePacked(offset, records.bytes(), position, endPosition,
          end - i, batchBuffer);
      long filePosition = active.size;
      while (buf.hasRemaining()) {
        filePosition += active.channel.write(buf, filePosition);
      }
      active.size = filePosition;
      diskBytes.addAndGet(size);
      offset += end - i;
      unsyncedNextOffset = offset;
      unsyncedRecordBytes += size - Batch.OVERHEAD_BYTES;
      i = end;
      position = endPosition;
    }
    sync(segments.lastEntry().getValue());
  }

  /** Fsyncs the active segment and publishes what was written as durable. */
  private void sync(Segment s) throws IOException {
    if (s.size == s.durableSize) {
      return;
    }
    if (config.fsync() == SpoolConfig.Fsync.ALWAYS) {
      s.channel.force(false);
    }
    s.durableSize = s.size;
    s.durableNextOffset = unsyncedNextOffset;
    lock.lock();
    try {
      durableOffset = unsyncedNextOffset;
      pendingBytes -= unsyncedRecordBytes;
      unsyncedRecordBytes = 0;
      durableAdvanced.signalAll();
    } finally {
      lock.unlock();
    }
    updateWritability();
  }

  private void rollBackActiveSegment() {
    Segment active = segments.lastEntry().getValue();
    if (active.size != active.durableSize) {
      diskBytes.addAndGet(-(active.size - active.durableSize));
      active.size = active.durableSize;
      try {
        active.channel.truncate(active.durableSize);
      } catch (IOException e) {
        // If even the truncate fails, the next write still starts at durableSize and overwrites
        // the partial bytes; recovery would cut them anyway (CRC).
      }
    }
  }

  private void waitForSpace(int batchBytes) throws InterruptedException {
    while (true) {
      lock.lock();
      try {
        if (diskBytes.get() + batchBytes <= config.maxBytes()) {
          break;
        }
        if (closed) {
          throw new InterruptedException("closed while waiting for space");
        }
        if (blocked == Blocked.CAP_REACHED) {
          spaceFreed.await(100, TimeUnit.MILLISECONDS);
          continue;
        }
      } finally {
        lock.unlock();
      }
      setBlocked(Blocked.CAP_REACHED);
    }
    if (blocked == Blocked.CAP_REACHED) {
      setBlocked(Blocked.NONE);
    }
  }

  // ---------------------------------------------------------------- ack side

  /**
   * Records that every record up to and including {@code offset} is delivered: writes the
   * checkpoint durably and deletes segments that hold only acknowledged records (never the
   * active one).
   */
  public void ack(long offset) throws IOException {
    synchronized (ackLock) {
      if (offset <= ackedOffset) {
        return;
      }
      if (offset >= durableOffset) {
        throw new IllegalArgumentException("cannot ack offset " + offset
            + ": only offsets below " + durableOffset + " are durable");
      }
      ackedOffset = offset;
      // Segments go first: deleting needs no space, so a full disk frees up even when the
      // checkpoint cannot be written. Recovery treats offsets before the first segment as
      // acknowledged, so a crash between the two steps loses nothing.
      List<Path> removed = deleteAcknowledged(offset);
      if (!removed.isEmpty()) {
        lock.lock();
        try {
          spaceFreed.signalAll();
        } finally {
          lock.unlock();
        }
      }
      try {
        Checkpoint.write(dir, offset, config.fsync() == SpoolConfig.Fsync.ALWAYS);
      } catch (IOException e) {
        // Not fatal: an older checkpoint only means the lake sees some events again after a
        // restart, and it drops them by id. The next ack tries again.
        checkpointErrors++;
      }
    }
  }

  private List<Path> deleteAcknowledged(long acked) throws IOException {
    List<Path> removed = new ArrayList<>();
    while (segments.size() > 1) {
      Map.Entry<Long, Segment> first = segments.firstEntry();
      Long nextBase = segments.higherKey(first.getKey());
      if (nextBase == null || nextBase > acked + 1) {
        break;
      }
      Segment s = first.getValue();
      segments.remove(first.getKey());
      s.close();
      Files.deleteIfExists(s.path);
      diskBytes.addAndGet(-s.size);
      removed.add(s.path);
    }
    return removed;
  }

  // ---------------------------------------------------------------- read side

  /** A reader from {@code fromOffset} (at least the first held offset) on. */
  public SpoolReader reader(long fromOffset) {
    long first = segments.firstKey();
    if (fromOffset < first) {
      throw new IllegalArgumentException("offset " + fromOffset + " is no longer held; first is "
          + first);
    }
    return new SpoolReader(this, fromOffset);
  }

  Map.Entry<Long, Segment> segmentFor(long offset) {
    return segments.floorEntry(offset);
  }

  Map.Entry<Long, Segment> segmentAfter(long baseOffset) {
    return segments.higherEntry(baseOffset);
  }

  int maxBatchBytes() {
    return config.maxBatchBytes();
  }

  /** Waits until a record at {@code offset} is durable; false on timeout or close. */
  boolean awaitReadable(long offset, long nanos) throws InterruptedException {
    lock.lock();
    try {
      while (durableOffset <= offset && !closed && fatal == null) {
        if (nanos <= 0) {
          return false;
        }
        nanos = durableAdvanced.awaitNanos(nanos);
      }
      return durableOffset > offset;
    } finally {
      lock.unlock();
    }
  }

  // ---------------------------------------------------------------- status

  public SpoolStats stats() {
    lock.lock();
    try {
      return new SpoolStats(nextOffset, durableOffset, ackedOffset, segments.size(), diskBytes.get(),
          pendingBytes, writable, blocked, commits, writeErrors, checkpointErrors);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Stops accepting records, writes what is queued (giving up after {@code timeout} if the disk
   * keeps failing or the cap stays reached) and releases the files.
   */
  public void close(Duration timeout) {
    lock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      pendingAvailable.signalAll();
      spaceFreed.signalAll();
      writableAgain.signalAll();
      durableAdvanced.signalAll();
    } finally {
      lock.unlock();
    }
    try {
      writer.join(timeout.toMillis());
      if (writer.isAlive()) {
        writer.interrupt();
        writer.join();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    segments.values().forEach(Segment::close);
    try {
      fileLock.release();
      lockChannel.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    close(Duration.ofSeconds(5));
  }
}
