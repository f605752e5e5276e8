package dev.sluice.appliance.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import dev.sluice.pki.CertificateAuthority;
import dev.sluice.pki.ClientCertificateTrustManager;
import dev.sluice.pki.Identity;
import dev.sluice.pki.Pem;
import dev.sluice.pki.SelfSignedCertificates;
import dev.sluice.pki.TlsContexts;
import dev.sluice.wire.control.ApiError;
import dev.sluice.wire.control.ApplianceConfig;
import dev.sluice.wire.control.ControlJson;
import dev.sluice.wire.control.ControlPaths;
import dev.sluice.wire.control.EnrollmentRequest;
import dev.sluice.wire.control.EnrollmentResponse;
import dev.sluice.wire.control.Heartbeat;
import dev.sluice.wire.control.HeartbeatResponse;
import dev.sluice.wire.control.IntegrationConfig;
import dev.sluice.wire.control.TenantSettings;
import dev.sluice.wire.image.ApplianceImageWriter;
import dev.sluice.wire.image.BootstrapConfig;
import dev.sluice.wire.image.IpVersion;
import dev.sluice.wire.image.NetworkSettings;
import dev.sluice.wire.image.PayloadArchive;
import dev.sluice.wire.image.Platform;
import dev.sluice.wire.image.SyslogSettings;
import dev.sluice.wire.ingest.ContentEncoding;
import dev.sluice.wire.ingest.IngestCodec;
import dev.sluice.wire.ingest.IngestEvent;
import dev.sluice.wire.ingest.IngestResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * A hand-written central (and lake ingest endpoint) for appliance tests, following the wire
 * contracts: HTTPS with a self-signed certificate, enrollment with single-use secrets signed by a
 * tenant CA, configuration with ETags, heartbeats, and {@code POST /api/v1/lake/ingest} that
 * stores events by id (duplicates counted, as the lake does). Client certificates are required
 * on everything but enrollment.
 */
public final class FakeCentral implements AutoCloseable {
  private static final ObjectMapper JSON = ControlJson.mapper();
  public static final String APPLIANCE_ID = "appl-1";
  public static final String TENANT_ID = "tenant-1";

  private final Identity serverIdentity;
  private final CertificateAuthority ca;
  private final HttpsServer server;
  private final Map<String, Boolean> secrets = new ConcurrentHashMap<>();
  private volatile ApplianceConfig config;
  private volatile String etag = "\"v1\"";
  private volatile String ingestUrl;
  private volatile String ingestPem;
  public final List<Heartbeat> heartbeats = new CopyOnWriteArrayList<>();
  public final Map<String, IngestEvent> lake = new ConcurrentHashMap<>();
  public final AtomicInteger ingestCalls = new AtomicInteger();
  public final AtomicInteger configPulls = new AtomicInteger();
  public final AtomicBoolean lakeDown = new AtomicBoolean();

  public FakeCentral() throws IOException {
    Clock clock = Clock.systemUTC();
    this.serverIdentity = SelfSignedCertificates.createServer("central", List.of("127.0.0.1"),
        Duration.ofDays(30), clock);
    this.ca = CertificateAuthority.create("tenant-1 CA", Duration.ofDays(30), clock);
    SSLContext ssl = TlsContexts.server(serverIdentity,
        new ClientCertificateTrustManager(() -> List.of(ca.certificate())));
    server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(ssl) {
      @Override
      public void configure(HttpsParameters params) {
        SSLParameters p = getSSLContext().getDefaultSSLParameters();
        p.setWantClientAuth(true);
        params.setSSLParameters(p);
      }
    });
    server.createContext(ControlPaths.ENROLL, this::enroll);
    server.createContext(ControlPaths.CONFIG, this::config);
    server.createContext(ControlPaths.HEARTBEAT, this::heartbeat);
    server.createContext(IngestCodec.PATH, this::ingest);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.start();
    config = config(List.of());
  }

  public String url() {
    return "https://127.0.0.1:" + server.getAddress().getPort();
  }

  public X509Certificate certificate() {
    return serverIdentity.certificate();
  }

  /** A configuration with these integrations; ingest goes to this fake. */
  public ApplianceConfig config(List<IntegrationConfig> integrations) {
    return new ApplianceConfig(APPLIANCE_ID, TENANT_ID, "test appliance",
        ingestUrl == null ? url() : ingestUrl, ingestPem, 1,
        integrations, new TenantSettings(List.of("corp.example.com"), List.of()));
  }

  /** Sends ingest to another lake from the next configuration on. */
  public void setIngest(String url, String certificatePem) {
    this.ingestUrl = url;
    this.ingestPem = certificatePem;
  }

  /** The tenant CA that signs appliance certificates. */
  public X509Certificate caCertificate() {
    return ca.certificate();
  }

  /** Publishes a new configuration (new ETag). */
  public void setIntegrations(List<IntegrationConfig> integrations) {
    config = config(integrations);
    etag = "\"v" + System.nanoTime() + "\"";
  }

  public static IntegrationConfig integration(String id, int port) {
    return new IntegrationConfig(id, "darktrace-detect", id, "Darktrace", "DCIP", "tcp",
        "127.0.0.1", port, List.of("cef"));
  }

  /** Writes an OVA image carrying a new single-use secret for this central. */
  public Path image(Path dir, Instant expiresAt) throws IOException {
    return image(dir, expiresAt, Pem.encode(certificate()));
  }

  /** An image that names this central's URL but pins {@code centralPem}. */
  public Path image(Path dir, Instant expiresAt, String centralPem) throws IOException {
    String secret = "secret-" + System.nanoTime();
    secrets.put(secret, false);
    BootstrapConfig bootstrap = new BootstrapConfig(BootstrapConfig.FORMAT_VERSION, url(),
        centralPem, "AB:CD", TENANT_ID, APPLIANCE_ID, "test appliance", Platform.ESXI, secret,
        expiresAt, NetworkSettings.dhcp(), new SyslogSettings(IpVersion.IPV4, "127.0.0.1"),
        Instant.now());
    Path payload = dir.resolve("payload-" + System.nanoTime() + ".tar");
    PayloadArchive.write(List.of(PayloadArchive.Entry.text("sluice/VERSION", "0.1.0\n", false)),
        payload);
    Path image = dir.resolve("appliance-" + System.nanoTime() + ".ova");
    ApplianceImageWriter.write(bootstrap, payload, image);
    return image;
  }

  private static void respond(HttpExchange ex, int status, Object body, Optional<String> etag)
      throws IOException {
    byte[] bytes = body == null ? new byte[0] : JSON.writeValueAsBytes(body);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    etag.ifPresent(e -> ex.getResponseHeaders().set("ETag", e));
    ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(bytes);
      }
    }
    ex.close();
  }

  private static boolean hasClientCertificate(HttpExchange ex) {
    try {
      Certificate[] chain = ((HttpsExchange) ex).getSSLSession().getPeerCertificates();
      return chain.length > 0;
    } catch (SSLPeerUnverifiedException e) {
      return false;
    }
  }

  private boolean requireClient(HttpExchange ex) throws IOException {
    if (!hasClientCertificate(ex)) {
      respond(ex, 401, new ApiError("APPLIANCE_CERTIFICATE_REQUIRED", "no client certificate"),
          Optional.empty());
      return false;
    }
    return true;
  }

  private void enroll(HttpExchange ex) throws IOException {
    EnrollmentRequest req = JSON.readValue(ex.getRequestBody(), EnrollmentRequest.class);
    Boolean used = secrets.get(req.enrollmentSecret());
    if (used == null) {
      respond(ex, 401, new ApiError("ENROLLMENT_SECRET_INVALID", "unknown secret"),
          Optional.empty());
      return;
    }
    if (used || secrets.replace(req.enrollmentSecret(), false, true) == false) {
      respond(ex, 409, new ApiError("ENROLLMENT_SECRET_USED",
          "this image was already used to enroll an appliance"), Optional.empty());
      return;
    }
    X509Certificate cert = ca.issueClientCertificate(req.certificateRequestPem(),
        "CN=" + APPLIANCE_ID + ", OU=" + TENANT_ID, Duration.ofDays(30), Clock.systemUTC());
    respond(ex, 200, new EnrollmentResponse(APPLIANCE_ID, TENANT_ID, Pem.encode(cert),
        Pem.encode(ca.certificate()), config, etag), Optional.empty());
  }

  private void config(HttpExchange ex) throws IOException {
    if (!requireClient(ex)) {
      return;
    }
    configPulls.incrementAndGet();
    String current = etag;
    if (current.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
      respond(ex, 304, null, Optional.of(current));
      return;
    }
    respond(ex, 200, config, Optional.of(current));
  }

  private void heartbeat(HttpExchange ex) throws IOException {
    if (!requireClient(ex)) {
      return;
    }
    heartbeats.add(JSON.readValue(ex.getRequestBody(), Heartbeat.class));
    respond(ex, 200, new HeartbeatResponse(Instant.now(), etag), Optional.empty());
  }

  private void ingest(HttpExchange ex) throws IOException {
    if (!requireClient(ex)) {
      return;
    }
    ingestCalls.incrementAndGet();
    if (lakeDown.get()) {
      respond(ex, 503, new ApiError("LAKE_UNAVAILABLE", "down for the test"), Optional.empty());
      return;
    }
    IngestCodec.Decoded d = IngestCodec.decodeBatch(ex.getRequestBody(),
        ContentEncoding.ofHeader(ex.getRequestHeaders().getFirst("Content-Encoding")).orElse(ContentEncoding.GZIP));
    if (!(d instanceof IngestCodec.Decoded.Batch b)) {
      IngestCodec.Decoded.Malformed m = (IngestCodec.Decoded.Malformed) d;
      respond(ex, 400, new ApiError(m.code(), m.message()), Optional.empty());
      return;
    }
    int accepted = 0;
    int duplicates = 0;
    for (IngestEvent e : b.batch().events()) {
      if (lake.putIfAbsent(e.eventId(), e) == null) {
        accepted++;
      } else {
        duplicates++;
      }
    }
    byte[] body = IngestCodec.encodeResponse(new IngestResponse(b.batch().batchId(), accepted,
        duplicates, new ArrayList<>()));
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(200, body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
    ex.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  public static Path tempDir(String prefix) throws IOException {
    return Files.createTempDirectory(prefix);
  }
}
