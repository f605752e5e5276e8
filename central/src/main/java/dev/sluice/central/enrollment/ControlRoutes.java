package dev.sluice.central.enrollment;

import dev.sluice.central.api.JsonBodies;
import dev.sluice.central.appliance.ApplianceConfigs;
import dev.sluice.central.appliance.ApplianceIdentity;
import dev.sluice.central.appliance.ApplianceService;
import dev.sluice.central.health.HealthService;
import dev.sluice.wire.control.ControlPaths;
import dev.sluice.wire.control.EnrollmentRequest;
import dev.sluice.wire.control.Heartbeat;
import io.javalin.config.RoutesConfig;

/** The appliance-facing endpoints ({@link ControlPaths}): enroll, config (ETag), heartbeat. */
public final class ControlRoutes {
  private ControlRoutes() {}

  public static void register(RoutesConfig routes, EnrollmentService enrollment, ApplianceService appliances,
      HealthService health) {
    routes.post(ControlPaths.ENROLL, ctx -> ctx.json(enrollment.enroll(JsonBodies.read(ctx, EnrollmentRequest.class))));
    routes.get(ControlPaths.CONFIG, ctx -> {
      ApplianceIdentity identity = appliances.require(ctx);
      ApplianceConfigs.Tagged tagged = health.config(identity);
      ctx.header("ETag", tagged.etag());
      ctx.header("Cache-Control", "no-cache");
      if (ApplianceConfigs.matches(ctx.header("If-None-Match"), tagged.etag())) {
        ctx.status(304);
      } else {
        ctx.json(tagged.config());
      }
    });
    routes.post(ControlPaths.HEARTBEAT, ctx -> {
      ApplianceIdentity identity = appliances.require(ctx);
      ctx.json(health.recordHeartbeat(identity, JsonBodies.read(ctx, Heartbeat.class)));
    });
  }
}
