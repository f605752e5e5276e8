package dev.sluice.central.enrollment;

import dev.sluice.central.db.Database;
import dev.sluice.central.db.Rows;
import dev.sluice.pki.CertificateAuthority;
import dev.sluice.pki.Identity;
import dev.sluice.pki.Pem;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One certificate authority per tenant, created on first use and kept in {@code tenant_cas}. It
 * issues the client certificates appliances present after enrollment. The TLS server trusts the
 * current set of CA certificates ({@link #certificates()}, cached, refreshed when a CA is added).
 */
public final class TenantAuthorities {
  public static final Duration CA_VALIDITY = Duration.ofDays(3650);

  private final Database database;
  private final Clock clock;
  private final AtomicReference<List<X509Certificate>> certificates = new AtomicReference<>();

  public TenantAuthorities(Database database, Clock clock) {
    this.database = database;
    this.clock = clock;
  }

  /** The tenant's CA, created now if it has none. */
  public CertificateAuthority forTenant(Connection connection, String tenantId) throws SQLException {
    Optional<CertificateAuthority> existing = find(connection, tenantId);
    if (existing.isPresent()) {
      return existing.get();
    }
    CertificateAuthority created = CertificateAuthority.create("Sluice tenant " + tenantId + " appliances", CA_VALIDITY, clock);
    Rows.update(connection, "INSERT INTO tenant_cas (tenant_id, certificate_pem, private_key_pem, created_at) VALUES (?, ?, ?, ?)",
        tenantId, created.identity().certificateChainPem(), created.identity().privateKeyPem(), clock.millis());
    certificates.set(null);
    return created;
  }

  public Optional<CertificateAuthority> find(Connection connection, String tenantId) throws SQLException {
    return Rows.one(connection, "SELECT certificate_pem, private_key_pem FROM tenant_cas WHERE tenant_id = ?",
        row -> new CertificateAuthority(Identity.fromPem(row.getString("private_key_pem"), row.getString("certificate_pem"))),
        tenantId);
  }

  /** Every tenant CA certificate (what client certificates are verified against). */
  public List<X509Certificate> certificates() {
    List<X509Certificate> current = certificates.get();
    if (current == null) {
      current = database.read(connection -> Rows.list(connection, "SELECT certificate_pem FROM tenant_cas",
          row -> Pem.readCertificate(row.getString("certificate_pem"))));
      certificates.set(current);
    }
    return current;
  }

  /** Forgets the cached certificates (after a CA was added in a transaction that committed). */
  public void refresh() {
    certificates.set(null);
  }
}
