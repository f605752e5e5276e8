package dev.sluice.central.image;

import dev.sluice.central.db.Database;
import dev.sluice.wire.image.ApplianceImageWriter;
import dev.sluice.wire.image.BootstrapConfig;
import dev.sluice.wire.image.PayloadArchive;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds images in the background, one at a time (state {@code building} → {@code ready} or
 * {@code failed} with the reason). The appliance software payload is built once per version and
 * reused. Files live in {@code <data>/images}.
 *
 * <p>Progress is measured, not estimated: a build reads the appliance jars into the payload (only
 * the first build of a version), digests and copies the payload into the image, then digests the
 * image. {@link #progressPercent} is the share of those bytes read so far; it never says 100 before
 * the image is ready.
 */
public final class ImageBuilder implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ImageBuilder.class);

  private final Database database;
  private final Path directory;
  private final PayloadSource payload;
  private final Clock clock;
  private final Map<String, Progress> progress = new ConcurrentHashMap<>();
  private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
    Thread thread = new Thread(runnable, "image-builder");
    thread.setDaemon(true);
    return thread;
  });

  public ImageBuilder(Database database, Path directory, PayloadSource payload, Clock clock) {
    this.database = database;
    this.directory = directory;
    this.payload = payload;
    this.clock = clock;
  }

  /** Builds the image described by {@code bootstrap} for image row {@code imageId}. */
  public void submit(String imageId, BootstrapConfig bootstrap) {
    progress.put(imageId, new Progress());
    executor.execute(() -> {
      try {
        build(imageId, bootstrap);
      } finally {
        progress.remove(imageId);
      }
    });
  }

  /**
   * How far this process is in building the image, 0–99; empty when it is not building it here
   * (done, failed, or queued before a restart). A queued build reports 0.
   */
  public OptionalInt progressPercent(String imageId) {
    Progress p = progress.get(imageId);
    return p == null ? OptionalInt.empty() : OptionalInt.of(p.percent());
  }

  /** Bytes read so far out of the bytes the build reads in all. */
  private static final class Progress implements LongConsumer {
    private final AtomicLong done = new AtomicLong();
    private volatile long total;
    /** The highest share reported: a corrected total must not move the bar backwards. */
    private final AtomicInteger reported = new AtomicInteger();

    @Override
    public void accept(long bytes) {
      done.addAndGet(bytes);
    }

    int percent() {
      long all = total;
      int measured = all <= 0 ? 0 : (int) Math.min(99, done.get() * 100 / all);
      return reported.accumulateAndGet(measured, Math::max);
    }
  }

  public Path file(String fileName) {
    return directory.resolve(fileName);
  }

  private void build(String imageId, BootstrapConfig bootstrap) {
    String fileName = imageId + "." + bootstrap.platform().fileExtension();
    Path target = directory.resolve(fileName);
    Path partial = directory.resolve(fileName + ".partial");
    Progress tracker = progress.computeIfAbsent(imageId, id -> new Progress());
    try {
      Files.createDirectories(directory);
      Path payloadTar = payloadArchive(tracker);
      long payloadSize = Files.size(payloadTar);
      tracker.total = tracker.done.get() + 3 * payloadSize;
      ApplianceImageWriter.write(bootstrap, payloadTar, partial, tracker);
      Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      long size = Files.size(target);
      tracker.total = tracker.done.get() + size;
      String sha256 = sha256(target, tracker);
      database.write(connection -> {
        ImageRepository.markReady(connection, imageId, fileName, size, sha256, clock.instant());
        return null;
      });
    } catch (IOException | RuntimeException e) {
      LOG.warn("image {} failed: {}", imageId, e.toString());
      try {
        Files.deleteIfExists(partial);
      } catch (IOException ignored) {
        // the partial file is overwritten by the next attempt
      }
      database.write(connection -> {
        ImageRepository.markFailed(connection, imageId, "build failed: " + e.getMessage());
        return null;
      });
    }
  }

  /** The payload tar for the current software version, built on first use. */
  private Path payloadArchive(Progress tracker) throws IOException {
    Path archive = directory.resolve("payload-" + payload.version().replaceAll("[^A-Za-z0-9._-]", "_") + ".tar");
    if (!Files.exists(archive)) {
      Path partial = directory.resolve(archive.getFileName() + ".partial");
      List<Path> jars = payload.jars();
      long jarBytes = 0;
      for (Path jar : jars) {
        jarBytes += Files.size(jar);
      }
      tracker.total = 4 * jarBytes; // the payload is about the jars' size; corrected once it exists
      PayloadArchive.write(PayloadArchive.applianceSoftware(payload.version(), jars), partial, tracker);
      Files.move(partial, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
    return archive;
  }

  private static String sha256(Path file, LongConsumer bytesRead) throws IOException {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
        byte[] buffer = new byte[256 * 1024];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
          bytesRead.accept(n);
        }
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Waits for queued builds (tests) up to the timeout. */
  public void awaitIdle(long timeout, TimeUnit unit) throws Exception {
    executor.submit(() -> { }).get(timeout, unit);
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
