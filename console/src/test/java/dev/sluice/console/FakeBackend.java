package dev.sluice.console;

import dev.sluice.console.backend.Accounts;
import dev.sluice.console.backend.Appliances;
import dev.sluice.console.backend.Catalog;
import dev.sluice.console.backend.ConsoleBackend;
import dev.sluice.console.backend.DomainsAndIps;
import dev.sluice.console.backend.HealthAlerts;
import dev.sluice.console.backend.Integrations;
import dev.sluice.console.backend.LakeQueries;
import dev.sluice.console.backend.Outcome;
import dev.sluice.console.backend.Principal;
import dev.sluice.console.backend.Appliances.Appliance;
import dev.sluice.console.backend.Appliances.Download;
import dev.sluice.console.backend.Appliances.Image;
import dev.sluice.console.backend.Appliances.Platform;
import dev.sluice.console.backend.Integrations.Health;
import dev.sluice.console.backend.Integrations.Integration;
import dev.sluice.console.backend.Integrations.NewAppliance;
import dev.sluice.console.backend.Integrations.NewIntegration;
import dev.sluice.console.backend.Integrations.Sender;
import dev.sluice.console.backend.Integrations.Status;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

/**
 * A hand-written, in-memory stand-in for central and the lake, for page tests and the preview
 * server. One tenant, one admin; images "build" over {@link #buildTime} of the given clock.
 */
public final class FakeBackend implements Accounts, Catalog, DomainsAndIps.Store, HealthAlerts,
    LakeQueries {

  public static final String EMAIL = "admin@example.com";
  public static final String PASSWORD = "correct horse battery";

  private final Clock clock;
  private final AtomicInteger ids = new AtomicInteger(1);
  final Map<String, Principal> sessions = new LinkedHashMap<>();
  final Map<String, Integration> integrations = new LinkedHashMap<>();
  final Map<String, Appliance> appliances = new LinkedHashMap<>();
  final Map<String, Instant> imageStarted = new LinkedHashMap<>();
  final Map<String, Health> health = new LinkedHashMap<>();
  final Map<String, Alert> alerts = new LinkedHashMap<>();
  final List<AuditEntry> audit = new ArrayList<>();
  final List<User> users = new ArrayList<>();
  final List<ApiToken> tokens = new ArrayList<>();
  DomainsAndIps domains = new DomainsAndIps(List.of(), DomainsAndIps.DEFAULT_RANGES, false);
  String tenantName = "Example Corp";
  Duration buildTime = Duration.ofSeconds(4);
  int nextPort = 6514;
  /** Answers lake queries; by default an empty result with the query's first word as column. */
  BiFunction<String, String, Outcome<Page>> lake = (sql, key) ->
      Outcome.ok(new Page(List.of("result"), List.of(), null, null, 3));

  public FakeBackend(Clock clock) {
    this.clock = clock;
    users.add(new User(EMAIL, "Alex Admin", Principal.Role.ADMIN, clock.instant()));
  }

  public ConsoleBackend backend() {
    return new ConsoleBackend(this, this, this, integrationsApi, appliancesApi, this, this);
  }

  private String id(String prefix) {
    return prefix + "-" + ids.getAndIncrement();
  }

  private void audit(Principal p, String action, String target) {
    audit.add(0, new AuditEntry(clock.instant(), p.email(), action, target, ""));
  }

  // ---- Accounts ----

  @Override
  public Outcome<Principal> signIn(String email, String password, String clientAddress) {
    if (!EMAIL.equals(email) || !PASSWORD.equals(password)) {
      return Outcome.refused("INVALID_CREDENTIALS", "The email or password is not right.");
    }
    Principal principal = new Principal(id("token"), "tenant-1", tenantName, EMAIL, "Alex Admin",
        Principal.Role.ADMIN);
    sessions.put(principal.token(), principal);
    return Outcome.ok(principal);
  }

  @Override
  public Optional<Principal> authenticate(String token) {
    return Optional.ofNullable(sessions.get(token));
  }

  @Override
  public void signOut(Principal principal) {
    sessions.remove(principal.token());
  }

  @Override
  public List<User> users(Principal principal) {
    return List.copyOf(users);
  }

  @Override
  public Outcome<User> addUser(Principal principal, String email, String displayName,
      Principal.Role role, String password) {
    User user = new User(email, displayName, role, clock.instant());
    users.add(user);
    audit(principal, "user.create", email);
    return Outcome.ok(user);
  }

  @Override
  public List<ApiToken> apiTokens(Principal principal) {
    return List.copyOf(tokens);
  }

  @Override
  public Outcome<NewApiToken> createApiToken(Principal principal, String name, Principal.Role role) {
    ApiToken token = new ApiToken(id("apitoken"), name, role, clock.instant(), null);
    tokens.add(token);
    audit(principal, "api-token.create", name);
    return Outcome.ok(new NewApiToken(token, "slc_" + token.id() + "_secret"));
  }

  @Override
  public Outcome<ApiToken> revokeApiToken(Principal principal, String tokenId) {
    for (ApiToken token : tokens) {
      if (token.id().equals(tokenId)) {
        tokens.remove(token);
        return Outcome.ok(token);
      }
    }
    return Outcome.refused("API_TOKEN_NOT_FOUND", "No such token.");
  }

  @Override
  public List<AuditEntry> auditLog(Principal principal, int limit) {
    return audit.stream().limit(limit).toList();
  }

  // ---- Catalog ----

  @Override
  public List<Product> products(Principal principal) {
    long detect = integrations.values().stream().filter(i -> i.productId().equals("darktrace-detect")).count();
    return List.of(
        new Product("darktrace-detect", "Darktrace", "Darktrace DETECT",
            "Network detection alerts and AI Analyst incidents, sent as Syslog CEF to an appliance.",
            "Network", "Network integrations", "Log collector (appliance)", "Syslog CEF over TCP",
            true, true, (int) detect),
        new Product("darktrace-email", "Darktrace", "Darktrace Email",
            "Email security alerts collected from Darktrace's API.", "Email",
            "Email integrations", "API", "HTTPS API", false, false, 0));
  }

  // ---- Domains and IPs ----

  @Override
  public DomainsAndIps get(Principal principal) {
    return domains;
  }

  @Override
  public Outcome<DomainsAndIps> save(Principal principal, List<String> d, List<String> r) {
    domains = new DomainsAndIps(d, r, true);
    audit(principal, "domains-and-ips.update", "tenant");
    return Outcome.ok(domains);
  }

  // ---- Health alerts ----

  @Override
  public List<Alert> list(Principal principal) {
    return List.copyOf(alerts.values());
  }

  @Override
  public Outcome<Alert> acknowledge(Principal principal, String alertId) {
    Alert a = alerts.get(alertId);
    if (a == null) {
      return Outcome.refused("ALERT_NOT_FOUND", "No such alert.");
    }
    Alert acked = new Alert(a.id(), a.severity(), a.title(), a.description(), a.integrationId(),
        a.integrationName(), a.raisedAt(), clock.instant(), principal.email());
    alerts.put(a.id(), acked);
    return Outcome.ok(acked);
  }

  // ---- Lake ----

  @Override
  public Outcome<Page> run(Principal principal, String sql, String pageKey, int pageSize) {
    return lake.apply(sql, pageKey);
  }

  final Integrations integrationsApi = new Integrations() {
    @Override
    public List<Integration> list(Principal principal) {
      return integrations.values().stream().map(FakeBackend.this::withStatus).toList();
    }

    @Override
    public Optional<Integration> get(Principal principal, String integrationId) {
      return Optional.ofNullable(integrations.get(integrationId)).map(FakeBackend.this::withStatus);
    }

    @Override
    public Outcome<Integration> create(Principal principal, NewIntegration request) {
      if (!domains.confirmed()) {
        return Outcome.refused("DOMAINS_AND_IPS_REQUIRED", "Confirm your domains and IPs first.");
      }
      Appliance appliance;
      if (request.applianceId() != null) {
        appliance = appliances.get(request.applianceId());
        if (appliance == null) {
          return Outcome.invalid("applianceId", "That appliance does not exist.");
        }
      } else {
        NewAppliance n = request.newAppliance();
        appliance = new Appliance(id("appliance"), n.name(), n.description(), n.platform(),
            n.network(), n.syslogIpVersion(), n.syslogAddress(), "waiting", false, null, null, 1,
            clock.instant());
        appliances.put(appliance.id(), appliance);
      }
      Integration integration = new Integration(id("integration"), request.productId(),
          request.name(), request.description(), appliance.id(), appliance.name(), nextPort++,
          appliance.syslogAddress(), Status.WAITING_FOR_DEPLOYMENT, null, null, clock.instant());
      integrations.put(integration.id(), integration);
      audit(principal, "integration.create", integration.name());
      return Outcome.ok(integration);
    }

    @Override
    public Outcome<Integration> delete(Principal principal, String integrationId) {
      Integration removed = integrations.remove(integrationId);
      return removed == null ? Outcome.refused("INTEGRATION_NOT_FOUND", "No such integration.")
          : Outcome.ok(removed);
    }

    @Override
    public Optional<Health> health(Principal principal, String integrationId) {
      return Optional.ofNullable(health.get(integrationId));
    }
  };

  final Appliances appliancesApi = new Appliances() {
    @Override
    public List<Appliance> list(Principal principal) {
      return List.copyOf(appliances.values());
    }

    @Override
    public Optional<Appliance> get(Principal principal, String applianceId) {
      return Optional.ofNullable(appliances.get(applianceId));
    }

    @Override
    public Outcome<Image> buildImage(Principal principal, String applianceId, Platform platform) {
      if (!appliances.containsKey(applianceId)) {
        return Outcome.refused("APPLIANCE_NOT_FOUND", "No such appliance.");
      }
      imageStarted.put(applianceId + "/" + platform.id(), clock.instant());
      return Outcome.ok(image(principal, applianceId, platform).orElseThrow());
    }

    @Override
    public Optional<Image> image(Principal principal, String applianceId, Platform platform) {
      Instant started = imageStarted.get(applianceId + "/" + platform.id());
      if (started == null) {
        return Optional.empty();
      }
      Duration elapsed = Duration.between(started, clock.instant());
      if (elapsed.compareTo(buildTime) >= 0) {
        boolean consumed = appliances.get(applianceId).online();
        return Optional.of(new Image(platform, consumed ? Image.State.CONSUMED : Image.State.READY,
            100, null, started.plus(buildTime), 48_213_504));
      }
      int percent = (int) (100 * elapsed.toMillis() / Math.max(1, buildTime.toMillis()));
      return Optional.of(new Image(platform, Image.State.BUILDING, percent, null, null, 0));
    }

    @Override
    public Optional<Download> download(Principal principal, String applianceId, Platform platform) {
      return image(principal, applianceId, platform)
          .filter(i -> i.state() == Image.State.READY)
          .map(i -> {
            byte[] bytes = ("image of " + applianceId).getBytes(StandardCharsets.UTF_8);
            return new Download("sluice-" + applianceId + (platform == Platform.ESXI ? ".ova" : ".zip"),
                "application/octet-stream", bytes.length, new ByteArrayInputStream(bytes));
          });
    }
  };

  Integration withStatus(Integration i) {
    Health h = health.get(i.id());
    Status status = h == null ? Status.WAITING_FOR_DEPLOYMENT
        : !h.applianceOnline() ? Status.OFFLINE
        : h.accepted() > 0 ? Status.RECEIVING_DATA : Status.WAITING_FOR_DATA;
    Instant last = h == null ? null : h.senders().stream().map(Sender::lastEventAt)
        .filter(java.util.Objects::nonNull).max(Instant::compareTo).orElse(null);
    return new Integration(i.id(), i.productId(), i.name(), i.description(), i.applianceId(),
        i.applianceName(), i.port(), i.syslogAddress(), status, i.statusDetail(), last, i.createdAt());
  }
}
