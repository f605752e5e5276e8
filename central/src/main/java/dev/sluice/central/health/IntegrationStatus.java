package dev.sluice.central.health;

import com.fasterxml.jackson.annotation.JsonValue;

/** What an integration is doing, as shown in its details. */
public enum IntegrationStatus {
  /** The appliance has not enrolled yet (image not deployed). */
  WAITING_FOR_DEPLOYMENT("waiting-for-deployment", true),
  /** The appliance runs the integration but no event arrived yet. */
  WAITING_FOR_DATA("waiting-for-data", true),
  /** Events arrive. */
  RECEIVING_DATA("receiving-data", true),
  /** The appliance stopped sending heartbeats. */
  OFFLINE("offline", false),
  /** The appliance reports the integration failed (e.g. its port cannot be opened). */
  FAILED("failed", false);

  private final String id;
  private final boolean healthy;

  IntegrationStatus(String id, boolean healthy) {
    this.id = id;
    this.healthy = healthy;
  }

  @JsonValue
  public String id() {
    return id;
  }

  /** Healthy ("green") statuses reset the 24-hour alert countdown. */
  public boolean healthy() {
    return healthy;
  }
}
