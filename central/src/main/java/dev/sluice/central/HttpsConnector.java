package dev.sluice.central;

import javax.net.ssl.SSLContext;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The single HTTPS connector: TLS from a prepared {@link SSLContext}; client certificates are
 * wanted (appliances present theirs, browsers and API clients need not). Host-name/SNI checks are
 * off because appliances reach central by whatever address the public URL names.
 */
final class HttpsConnector {
  static final long IDLE_TIMEOUT_MILLIS = 5 * 60 * 1000;

  private HttpsConnector() {}

  static ServerConnector create(Server server, HttpConfiguration base, SSLContext context, String host, int port) {
    SslContextFactory.Server ssl = new SslContextFactory.Server();
    ssl.setSslContext(context);
    ssl.setWantClientAuth(true);
    ssl.setSniRequired(false);
    ssl.setEndpointIdentificationAlgorithm(null);
    HttpConfiguration https = new HttpConfiguration(base);
    SecureRequestCustomizer secure = new SecureRequestCustomizer();
    secure.setSniHostCheck(false);
    secure.setSniRequired(false);
    https.addCustomizer(secure);
    ServerConnector connector = new ServerConnector(server,
        new SslConnectionFactory(ssl, HttpVersion.HTTP_1_1.asString()), new HttpConnectionFactory(https));
    connector.setHost(host);
    connector.setPort(port);
    // Longer than any heartbeat interval, so a kept-alive appliance connection is not closed
    // by the server just as the appliance reuses it.
    connector.setIdleTimeout(IDLE_TIMEOUT_MILLIS);
    return connector;
  }
}
