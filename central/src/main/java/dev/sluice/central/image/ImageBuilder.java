package dev.sluice.central.image;

import dev.sluice.central.db.Database;
import dev.sluice.wire.image.ApplianceImageWriter;
import dev.sluice.wire.image.BootstrapConfig;
import dev.sluice.wire.image.PayloadArchive;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds images in the background, one at a time (state {@code building} → {@code ready} or
 * {@code failed} with the reason). The appliance software payload is built once per version and
 * reused. Files live in {@code <data>/images}.
 */
public final class ImageBuilder implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ImageBuilder.class);

  private final Database database;
  private final Path directory;
  private final PayloadSource payload;
  private final Clock clock;
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
    executor.execute(() -> build(imageId, bootstrap));
  }

  public Path file(String fileName) {
    return directory.resolve(fileName);
  }

  private void build(String imageId, BootstrapConfig bootstrap) {
    String fileName = imageId + "." + bootstrap.platform().fileExtension();
    Path target = directory.resolve(fileName);
    Path partial = directory.resolve(fileName + ".partial");
    try {
      Files.createDirectories(directory);
      ApplianceImageWriter.write(bootstrap, payloadArchive(), partial);
      Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      long size = Files.size(target);
      String sha256 = sha256(target);
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
  private Path payloadArchive() throws IOException {
    Path archive = directory.resolve("payload-" + payload.version().replaceAll("[^A-Za-z0-9._-]", "_") + ".tar");
    if (!Files.exists(archive)) {
      Path partial = directory.resolve(archive.getFileName() + ".partial");
      PayloadArchive.write(PayloadArchive.applianceSoftware(payload.version(), payload.jars()), partial);
      Files.move(partial, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
    return archive;
  }

  private static String sha256(Path file) throws IOException {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
        in.transferTo(OutputStream.nullOutputStream());
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
