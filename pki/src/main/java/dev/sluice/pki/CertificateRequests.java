package dev.sluice.pki;

import java.security.KeyPair;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/** PKCS#10 certificate requests (CSRs), e.g. the one an appliance sends when it enrolls. */
public final class CertificateRequests {
  private CertificateRequests() {}

  /** A CSR for the key pair with subject {@code CN=commonName}, signed by its private key, as PEM. */
  public static String createPem(KeyPair keys, String commonName) {
    X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName).build();
    try {
      return Pem.encode(new JcaPKCS10CertificationRequestBuilder(subject, keys.getPublic())
          .build(new JcaContentSignerBuilder(KeyPairs.SIGNATURE_ALGORITHM).build(keys.getPrivate())));
    } catch (OperatorCreationException e) {
      throw new PkiException("cannot sign certificate request", e);
    }
  }
}
