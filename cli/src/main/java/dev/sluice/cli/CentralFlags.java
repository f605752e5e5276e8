package dev.sluice.cli;

import dev.sluice.central.CentralOptions;
import dev.sluice.central.PortRange;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Flags of {@code sluice central} and {@code sluice up}; each also reads an environment variable. */
final class CentralFlags {
  @Option(names = "--data", paramLabel = "DIR", defaultValue = "${env:SLUICE_DATA:-data}",
      description = "Directory for all state (env SLUICE_DATA; default ${DEFAULT-VALUE}).")
  Path data;

  @Option(names = "--port", paramLabel = "N", defaultValue = "${env:SLUICE_PORT:-8443}",
      description = "HTTPS port for the API and console (env SLUICE_PORT; default ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--public-url", paramLabel = "URL", defaultValue = "${env:SLUICE_PUBLIC_URL}",
      description = "How appliances and browsers reach this server (env SLUICE_PUBLIC_URL; default https://127.0.0.1:<port>).")
  String publicUrl;

  @Option(names = "--bind", paramLabel = "HOST", defaultValue = "${env:SLUICE_BIND:-0.0.0.0}",
      description = "Address to listen on (env SLUICE_BIND; default ${DEFAULT-VALUE}).")
  String bind;

  @Option(names = "--database-url", paramLabel = "JDBC_URL", defaultValue = "${env:SLUICE_DATABASE_URL}",
      description = "Configuration database, jdbc:sqlite:... or jdbc:postgresql://... (env SLUICE_DATABASE_URL; default SQLite in the data directory).")
  String databaseUrl;

  @Option(names = "--tls-cert", paramLabel = "PEM", defaultValue = "${env:SLUICE_TLS_CERT}",
      description = "Certificate chain to serve instead of the generated self-signed one (env SLUICE_TLS_CERT).")
  Path tlsCertificate;

  @Option(names = "--tls-key", paramLabel = "PEM", defaultValue = "${env:SLUICE_TLS_KEY}",
      description = "Private key of --tls-cert (env SLUICE_TLS_KEY).")
  Path tlsKey;

  @Option(names = "--integration-ports", paramLabel = "FIRST-LAST", defaultValue = "${env:SLUICE_INTEGRATION_PORTS:-10514-10999}",
      description = "Range integration ports are allocated from, per appliance (env SLUICE_INTEGRATION_PORTS; default ${DEFAULT-VALUE}).")
  String integrationPorts;

  @Option(names = "--ingest-url", paramLabel = "URL", defaultValue = "${env:SLUICE_INGEST_URL}",
      description = "Where appliances send event batches (env SLUICE_INGEST_URL; default <public URL>/api/v1/lake/ingest, the lake of 'sluice up').")
  String ingestUrl;

  @Option(names = "--ingest-cert", paramLabel = "PEM", defaultValue = "${env:SLUICE_INGEST_CERT}",
      description = "Certificate of a separate lake at --ingest-url, pinned by appliances (env SLUICE_INGEST_CERT).")
  Path ingestCertificate;

  /** The options these flags describe (bootstrap credentials come from the environment). */
  CentralOptions.Builder toOptions() {
    CentralOptions.Builder builder = CentralOptions.builder(data)
        .port(port)
        .bindHost(bind)
        .publicUrl(blankToNull(publicUrl))
        .databaseUrl(blankToNull(databaseUrl))
        .integrationPorts(PortRange.parse(integrationPorts))
        .bootstrapAdmin(blankToNull(System.getenv("SLUICE_BOOTSTRAP_ADMIN_EMAIL")),
            blankToNull(System.getenv("SLUICE_BOOTSTRAP_ADMIN_PASSWORD")));
    if (blankToNull(ingestUrl) != null) {
      try {
        builder.ingest(ingestUrl, ingestCertificate == null ? null : java.nio.file.Files.readString(ingestCertificate));
      } catch (java.io.IOException e) {
        throw new IllegalArgumentException("cannot read --ingest-cert " + ingestCertificate + ": " + e.getMessage());
      }
    }
    if (tlsCertificate != null || tlsKey != null) {
      builder.tls(tlsCertificate, tlsKey);
    }
    return builder;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
