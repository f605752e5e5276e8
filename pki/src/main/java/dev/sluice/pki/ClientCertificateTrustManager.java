package dev.sluice.pki;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Accepts TLS client certificates issued by any of a changing set of CAs (e.g. every tenant's CA,
 * read at handshake time so a tenant created after start-up is trusted at once). The certificate
 * must be valid now and signed by one of the CAs; who it belongs to is decided later, by the
 * application, from its subject.
 */
public final class ClientCertificateTrustManager extends ChainCheckingTrustManager {
  private final Supplier<? extends Collection<X509Certificate>> authorities;
  private final java.time.Clock clock;

  public ClientCertificateTrustManager(Supplier<? extends Collection<X509Certificate>> authorities) {
    this(authorities, java.time.Clock.systemUTC());
  }

  /** Checks validity periods against {@code clock} (the same clock that issued the certificates). */
  public ClientCertificateTrustManager(Supplier<? extends Collection<X509Certificate>> authorities, java.time.Clock clock) {
    this.authorities = Objects.requireNonNull(authorities, "authorities");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  void checkClient(X509Certificate[] chain) throws CertificateException {
    if (chain == null || chain.length == 0) {
      throw new CertificateException("no client certificate");
    }
    X509Certificate leaf = chain[0];
    leaf.checkValidity(java.util.Date.from(clock.instant()));
    for (X509Certificate authority : authorities.get()) {
      if (leaf.getIssuerX500Principal().equals(authority.getSubjectX500Principal())) {
        try {
          leaf.verify(authority.getPublicKey());
          return;
        } catch (java.security.GeneralSecurityException e) {
          // same name, different key: keep looking
        }
      }
    }
    throw new CertificateException("client certificate is not issued by a known authority");
  }

  /** Empty, so clients offer their certificate whichever tenant CA issued it. */
  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return new X509Certificate[0];
  }
}
