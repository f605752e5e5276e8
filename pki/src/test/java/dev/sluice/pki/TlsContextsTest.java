package dev.sluice.pki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;

class TlsContextsTest {
  private final Clock clock = Clock.systemUTC();
  private final Identity server = SelfSignedCertificates.createServer("central", List.of(), Duration.ofDays(1), clock);
  private final CertificateAuthority tenantCa = CertificateAuthority.create("tenant", Duration.ofDays(30), clock);

  @Test
  void mutualTlsSucceedsWithPinnedServerAndCaIssuedClient() throws Exception {
    Identity client = clientIssuedBy(tenantCa);
    String peer = handshake(client, List.of(server.certificate()), List.of(tenantCa.certificate()));
    assertEquals("CN=appliance-1,OU=tenant-1", peer);
  }

  @Test
  void clientRefusesServerThatIsNotPinned() {
    Identity other = SelfSignedCertificates.createServer("impostor", List.of(), Duration.ofDays(1), clock);
    assertThrows(IOException.class,
        () -> handshake(clientIssuedBy(tenantCa), List.of(other.certificate()), List.of(tenantCa.certificate())));
  }

  @Test
  void serverRefusesClientFromUnknownCa() {
    CertificateAuthority stranger = CertificateAuthority.create("tenant", Duration.ofDays(30), clock);
    assertThrows(Exception.class,
        () -> handshake(clientIssuedBy(stranger), List.of(server.certificate()), List.of(tenantCa.certificate())));
  }

  private Identity clientIssuedBy(CertificateAuthority ca) {
    java.security.KeyPair keys = KeyPairs.generate();
    X509Certificate certificate = ca.issueClientCertificate(
        CertificateRequests.createPem(keys, "ignored"), "CN=appliance-1,OU=tenant-1", Duration.ofDays(1), clock);
    return new Identity(keys.getPrivate(), List.of(certificate, ca.certificate()));
  }

  /** Runs one TLS exchange on loopback and returns the client subject the server saw. */
  private String handshake(Identity client, List<X509Certificate> pinned, List<X509Certificate> clientCas) throws Exception {
    SSLContext serverContext = TlsContexts.server(server, new ClientCertificateTrustManager(() -> clientCas));
    try (SSLServerSocket listener = (SSLServerSocket) serverContext.getServerSocketFactory()
        .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      listener.setNeedClientAuth(true);
      CompletableFuture<String> seen = CompletableFuture.supplyAsync(() -> {
        try (SSLSocket socket = (SSLSocket) listener.accept()) {
          socket.setSoTimeout(5000);
          socket.startHandshake();
          InputStream in = socket.getInputStream();
          in.read();
          socket.getOutputStream().write(1);
          return ((X509Certificate) socket.getSession().getPeerCertificates()[0]).getSubjectX500Principal().getName();
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
      SSLContext clientContext = TlsContexts.client(pinned, Optional.of(client));
      try (SSLSocket socket = (SSLSocket) clientContext.getSocketFactory()
          .createSocket(InetAddress.getLoopbackAddress(), listener.getLocalPort())) {
        socket.setSoTimeout(5000);
        OutputStream out = socket.getOutputStream();
        out.write(1);
        out.flush();
        if (socket.getInputStream().read() != 1) {
          throw new IOException("server closed the connection");
        }
      }
      return seen.get(5, TimeUnit.SECONDS);
    }
  }
}
