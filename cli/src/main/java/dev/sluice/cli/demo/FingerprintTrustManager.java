package dev.sluice.cli.demo;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.X509TrustManager;

/**
 * Trusts exactly the server certificate whose SHA-256 fingerprint central printed at start, the
 * way an operator would compare it by eye; no host-name check (central is reached by address).
 */
final class FingerprintTrustManager implements X509TrustManager {
  private final String fingerprint;

  FingerprintTrustManager(String fingerprint) {
    this.fingerprint = fingerprint;
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    if (chain == null || chain.length == 0
        || !sha256(chain[0]).equalsIgnoreCase(fingerprint)) {
      throw new CertificateException("server certificate does not match fingerprint "
          + fingerprint);
    }
  }

  /** SHA-256 of the DER encoding, upper-case hex separated by colons (as central prints it). */
  static String sha256(X509Certificate certificate) throws CertificateException {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
      return java.util.HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new CertificateException(e);
    }
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    throw new CertificateException("client side only");
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return new X509Certificate[0];
  }
}
