package dev.sluice.pki;

import java.security.KeyPair;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;

/**
 * A certificate authority (e.g. one per tenant) that issues TLS client certificates from CSRs.
 * The CA decides the subject of what it issues; of a CSR it only uses the public key, after
 * checking the CSR's self-signature (proof that the requester holds the private key).
 */
public record CertificateAuthority(Identity identity) {

  public CertificateAuthority {
    Objects.requireNonNull(identity, "identity");
  }

  /** A new self-signed CA, subject {@code O=Sluice, CN=commonName}. */
  public static CertificateAuthority create(String commonName, Duration validity, Clock clock) {
    KeyPair keys = KeyPairs.generate();
    X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
        .addRDN(BCStyle.O, "Sluice")
        .addRDN(BCStyle.CN, commonName)
        .build();
    return new CertificateAuthority(new Identity(keys.getPrivate(), List.of(CertificateSigner.sign(
        CertificateSigner.Kind.CERTIFICATE_AUTHORITY, subject, keys.getPublic(), subject,
        keys.getPrivate(), keys.getPublic(), List.of(), validity, clock))));
  }

  /** The CA's own certificate (the trust anchor for what it issues). */
  public X509Certificate certificate() {
    return identity.certificate();
  }

  /**
   * Issues a TLS client certificate for the CSR's public key with the given subject
   * (e.g. {@code "CN=<appliance id>, OU=<tenant id>"}, RFC 4514 form).
   *
   * @throws PkiException if the CSR is malformed or its signature does not verify
   */
  public X509Certificate issueClientCertificate(String csrPem, String subject, Duration validity, Clock clock) {
    PublicKey requestKey = verifiedPublicKey(Pem.readCertificateRequest(csrPem));
    return CertificateSigner.sign(
        CertificateSigner.Kind.TLS_CLIENT,
        X500Name.getInstance(new javax.security.auth.x500.X500Principal(subject).getEncoded()),
        requestKey,
        X500Name.getInstance(certificate().getSubjectX500Principal().getEncoded()),
        identity.privateKey(),
        certificate().getPublicKey(),
        List.of(),
        validity,
        clock);
  }

  /** True when the certificate's signature verifies with this CA's key. */
  public boolean issued(X509Certificate certificate) {
    try {
      certificate.verify(certificate().getPublicKey());
      return certificate.getIssuerX500Principal().equals(certificate().getSubjectX500Principal());
    } catch (java.security.GeneralSecurityException e) {
      return false;
    }
  }

  private static PublicKey verifiedPublicKey(PKCS10CertificationRequest request) {
    try {
      JcaPKCS10CertificationRequest jca = new JcaPKCS10CertificationRequest(request);
      PublicKey key = jca.getPublicKey();
      ContentVerifierProvider verifier = new JcaContentVerifierProviderBuilder().build(key);
      if (!request.isSignatureValid(verifier)) {
        throw new PkiException("certificate request signature does not verify");
      }
      return key;
    } catch (PkiException e) {
      throw e;
    } catch (Exception e) {
      throw new PkiException("malformed certificate request: " + e.getMessage(), e);
    }
  }
}
