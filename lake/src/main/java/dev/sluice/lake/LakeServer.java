package dev.sluice.lake;

import io.javalin.Javalin;
import javax.net.ssl.SSLContext;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * An HTTP(S) server that hosts only the lake's routes: what {@code ./sluice lake} runs (with
 * TLS) and what tests start on loopback. Inside {@code ./sluice up} central hosts the routes
 * instead.
 */
public final class LakeServer implements AutoCloseable {

  private final Javalin app;
  private final ServerConnector connector;

  private LakeServer(Javalin app, ServerConnector connector) {
    this.app = app;
    this.connector = connector;
  }

  /**
   * Starts listening on {@code host:port} (port 0: any free port). With {@code tls} the server
   * speaks HTTPS and asks for (but does not require) a client certificate, which the appliance
   * authenticator can read from the request attribute
   * {@code jakarta.servlet.request.X509Certificate}; without it, plain HTTP (tests only).
   */
  public static LakeServer start(LakeRoutes routes, String host, int port, SSLContext tls) {
    ServerConnector[] connector = new ServerConnector[1];
    Javalin app = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.jetty.addConnector((server, httpConfig) -> {
        ServerConnector c;
        if (tls == null) {
          c = new ServerConnector(server, new HttpConnectionFactory(httpConfig));
        } else {
          HttpConfiguration https = new HttpConfiguration(httpConfig);
          SecureRequestCustomizer secure = new SecureRequestCustomizer();
          secure.setSniHostCheck(false);
          https.addCustomizer(secure);
          SslContextFactory.Server factory = new SslContextFactory.Server();
          factory.setSslContext(tls);
          factory.setWantClientAuth(true);
          c = new ServerConnector(server, new SslConnectionFactory(factory, "http/1.1"), new HttpConnectionFactory(https));
        }
        c.setHost(host);
        c.setPort(port);
        connector[0] = c;
        return c;
      });
      routes.addTo(config.routes);
    });
    app.start();
    return new LakeServer(app, connector[0]);
  }

  public int port() {
    return connector.getLocalPort();
  }

  @Override
  public void close() {
    app.stop();
  }
}
