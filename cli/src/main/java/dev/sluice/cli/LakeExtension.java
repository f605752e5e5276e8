package dev.sluice.cli;

import dev.sluice.central.Central;
import dev.sluice.central.CentralExtension;
import dev.sluice.central.auth.Principal;
import dev.sluice.lake.ApplianceIdentity;
import dev.sluice.lake.LakeConfig;
import dev.sluice.lake.LakeRoutes;
import dev.sluice.lake.LakeService;
import io.javalin.config.JavalinConfig;
import java.io.IOException;

/**
 * The lake inside central's server ({@code sluice up}): one port, one data directory
 * ({@code <data>/lake}). Users are central's (bearer token → tenant), appliances are authenticated
 * by the client certificate central issued, and an appliance may write only for its own
 * integrations.
 */
final class LakeExtension implements CentralExtension {
  private LakeService lake;

  @Override
  public void configure(JavalinConfig config, Central central) {
    try {
      lake = LakeService.start(LakeConfig.defaults(central.options().dataDir().resolve("lake")),
          (appliance, integrationId) -> central.integrations().ownedBy(appliance.applianceId(), integrationId),
          central.options().clock());
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot start the lake in " + central.options().dataDir().resolve("lake") + ": " + e.getMessage(), e);
    }
    new LakeRoutes(lake,
        ctx -> central.auth().authenticate(ctx).map(Principal::tenantId),
        ctx -> central.appliances().authenticate(ctx).map(id -> new ApplianceIdentity(id.tenantId(), id.applianceId())))
        .addTo(config.routes);
  }

  /** The lake once the server is configured (the console queries it in-process). */
  LakeService lake() {
    return lake;
  }

  @Override
  public void close() {
    if (lake != null) {
      try {
        lake.close();
      } catch (IOException e) {
        System.err.println("up: error while stopping the lake: " + e.getMessage());
      }
    }
  }
}
