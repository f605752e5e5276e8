package dev.sluice.pki;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * A trust manager for one side of the handshake: the socket and engine variants all come down to
 * {@link #checkClient} and {@link #checkServer}, which refuse unless overridden. Being an
 * {@link X509ExtendedTrustManager}, it also keeps JSSE from adding its own checks around it.
 */
abstract class ChainCheckingTrustManager extends X509ExtendedTrustManager {

  void checkClient(X509Certificate[] chain) throws CertificateException {
    throw new CertificateException("this trust manager does not check clients");
  }

  void checkServer(X509Certificate[] chain) throws CertificateException {
    throw new CertificateException("this trust manager does not check servers");
  }

  @Override
  public final void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    checkClient(chain);
  }

  @Override
  public final void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
    checkClient(chain);
  }

  @Override
  public final void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
    checkClient(chain);
  }

  @Override
  public final void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    checkServer(chain);
  }

  @Override
  public final void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
    checkServer(chain);
  }

  @Override
  public final void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
    checkServer(chain);
  }
}
