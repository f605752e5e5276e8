package dev.sluice.cli;

import dev.sluice.lake.IngestAuthorizer;
import dev.sluice.lake.LakeConfig;
import dev.sluice.lake.LakeRoutes;
import dev.sluice.lake.LakeServer;
import dev.sluice.lake.LakeService;
import dev.sluice.lake.StandaloneIdentity;
import dev.sluice.pki.Fingerprints;
import dev.sluice.pki.Identity;
import dev.sluice.pki.IdentityFiles;
import dev.sluice.pki.SelfSignedCertificates;
import dev.sluice.pki.TlsContexts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sluice lake}: the data lake alone, over HTTPS with a self-signed certificate, and the
 * standalone test identity (see {@link StandaloneIdentity}) until appliances enroll with central.
 */
@Command(name = "lake", mixinStandardHelpOptions = true,
    description = "Run the data lake alone: ingest endpoint for appliances and SQL queries (HTTPS).")
public final class LakeCommand implements Callable<Integer> {

  @Option(names = "--data", paramLabel = "DIR", defaultValue = "${env:SLUICE_DATA:-data}",
      description = "Directory for all state; the lake lives in DIR/lake (env SLUICE_DATA; default ${DEFAULT-VALUE}).")
  Path data;

  @Option(names = "--port", paramLabel = "N", defaultValue = "${env:SLUICE_PORT:-8443}",
      description = "HTTPS port (env SLUICE_PORT; default ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--bind", paramLabel = "HOST", defaultValue = "${env:SLUICE_BIND:-0.0.0.0}",
      description = "Address to listen on (env SLUICE_BIND; default ${DEFAULT-VALUE}).")
  String bind;

  @Option(names = "--public-url", paramLabel = "URL", defaultValue = "${env:SLUICE_PUBLIC_URL}",
      description = "How appliances reach this lake (env SLUICE_PUBLIC_URL; default https://127.0.0.1:<port>).")
  String publicUrl;

  @Option(names = "--retention-days", paramLabel = "DAYS", defaultValue = "${env:SLUICE_RETENTION_DAYS:-90}",
      description = "Days of alerts kept per tenant (env SLUICE_RETENTION_DAYS; default ${DEFAULT-VALUE}).")
  int retentionDays;

  @Override
  public Integer call() {
    if (port < 0 || port > 65535) {
      System.err.println("lake: --port must be 0-65535, got " + port);
      return 2;
    }
    if (retentionDays < 1) {
      System.err.println("lake: --retention-days must be at least 1, got " + retentionDays);
      return 2;
    }
    Path root = data.resolve("lake");
    LakeService lake;
    LakeServer server;
    StandaloneIdentity identity;
    Identity tls;
    try {
      Files.createDirectories(root);
      tls = IdentityFiles.loadOrCreate(root.resolve("tls").resolve("server-key.pem"),
          root.resolve("tls").resolve("server-cert.pem"),
          () -> SelfSignedCertificates.createServer("sluice-lake", List.of(), Duration.ofDays(825), Clock.systemUTC()));
      identity = StandaloneIdentity.loadOrCreate(root.resolve("test-token"));
      LakeConfig defaults = LakeConfig.defaults(root);
      lake = LakeService.start(new LakeConfig(root, defaults.flushInterval(), defaults.compactionInterval(),
          tenant -> retentionDays, defaults.queryLimits()), IngestAuthorizer.allowAll(), Clock.systemUTC());
    } catch (IOException | RuntimeException e) {
      System.err.println("lake: cannot open " + root + ": " + e.getMessage());
      return 1;
    }
    try {
      server = LakeServer.start(new LakeRoutes(lake, identity.users(), identity.appliances()), bind, port,
          TlsContexts.server(tls));
    } catch (RuntimeException e) {
      System.err.println("lake: cannot listen on " + bind + ":" + port + ": " + e.getMessage());
      closeQuietly(lake);
      return 1;
    }
    String url = publicUrl == null || publicUrl.isBlank() ? "https://127.0.0.1:" + server.port() : publicUrl;
    System.out.println("lake: listening on https://" + bind + ":" + server.port() + " (" + url + ")");
    System.out.println("lake: data in " + root.toAbsolutePath());
    System.out.println("lake: TLS certificate SHA-256 " + Fingerprints.sha256(tls.chain().get(0)));
    System.out.println("lake: test identity: tenant '" + StandaloneIdentity.TENANT + "', appliance '"
        + StandaloneIdentity.APPLIANCE + "'; send 'Authorization: Bearer <token>' with the token in "
        + root.resolve("test-token").toAbsolutePath());
    System.out.flush();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      closeQuietly(lake);
      stopped.countDown();
    }, "lake-shutdown"));
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  private static void closeQuietly(LakeService lake) {
    try {
      lake.close();
    } catch (IOException e) {
      System.err.println("lake: closing: " + e.getMessage());
    }
  }
}
