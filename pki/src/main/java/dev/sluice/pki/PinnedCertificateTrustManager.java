package dev.sluice.pki;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trusts exactly one server certificate (byte-for-byte), e.g. central's self-signed certificate
 * carried in an appliance image. Because the peer must present that very certificate, no host
 * name check is done: the pin is stronger than a name.
 */
public final class PinnedCertificateTrustManager extends X509ExtendedTrustManager {
  private final List<X509Certificate> pinned;

  public PinnedCertificateTrustManager(List<X509Certificate> pinned) {
    Objects.requireNonNull(pinned, "pinned");
    if (pinned.isEmpty()) {
      throw new IllegalArgumentException("at least one pinned certificate is required");
    }
    this.pinned = List.copyOf(pinned);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    if (chain == null || chain.length == 0 || !pinned.contains(chain[0])) {
      throw new CertificateException("server certificate is not the pinned certificate"
          + (chain == null || chain.length == 0 ? "" : " (got " + Fingerprints.sha256(chain[0]) + ")"));
    }
    chain[0].checkValidity();
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
    checkServerTrusted(chain, authType);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
    checkServerTrusted(chain, authType);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    throw new CertificateException("this trust manager only checks servers");
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
    checkClientTrusted(chain, authType);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
    checkClientTrusted(chain, authType);
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return pinned.toArray(new X509Certificate[0]);
  }
}
