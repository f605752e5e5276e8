package dev.sluice.central;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad configuration stops central with one clear message (the commands print it and exit 2). */
class BadConfigurationTest {
  @TempDir Path dir;

  private static String refusal(CentralOptions.Builder options) {
    return assertThrows(IllegalArgumentException.class, () -> CentralServer.start(options.build(), List.of())).getMessage();
  }

  @Test
  void refusesPlainHttpPublicUrl() {
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> CentralOptions.builder(dir).publicUrl("http://central.example").build()).getMessage().contains("https://"));
  }

  @Test
  void refusesUnsupportedDatabaseUrl() {
    assertTrue(refusal(CentralOptions.builder(dir).port(0).databaseUrl("jdbc:mysql://127.0.0.1/x")).contains("unsupported database URL"));
  }

  @Test
  void refusesUnreachableDatabase() {
    assertTrue(refusal(CentralOptions.builder(dir).port(0).databaseUrl("jdbc:postgresql://127.0.0.1:1/none"))
        .startsWith("cannot open the configuration database"));
  }

  @Test
  void refusesPortInUse() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      String message = refusal(CentralOptions.builder(dir).bindHost("127.0.0.1").port(taken.getLocalPort())
          .bootstrapAdmin("a@example.test", "long-enough-password")
          .passwordHasher(new dev.sluice.central.auth.PasswordHasher(64, 1, 1)));
      assertTrue(message.startsWith("cannot listen on 127.0.0.1:" + taken.getLocalPort()), message);
    }
  }

  @Test
  void refusesUnreadableTlsFiles() throws IOException {
    Path cert = Files.writeString(dir.resolve("c.pem"), "not a certificate");
    assertTrue(refusal(CentralOptions.builder(dir).port(0).tls(cert, cert)).startsWith("cannot read the configured TLS"));
  }
}
