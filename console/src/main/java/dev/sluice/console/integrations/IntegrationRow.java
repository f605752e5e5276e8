package dev.sluice.console.integrations;

import dev.sluice.console.backend.Appliances.Appliance;
import dev.sluice.console.backend.Appliances.Image;
import dev.sluice.console.backend.Appliances.Platform;
import dev.sluice.console.backend.Integrations.Integration;

/**
 * One row of an integration list: the integration, its appliance (null if the backend no longer
 * knows it) and the image for the appliance's platform (null if none was built).
 */
public record IntegrationRow(Integration integration, Appliance appliance, Image image) {

  public Platform platform() {
    return appliance == null ? Platform.ESXI : appliance.platform();
  }

  public boolean imageBuilding() {
    return image != null && image.state() == Image.State.BUILDING;
  }

  public boolean imageReady() {
    return image != null && image.state() == Image.State.READY;
  }

  public boolean imageConsumed() {
    return image != null && image.state() == Image.State.CONSUMED;
  }

  public boolean imageFailed() {
    return image != null && image.state() == Image.State.FAILED;
  }

  public String downloadUrl() {
    return "/console/appliances/" + integration.applianceId() + "/images/" + platform().id()
        + "/download";
  }

  public String buildUrl() {
    return "/console/appliances/" + integration.applianceId() + "/images/" + platform().id();
  }
}
