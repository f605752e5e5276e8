package dev.sluice.console;

import dev.sluice.appliance.Appliance;
import dev.sluice.appliance.boot.ApplianceBoot;
import dev.sluice.appliance.receive.DarktraceFrameProcessor;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/** Boots a real appliance in this JVM from an image file, as {@code sluice appliance --image}. */
final class ApplianceRunner implements AutoCloseable {

  private final Path data;
  private Appliance appliance;

  ApplianceRunner(Path data) {
    this.data = data;
  }

  void boot(Path image) {
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    ApplianceBoot.Result result = ApplianceBoot.boot(Optional.of(image), data,
        Appliance.Options.defaults().withMetricsPort(0).withConfigPollInterval(Duration.ofSeconds(1)),
        DarktraceFrameProcessor::new, Clock.systemUTC(),
        new PrintStream(log, true, StandardCharsets.UTF_8));
    if (result instanceof ApplianceBoot.Result.Failed failed) {
      throw new IllegalStateException("appliance did not boot: " + failed.code() + ": "
          + failed.message() + "\n" + log.toString(StandardCharsets.UTF_8));
    }
    appliance = ((ApplianceBoot.Result.Started) result).appliance();
  }

  @Override
  public void close() {
    if (appliance != null) {
      appliance.close();
    }
  }
}
