package dev.sluice.console.central;

import dev.sluice.central.appliance.ApplianceView;
import dev.sluice.central.health.IntegrationHealth;
import dev.sluice.central.health.IntegrationStatus;
import dev.sluice.central.integration.IntegrationRequests;
import dev.sluice.central.integration.IntegrationView;
import dev.sluice.console.backend.Appliances;
import dev.sluice.console.backend.Integrations;
import dev.sluice.console.backend.Outcome;
import dev.sluice.console.backend.Principal;
import dev.sluice.wire.control.SenderHeartbeat;
import dev.sluice.wire.image.NetworkMode;
import dev.sluice.wire.image.NetworkSettings;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@link Integrations} on central's integration service and its health view. */
final class CentralIntegrations implements Integrations {

  private final CentralCalls calls;

  CentralIntegrations(CentralCalls calls) {
    this.calls = calls;
  }

  @Override
  public List<Integration> list(Principal principal) {
    return calls.read(principal, p -> calls.central().integrations().list(p).stream()
        .map(CentralIntegrations::integration).toList()).orElse(List.of());
  }

  @Override
  public Optional<Integration> get(Principal principal, String integrationId) {
    return calls.read(principal, p -> calls.central().integrations().get(p, integrationId))
        .map(CentralIntegrations::integration);
  }

  @Override
  public Outcome<Integration> create(Principal principal, NewIntegration request) {
    IntegrationRequests.ApplianceChoice choice;
    if (request.applianceId() != null) {
      choice = new IntegrationRequests.ApplianceChoice(request.applianceId(), null);
    } else {
      NewAppliance n = request.newAppliance();
      Appliances.Network network = n.network();
      NetworkSettings settings;
      try {
        settings = network.mode() == Appliances.Network.Mode.DHCP
            ? new NetworkSettings(NetworkMode.DHCP, null, null, null, List.of())
            : new NetworkSettings(NetworkMode.MANUAL, network.address(), network.prefix(),
                network.gateway(), network.dns());
      } catch (IllegalArgumentException e) {
        return Outcome.invalid(networkField(e.getMessage()), CentralCalls.sentence(e.getMessage()));
      }
      choice = new IntegrationRequests.ApplianceChoice(null,
          new IntegrationRequests.NewApplianceRequest(n.name(), n.description(),
              n.platform().id(), settings,
              new IntegrationRequests.SyslogRequest(
                  n.syslogIpVersion() == Appliances.IpVersion.IPV6 ? "ipv6" : "ipv4",
                  n.syslogAddress(), "tcp")));
    }
    IntegrationRequests.Create create = new IntegrationRequests.Create(
        request.productId(), request.name(), request.description(), choice, null);
    return calls.attempt(principal, p -> integration(calls.central().integrations().create(p, create)));
  }

  @Override
  public Outcome<Integration> delete(Principal principal, String integrationId) {
    return calls.attempt(principal, p -> {
      Integration integration = integration(calls.central().integrations().get(p, integrationId));
      calls.central().integrations().delete(p, integrationId);
      return integration;
    });
  }

  @Override
  public Optional<Health> health(Principal principal, String integrationId) {
    return calls.read(principal, p -> calls.central().integrations().get(p, integrationId))
        .map(CentralIntegrations::health);
  }

  static Integration integration(IntegrationView view) {
    IntegrationHealth health = view.health();
    return new Integration(view.id(), view.product(), view.name(), view.description(),
        view.appliance().id(), view.appliance().name(), view.port(), view.syslogAddress(),
        status(health == null ? IntegrationStatus.WAITING_FOR_DEPLOYMENT : health.status()),
        health == null ? null : sentenceOrNull(health.reason()),
        health == null ? null : health.lastEventTime(), view.createdAt());
  }

  static Health health(IntegrationView view) {
    IntegrationHealth h = view.health();
    ApplianceView appliance = view.appliance();
    boolean online = appliance.state() == dev.sluice.central.health.ApplianceState.ONLINE;
    List<Sender> senders = h.senders().stream().map(CentralIntegrations::sender).toList();
    Instant lastTest = h.senders().stream().filter(s -> s.testAlertsSeen() > 0)
        .map(SenderHeartbeat::lastEventTime).filter(java.util.Objects::nonNull)
        .max(Instant::compareTo).orElse(null);
    return new Health(online, appliance.lastHeartbeatAt(), appliance.version(), h.received(),
        h.accepted(), h.rejected(), h.eventsPerMinute(), senders, h.rejectedByReason(), h.testAlertsSeen(), lastTest);
  }

  private static Sender sender(SenderHeartbeat s) {
    return new Sender(s.hostname().isEmpty() ? "(no hostname)" : s.hostname(), s.peerAddress(),
        s.received(), s.accepted(), s.rejected(), s.lastEventTime());
  }

  static Status status(IntegrationStatus status) {
    return switch (status) {
      case WAITING_FOR_DEPLOYMENT -> Status.WAITING_FOR_DEPLOYMENT;
      case WAITING_FOR_DATA -> Status.WAITING_FOR_DATA;
      case RECEIVING_DATA -> Status.RECEIVING_DATA;
      case OFFLINE -> Status.OFFLINE;
      case FAILED -> Status.FAILED;
    };
  }

  private static String sentenceOrNull(String reason) {
    return reason == null || reason.isBlank() ? null : CentralCalls.sentence(reason);
  }

  private static String networkField(String message) {
    if (message == null) {
      return "networkMode";
    }
    if (message.contains("prefix")) {
      return "prefix";
    }
    if (message.contains("gateway")) {
      return "gateway";
    }
    if (message.contains("DNS")) {
      return "dns";
    }
    return message.contains("address") ? "address" : "networkMode";
  }
}
