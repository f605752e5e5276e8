package dev.sluice.central;

import dev.sluice.appliance.Appliance;
import dev.sluice.appliance.boot.ApplianceBoot;
import dev.sluice.appliance.receive.DarktraceFrameProcessor;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * The appliance as its own process (what {@code sluice appliance --image FILE --data DIR} runs),
 * started by {@link ApplianceProcessRoundTripTest}: boots from the image, prints the outcome, runs
 * until killed. Exit status 3 with the refusal code when it cannot start.
 */
public final class ApplianceProcessMain {
  private ApplianceProcessMain() {}

  public static void main(String[] args) throws Exception {
    ApplianceBoot.Result result = ApplianceBoot.boot(Optional.of(Path.of(args[0])), Path.of(args[1]),
        Appliance.Options.defaults().withMetricsPort(0), DarktraceFrameProcessor::new, Clock.systemUTC(), System.out);
    if (result instanceof ApplianceBoot.Result.Failed failed) {
      System.out.println("REFUSED " + failed.code() + ": " + failed.message());
      System.out.flush();
      System.exit(3);
    }
    System.out.println("STARTED");
    System.out.flush();
    Thread.currentThread().join();
  }
}
