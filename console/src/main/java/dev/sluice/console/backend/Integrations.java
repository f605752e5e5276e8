package dev.sluice.console.backend;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Integrations of a tenant, their live health, and creating new ones. */
public interface Integrations {

  List<Integration> list(Principal principal);

  Optional<Integration> get(Principal principal, String integrationId);

  /**
   * Creates an integration (and, when asked, its new appliance). Field errors use the setup
   * form's field names: {@code name}, {@code description}, {@code applianceId},
   * {@code applianceName}, {@code applianceDescription}, {@code platform}, {@code networkMode},
   * {@code address}, {@code prefix}, {@code gateway}, {@code dns}, {@code syslogIpVersion},
   * {@code syslogAddress}. Refused with {@code DOMAINS_AND_IPS_REQUIRED} when the tenant has not
   * confirmed its domains and IPs yet.
   */
  Outcome<Integration> create(Principal principal, NewIntegration request);

  Outcome<Integration> delete(Principal principal, String integrationId);

  Optional<Health> health(Principal principal, String integrationId);

  record Integration(
      String id,
      String productId,
      String name,
      String description,
      String applianceId,
      String applianceName,
      int port,
      String syslogAddress,
      Status status,
      String statusDetail,
      Instant lastEventAt,
      Instant createdAt) {}

  /** What the setup form submits. {@code applianceId} set means an existing appliance. */
  record NewIntegration(
      String productId,
      String name,
      String description,
      String applianceId,
      NewAppliance newAppliance) {}

  record NewAppliance(
      String name,
      String description,
      Appliances.Platform platform,
      Appliances.Network network,
      Appliances.IpVersion syslogIpVersion,
      String syslogAddress) {}

  /** The status vocabulary shown everywhere, with what each means and what to do next. */
  enum Status {
    WAITING_FOR_DEPLOYMENT("Waiting for deployment", "neutral",
        "The appliance has not enrolled yet. Download the image and deploy it on your hypervisor."),
    WAITING_FOR_DATA("Waiting for data", "info",
        "The appliance is online but no alert has arrived yet. Configure Darktrace to send to this"
            + " IP and port, then use Verify alert sending."),
    RECEIVING_DATA("Receiving data", "ok",
        "Alerts are arriving and reaching the data lake. Nothing to do."),
    DEGRADED("Degraded", "warn",
        "Data arrives but some messages are rejected or delayed. Open the details to see rejects"
            + " by reason."),
    OFFLINE("Offline", "bad",
        "The appliance has stopped sending heartbeats. Check that the VM is running and can reach"
            + " Sluice on port 443."),
    FAILED("Failed", "bad",
        "The integration cannot work as configured. Open the details for the reason.");

    private final String label;
    private final String tone;
    private final String meaning;

    Status(String label, String tone, String meaning) {
      this.label = label;
      this.tone = tone;
      this.meaning = meaning;
    }

    public String label() {
      return label;
    }

    /** CSS tone of the pill: neutral, info, ok, warn, bad. */
    public String tone() {
      return tone;
    }

    public String meaning() {
      return meaning;
    }
  }

  record Health(
      boolean applianceOnline,
      Instant lastHeartbeatAt,
      String applianceVersion,
      long received,
      long accepted,
      long rejected,
      double eventsPerMinute,
      List<Sender> senders,
      Map<String, Long> rejectsByReason,
      long testAlertsSeen,
      Instant lastTestAlertAt) {
    public Health {
      senders = List.copyOf(senders);
      Map<String, Long> sorted = new java.util.LinkedHashMap<>();
      rejectsByReason.entrySet().stream()
          .sorted(Map.Entry.<String, Long>comparingByValue().reversed()
              .thenComparing(Map.Entry.comparingByKey()))
          .forEach(e -> sorted.put(e.getKey(), e.getValue()));
      rejectsByReason = java.util.Collections.unmodifiableMap(sorted);
    }
  }

  record Sender(String hostname, String peerAddress, long received, long accepted, long rejected,
      Instant lastEventAt) {}
}
