package dev.sluice.central.health;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where an appliance is in its life: image building → ready to download → enrolled → online/offline. */
public enum ApplianceState {
  NO_IMAGE("no-image"),
  IMAGE_BUILDING("image-building"),
  IMAGE_FAILED("image-failed"),
  READY_TO_DOWNLOAD("ready-to-download"),
  ENROLLED("enrolled"),
  ONLINE("online"),
  OFFLINE("offline");

  private final String id;

  ApplianceState(String id) {
    this.id = id;
  }

  @JsonValue
  public String id() {
    return id;
  }
}
