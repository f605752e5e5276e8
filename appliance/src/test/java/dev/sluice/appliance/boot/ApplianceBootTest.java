package dev.sluice.appliance.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.appliance.Appliance;
import dev.sluice.appliance.testing.FakeCentral;
import dev.sluice.appliance.testing.FakeProcessor;
import dev.sluice.pki.Pem;
import dev.sluice.pki.SelfSignedCertificates;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApplianceBootTest {
  @TempDir Path tmp;
  private FakeCentral central;
  private final ByteArrayOutputStream output = new ByteArrayOutputStream();

  @BeforeEach
  void startCentral() throws Exception {
    central = new FakeCentral();
  }

  @AfterEach
  void stopCentral() {
    central.close();
  }

  private ApplianceBoot.Result boot(Optional<Path> image, Path data) {
    return ApplianceBoot.boot(image, data, Appliance.Options.defaults().withMetricsPort(0),
        t -> new FakeProcessor(), Clock.systemUTC(), new PrintStream(output, true,
            StandardCharsets.UTF_8));
  }

  private static List<Path> contents(Path dir) throws Exception {
    if (!Files.exists(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.toList();
    }
  }

  private static String failure(ApplianceBoot.Result r) {
    if (r instanceof ApplianceBoot.Result.Started s) {
      s.appliance().close();
      throw new AssertionError("expected a refusal, the appliance started");
    }
    return ((ApplianceBoot.Result.Failed) r).code();
  }

  @Test
  void enrollsFromTheImageThenStartsFromItsIdentityAlone() throws Exception {
    Path image = central.image(tmp, Instant.now().plusSeconds(3600));
    Path data = tmp.resolve("data");
    ApplianceBoot.Result first = boot(Optional.of(image), data);
    assertTrue(first instanceof ApplianceBoot.Result.Started, String.valueOf(first));
    try (Appliance a = ((ApplianceBoot.Result.Started) first).appliance()) {
      assertTrue(((ApplianceBoot.Result.Started) first).enrolledNow());
      assertEquals(FakeCentral.APPLIANCE_ID, a.identity().applianceId());
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (central.heartbeats.isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertFalse(central.heartbeats.isEmpty(), "a heartbeat over mTLS reached central");
    }
    assertTrue(Files.isRegularFile(data.resolve("identity/appliance.key")));
    assertTrue(Files.isRegularFile(data.resolve("config.json")));
    ApplianceBoot.Result second = boot(Optional.empty(), data);
    assertTrue(second instanceof ApplianceBoot.Result.Started, String.valueOf(second));
    try (Appliance a = ((ApplianceBoot.Result.Started) second).appliance()) {
      assertFalse(((ApplianceBoot.Result.Started) second).enrolledNow());
      assertEquals(FakeCentral.APPLIANCE_ID, a.identity().applianceId());
    }
  }

  @Test
  void aSecondDeploymentOfTheSameImageIsRefusedAndLeavesNothingBehind() throws Exception {
    Path image = central.image(tmp, Instant.now().plusSeconds(3600));
    ApplianceBoot.Result first = boot(Optional.of(image), tmp.resolve("one"));
    ((ApplianceBoot.Result.Started) first).appliance().close();
    Path other = tmp.resolve("two");
    ApplianceBoot.Result second = boot(Optional.of(image), other);
    assertEquals("ENROLLMENT_SECRET_USED", failure(second));
    String message = ((ApplianceBoot.Result.Failed) second).message();
    assertTrue(message.contains("Create a new image"), message);
    assertEquals(List.of(), contents(other));
  }

  @Test
  void anExpiredSecretIsRefusedBeforeContactingCentral() throws Exception {
    Path image = central.image(tmp, Instant.now().minusSeconds(5));
    Path data = tmp.resolve("data");
    assertEquals("ENROLLMENT_SECRET_EXPIRED", failure(boot(Optional.of(image), data)));
    assertEquals(List.of(), contents(data));
  }

  @Test
  void aCentralThatDoesNotPresentThePinnedCertificateIsRefused() throws Exception {
    String otherCentral = Pem.encode(SelfSignedCertificates.createServer("impostor",
        List.of("127.0.0.1"), Duration.ofDays(1), Clock.systemUTC()).certificate());
    Path image = central.image(tmp, Instant.now().plusSeconds(3600), otherCentral);
    Path data = tmp.resolve("data");
    assertEquals("CENTRAL_TLS_FAILED", failure(boot(Optional.of(image), data)));
    assertEquals(List.of(), contents(data));
  }

  @Test
  void anImageWhoseDigestsDoNotMatchIsRefused() throws Exception {
    Path image = central.image(tmp, Instant.now().plusSeconds(3600));
    try (RandomAccessFile f = new RandomAccessFile(image.toFile(), "rw")) {
      long at = f.length() - 2000;
      f.seek(at);
      int b = f.read();
      f.seek(at);
      f.write(b ^ 0x20);
    }
    Path data = tmp.resolve("data");
    String code = failure(boot(Optional.of(image), data));
    assertTrue(code.startsWith("IMAGE_"), code);
    assertEquals(List.of(), contents(data));
  }

  @Test
  void withoutIdentityOrImageItSaysHowToEnroll() throws Exception {
    ApplianceBoot.Result r = boot(Optional.empty(), tmp.resolve("data"));
    assertEquals("NOT_ENROLLED", failure(r));
    assertTrue(((ApplianceBoot.Result.Failed) r).message().contains("--image"));
  }

  @Test
  void unreachableCentralIsRefusedWithNoPartialState() throws Exception {
    Path image = central.image(tmp, Instant.now().plusSeconds(3600));
    central.close();
    Path data = tmp.resolve("data");
    assertEquals("CENTRAL_UNREACHABLE", failure(boot(Optional.of(image), data)));
    assertEquals(List.of(), contents(data));
  }
}
