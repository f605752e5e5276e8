package dev.sluice.pki;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;

/** Certificate fingerprints as operators compare them: SHA-256 of the DER, {@code AB:CD:…}. */
public final class Fingerprints {
  private Fingerprints() {}

  /** Upper-case, colon-separated SHA-256 fingerprint (the form {@code openssl x509 -fingerprint -sha256} prints). */
  public static String sha256(X509Certificate certificate) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
      return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
    } catch (CertificateEncodingException | NoSuchAlgorithmException e) {
      throw new PkiException("cannot fingerprint certificate", e);
    }
  }
}
