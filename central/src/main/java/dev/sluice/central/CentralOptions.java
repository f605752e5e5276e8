package dev.sluice.central;

import dev.sluice.central.auth.PasswordHasher;
import dev.sluice.central.image.PayloadSource;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How central runs. Build with {@link #builder(Path)}; every field has a default.
 *
 * @param dataDir all state: the SQLite database, TLS identity, built images
 * @param bindHost the address the HTTPS server binds
 * @param port the HTTPS port (0 picks a free one)
 * @param publicUrl how appliances and browsers reach central; default {@code https://127.0.0.1:<port>}
 * @param databaseUrl a JDBC URL; default SQLite at {@code <data>/central.db}
 * @param tlsCertificate a PEM certificate chain to serve instead of the generated self-signed one
 * @param tlsPrivateKey its PEM private key
 * @param integrationPorts where integration ports are allocated from
 * @param bootstrapAdminEmail the first operator's email (first start only)
 * @param bootstrapAdminPassword the first operator's password; generated and printed when absent
 * @param ingestUrl where appliances send event batches; default {@code <publicUrl>/api/v1/lake/ingest}
 * @param ingestCertificatePem the ingest endpoint's certificate when it is not central's own
 * @param heartbeatInterval how often appliances send heartbeats
 * @param offlineAfter an appliance without heartbeat for this long is offline
 * @param alertAfter an integration offline or failed this long raises an alert
 * @param healthCheckInterval how often the health monitor evaluates
 * @param enrollmentSecretLifetime how long an image's enrollment secret stays valid
 * @param payload the appliance software put into images
 * @param passwordHasher how passwords are hashed
 * @param clock the clock (tests inject one)
 * @param out where start-up information is printed
 */
public record CentralOptions(
    Path dataDir,
    String bindHost,
    int port,
    Optional<String> publicUrl,
    Optional<String> databaseUrl,
    Optional<Path> tlsCertificate,
    Optional<Path> tlsPrivateKey,
    PortRange integrationPorts,
    Optional<String> bootstrapAdminEmail,
    Optional<String> bootstrapAdminPassword,
    Optional<String> ingestUrl,
    Optional<String> ingestCertificatePem,
    Duration heartbeatInterval,
    Duration offlineAfter,
    Duration alertAfter,
    Duration healthCheckInterval,
    Duration enrollmentSecretLifetime,
    PayloadSource payload,
    PasswordHasher passwordHasher,
    Clock clock,
    PrintStream out) {

  public CentralOptions {
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(bindHost, "bindHost");
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be 0..65535, was " + port);
    }
    publicUrl.ifPresent(url -> {
      if (!url.startsWith("https://")) {
        throw new IllegalArgumentException("public URL must start with https://, was " + url);
      }
    });
    if (tlsCertificate.isPresent() != tlsPrivateKey.isPresent()) {
      throw new IllegalArgumentException("a TLS certificate needs its private key and vice versa");
    }
    Objects.requireNonNull(integrationPorts, "integrationPorts");
    Objects.requireNonNull(payload, "payload");
    Objects.requireNonNull(passwordHasher, "passwordHasher");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(out, "out");
  }

  public static Builder builder(Path dataDir) {
    return new Builder(dataDir);
  }

  /** Builds {@link CentralOptions}; unset fields take their defaults. */
  public static final class Builder {
    private final Path dataDir;
    private String bindHost = "0.0.0.0";
    private int port = 8443;
    private String publicUrl;
    private String databaseUrl;
    private Path tlsCertificate;
    private Path tlsPrivateKey;
    private PortRange integrationPorts = PortRange.DEFAULT;
    private String bootstrapAdminEmail;
    private String bootstrapAdminPassword;
    private String ingestUrl;
    private String ingestCertificatePem;
    private Duration heartbeatInterval = Duration.ofSeconds(30);
    private Duration offlineAfter = Duration.ofSeconds(120);
    private Duration alertAfter = Duration.ofHours(24);
    private Duration healthCheckInterval = Duration.ofSeconds(30);
    private Duration enrollmentSecretLifetime = Duration.ofDays(30);
    private PayloadSource payload = PayloadSource.fromInstallation();
    private PasswordHasher passwordHasher = PasswordHasher.DEFAULT;
    private Clock clock = Clock.systemUTC();
    private PrintStream out = System.out;

    private Builder(Path dataDir) {
      this.dataDir = dataDir;
    }

    public Builder bindHost(String value) { bindHost = value; return this; }
    public Builder port(int value) { port = value; return this; }
    public Builder publicUrl(String value) { publicUrl = value; return this; }
    public Builder databaseUrl(String value) { databaseUrl = value; return this; }
    public Builder tls(Path certificate, Path privateKey) { tlsCertificate = certificate; tlsPrivateKey = privateKey; return this; }
    public Builder integrationPorts(PortRange value) { integrationPorts = value; return this; }
    public Builder bootstrapAdmin(String email, String password) { bootstrapAdminEmail = email; bootstrapAdminPassword = password; return this; }
    public Builder ingest(String url, String certificatePem) { ingestUrl = url; ingestCertificatePem = certificatePem; return this; }
    public Builder heartbeatInterval(Duration value) { heartbeatInterval = value; return this; }
    public Builder offlineAfter(Duration value) { offlineAfter = value; return this; }
    public Builder alertAfter(Duration value) { alertAfter = value; return this; }
    public Builder healthCheckInterval(Duration value) { healthCheckInterval = value; return this; }
    public Builder enrollmentSecretLifetime(Duration value) { enrollmentSecretLifetime = value; return this; }
    public Builder payload(PayloadSource value) { payload = value; return this; }
    public Builder passwordHasher(PasswordHasher value) { passwordHasher = value; return this; }
    public Builder clock(Clock value) { clock = value; return this; }
    public Builder out(PrintStream value) { out = value; return this; }

    public CentralOptions build() {
      return new CentralOptions(dataDir, bindHost, port, Optional.ofNullable(publicUrl), Optional.ofNullable(databaseUrl),
          Optional.ofNullable(tlsCertificate), Optional.ofNullable(tlsPrivateKey), integrationPorts,
          Optional.ofNullable(bootstrapAdminEmail), Optional.ofNullable(bootstrapAdminPassword),
          Optional.ofNullable(ingestUrl), Optional.ofNullable(ingestCertificatePem), heartbeatInterval, offlineAfter,
          alertAfter, healthCheckInterval, enrollmentSecretLifetime, payload, passwordHasher, clock, out);
    }
  }
}
