package dev.sluice.pki;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * Trusts exactly one server certificate (byte-for-byte), e.g. central's self-signed certificate
 * carried in an appliance image. Because the peer must present that very certificate, no host
 * name check is done: the pin is stronger than a name.
 */
public final class PinnedCertificateTrustManager extends ChainCheckingTrustManager {
  private final List<X509Certificate> pinned;

  public PinnedCertificateTrustManager(List<X509Certificate> pinned) {
    Objects.requireNonNull(pinned, "pinned");
    if (pinned.isEmpty()) {
      throw new IllegalArgumentException("at least one pinned certificate is required");
    }
    this.pinned = List.copyOf(pinned);
  }

  @Override
  void checkServer(X509Certificate[] chain) throws CertificateException {
    if (chain == null || chain.length == 0 || !pinned.contains(chain[0])) {
      throw new CertificateException("server certificate is not the pinned certificate"
          + (chain == null || chain.length == 0 ? "" : " (got " + Fingerprints.sha256(chain[0]) + ")"));
    }
    chain[0].checkValidity();
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return pinned.toArray(new X509Certificate[0]);
  }
}
