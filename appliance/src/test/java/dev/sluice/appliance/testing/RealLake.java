package dev.sluice.appliance.testing;

import dev.sluice.lake.ApplianceIdentity;
import dev.sluice.lake.IngestAuthorizer;
import dev.sluice.lake.LakeConfig;
import dev.sluice.lake.LakeRoutes;
import dev.sluice.lake.LakeServer;
import dev.sluice.lake.LakeService;
import dev.sluice.lake.QueryRequest;
import dev.sluice.lake.QueryResult;
import dev.sluice.pki.CertificateSubjects;
import dev.sluice.pki.ClientCertificateTrustManager;
import dev.sluice.pki.Identity;
import dev.sluice.pki.Pem;
import dev.sluice.pki.SelfSignedCertificates;
import dev.sluice.pki.TlsContexts;
import java.io.IOException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The real lake (DuckDB/Parquet behind its HTTPS ingest route) for end-to-end tests, trusting
 * appliance certificates issued by the given tenant CA: the subject's CN is the appliance id and
 * OU the tenant, as central issues them.
 */
public final class RealLake implements AutoCloseable {
  private final LakeService service;
  private final LakeServer server;
  private final Identity identity;

  public RealLake(Path root, X509Certificate tenantCa) throws IOException {
    this.identity = SelfSignedCertificates.createServer("lake", List.of("127.0.0.1"),
        Duration.ofDays(1), Clock.systemUTC());
    this.service = LakeService.start(LakeConfig.defaults(root), IngestAuthorizer.allowAll(),
        Clock.systemUTC());
    LakeRoutes routes = new LakeRoutes(service, ctx -> Optional.empty(), ctx -> {
      Object attr = ctx.req().getAttribute("jakarta.servlet.request.X509Certificate");
      if (!(attr instanceof X509Certificate[] chain) || chain.length == 0) {
        return Optional.empty();
      }
      try {
        chain[0].verify(tenantCa.getPublicKey());
      } catch (java.security.GeneralSecurityException e) {
        return Optional.empty();
      }
      return Optional.of(new ApplianceIdentity(
          CertificateSubjects.attribute(chain[0], "OU").orElseThrow(),
          CertificateSubjects.attribute(chain[0], "CN").orElseThrow()));
    });
    this.server = LakeServer.start(routes, "127.0.0.1", 0, TlsContexts.server(identity,
        new ClientCertificateTrustManager(() -> List.of(tenantCa))));
  }

  public String url() {
    return "https://127.0.0.1:" + server.port();
  }

  public String certificatePem() {
    return Pem.encode(identity.certificate());
  }

  /** Runs a SQL query for the tenant after making everything ingested queryable. */
  public List<List<Object>> query(String tenant, String sql) throws IOException {
    service.flush();
    QueryResult r = service.query(tenant, new QueryRequest(sql, null, null));
    if (r instanceof QueryResult.Succeeded s) {
      return s.rows();
    }
    throw new AssertionError("query failed: " + r);
  }

  /** {@code count(*)} and {@code count(DISTINCT event_id)} of alerts matching {@code where}. */
  public long[] counts(String tenant, String where) throws IOException {
    List<List<Object>> rows = query(tenant, "SELECT count(*), count(DISTINCT event_id) FROM alerts"
        + (where.isEmpty() ? "" : " WHERE " + where));
    return new long[] {((Number) rows.get(0).get(0)).longValue(),
        ((Number) rows.get(0).get(1)).longValue()};
  }

  @Override
  public void close() throws IOException {
    server.close();
    service.close();
  }
}
