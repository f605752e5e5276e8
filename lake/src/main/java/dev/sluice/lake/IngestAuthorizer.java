package dev.sluice.lake;

/** Whether an appliance may write for an integration (it owns it). Supplied by the host (central). */
@FunctionalInterface
public interface IngestAuthorizer {
  boolean mayWrite(ApplianceIdentity appliance, String integrationId);

  /** Allows every integration: for the standalone lake's test identity only. */
  static IngestAuthorizer allowAll() {
    return (appliance, integration) -> true;
  }
}
