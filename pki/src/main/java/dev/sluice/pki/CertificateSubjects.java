package dev.sluice.pki;

import java.security.cert.X509Certificate;
import java.util.Optional;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/** Reads attributes (CN, OU, …) from a certificate's subject. */
public final class CertificateSubjects {
  private CertificateSubjects() {}

  /** The value of the first subject attribute of that type (e.g. {@code "CN"}), if present. */
  public static Optional<String> attribute(X509Certificate certificate, String type) {
    try {
      LdapName name = new LdapName(certificate.getSubjectX500Principal().getName());
      for (Rdn rdn : name.getRdns()) {
        if (rdn.getType().equalsIgnoreCase(type)) {
          return Optional.of(rdn.getValue().toString());
        }
      }
      return Optional.empty();
    } catch (InvalidNameException e) {
      return Optional.empty();
    }
  }
}
