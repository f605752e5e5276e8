package dev.sluice.appliance.boot;

import dev.sluice.appliance.Appliance;
import dev.sluice.appliance.receive.FrameProcessor;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;

/**
 * What {@code sluice appliance} does before the appliance runs: enroll from the image on first
 * boot, or start from the stored identity on every later one.
 */
public final class ApplianceBoot {
  private ApplianceBoot() {}

  /** The appliance runs, or why it could not start (with a stable code). */
  public sealed interface Result {
    record Started(Appliance appliance, boolean enrolledNow) implements Result {}

    record Failed(String code, String message) implements Result {}
  }

  /**
   * Enrolls if needed and starts the appliance.
   *
   * @param processors makes the frame processor for the enrolled tenant id
   */
  public static Result boot(Optional<Path> image, Path dataDir, Appliance.Options options,
      Function<String, FrameProcessor> processors, Clock clock, PrintStream out) {
    IdentityStore identities = new IdentityStore(dataDir);
    ConfigStore configs = new ConfigStore(dataDir);
    boolean enrolledNow = false;
    try {
      identities.discardIncomplete();
      if (!identities.exists()) {
        if (image.isEmpty()) {
          return new Result.Failed("NOT_ENROLLED", "no appliance identity in " + dataDir
              + "; start with --image FILE (the image downloaded from the console) to enroll");
        }
        out.println("Enrolling with the image " + image.get() + " ...");
        Enrollment.Result r = Enrollment.enroll(image.get(), identities, configs, clock,
            Appliance.VERSION, hostname(), options.controlTimeout());
        if (r instanceof Enrollment.Result.Refused refused) {
          return new Result.Failed(refused.code(), refused.message());
        }
        Enrollment.Result.Enrolled e = (Enrollment.Result.Enrolled) r;
        out.println("Enrolled as appliance " + e.identity().applianceId() + " of tenant "
            + e.identity().tenantId() + "; identity stored in " + identities.directory());
        enrolledNow = true;
      } else if (image.isPresent()) {
        out.println("Already enrolled (identity in " + identities.directory()
            + "); the image is not needed any more and is ignored.");
      }
      ApplianceIdentity id = identities.load().orElseThrow();
      Appliance appliance = Appliance.start(id, dataDir, options,
          processors.apply(id.tenantId()), clock);
      return new Result.Started(appliance, enrolledNow);
    } catch (IOException | RuntimeException e) {
      return new Result.Failed("APPLIANCE_START_FAILED", "cannot start the appliance from "
          + dataDir + ": " + e.getMessage());
    }
  }

  private static String hostname() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "";
    }
  }
}
