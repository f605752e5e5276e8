package dev.sluice.pki;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

/** {@link SSLContext}s for Sluice's servers and clients (TLS 1.2 and 1.3). */
public final class TlsContexts {
  private TlsContexts() {}

  /** A server presenting {@code identity}; no client certificates are asked for. */
  public static SSLContext server(Identity identity) {
    return build(keyManagers(identity), null);
  }

  /**
   * A server presenting {@code identity} that verifies client certificates with the given trust
   * manager (e.g. {@link ClientCertificateTrustManager}). Whether a client certificate is
   * wanted or required is the server's socket/engine setting.
   */
  public static SSLContext server(Identity identity, ClientCertificateTrustManager clientTrust) {
    return build(keyManagers(identity), new TrustManager[] {clientTrust});
  }

  /** A client that trusts only the pinned certificate(s) and presents {@code identity} if given. */
  public static SSLContext client(List<X509Certificate> pinnedServerCertificates, Optional<Identity> identity) {
    return build(
        identity.map(TlsContexts::keyManagers).orElse(null),
        new TrustManager[] {new PinnedCertificateTrustManager(pinnedServerCertificates)});
  }

  private static KeyManager[] keyManagers(Identity identity) {
    char[] password = "sluice-in-memory".toCharArray();
    KeyStore store = identity.toKeyStore(password);
    try {
      KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      factory.init(store, password);
      return factory.getKeyManagers();
    } catch (GeneralSecurityException e) {
      throw new PkiException("cannot build key managers", e);
    }
  }

  private static SSLContext build(KeyManager[] keys, TrustManager[] trust) {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys, trust, new SecureRandom());
      return context;
    } catch (GeneralSecurityException e) {
      throw new PkiException("cannot build TLS context", e);
    }
  }
}
