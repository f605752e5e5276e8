package dev.sluice.darktracesim.alert;

import dev.sluice.darktracesim.alert.ModelCatalog.Entry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * A seeded stream of realistic Darktrace alerts: the same seed and start time give the same
 * stream, alert for alert. Each generator models one Darktrace instance watching its own network:
 * a fixed population of internal devices (derived from the seed), a set of rare external
 * endpoints, AI Analyst incidents that collect several events, and the instance's own components
 * for system status alerts. Times advance from the start time by random gaps (mean 250 ms).
 */
public final class AlertGenerator {

  private static final int DEVICE_COUNT = 96;
  private static final int EXTERNAL_PEER_COUNT = 48;
  private static final String INTERNAL_DOMAIN = "corp.example.com";

  private final SplittableRandom random;
  private final AlertMix mix;
  private final ModelCatalog catalog = ModelCatalog.standard();
  private final List<Device> devices;
  private final List<Peer> externalPeers;
  private final List<String> openIncidents = new ArrayList<>();
  private long nextPbid;
  private long timeMillis;

  public AlertGenerator(long seed, Instant start, AlertMix mix) {
    this.random = new SplittableRandom(seed);
    this.mix = mix;
    this.timeMillis = start.toEpochMilli();
    this.nextPbid = 100_000 + random.nextInt(900_000);
    this.devices = buildDevices(random);
    this.externalPeers = buildExternalPeers(random);
  }

  /** The next alert in the stream. */
  public DarktraceAlert next() {
    timeMillis += (long) (-250 * Math.log(1 - random.nextDouble()));
    int roll = random.nextInt(mix.total());
    if (roll < mix.modelBreaches()) {
      return nextBreach();
    }
    if (roll < mix.modelBreaches() + mix.aiAnalyst()) {
      return nextIncidentEvent();
    }
    return nextSystemStatus();
  }

  /** The test alert <em>Verify alert sending</em> sends, as Darktrace shapes it. */
  public static ModelBreach testAlert(Instant time) {
    Device device =
        new Device(0, "192.0.2.1", "test-device.example.com", "00:00:5e:00:53:00",
            "Test Device", "");
    return new ModelBreach(123, ModelCatalog.TEST_MODEL, device, Optional.empty(), 1.0, time,
        "Test Metric Filter: Test filter value");
  }

  private ModelBreach nextBreach() {
    Entry entry = catalog.pick(random.nextInt(catalog.totalWeight()));
    Model model = entry.model();
    Device device = model.equals(ModelCatalog.SYSTEM_MODEL) ? Device.SYSTEM : pickDevice();
    Optional<Peer> peer = switch (entry.peerKind()) {
      case NONE -> Optional.empty();
      case EXTERNAL -> {
        Peer p = externalPeers.get(random.nextInt(externalPeers.size()));
        yield Optional.of(new Peer(p.ip(), pickPort(entry), p.hostname()));
      }
      case INTERNAL -> {
        Device other = pickDevice();
        yield Optional.of(new Peer(other.ip(), pickPort(entry), other.hostname()));
      }
    };
    double score = scoreFor(model.category());
    long pbid = nextPbid;
    nextPbid += 1 + random.nextInt(3);
    String message = entry.messageTemplate()
        .replace("{peerHost}", peer.map(p -> p.hostname().isEmpty() ? p.ip() : p.hostname())
            .orElse(""))
        .replace("{peer}", peer.map(Peer::ip).orElse(""))
        .replace("{port}", peer.map(p -> Integer.toString(p.port())).orElse(""))
        .replace("{device}", device.hostname().isEmpty() ? device.ip() : device.hostname());
    return new ModelBreach(pbid, model, device, peer, score, Instant.ofEpochMilli(timeMillis),
        message);
  }

  private int pickPort(Entry entry) {
    return entry.ports().get(random.nextInt(entry.ports().size()));
  }

  /** Breach scores cluster by category: critical models breach high. */
  private double scoreFor(ModelCategory category) {
    double base = switch (category) {
      case CRITICAL -> 0.65;
      case SUSPICIOUS -> 0.35;
      case COMPLIANCE -> 0.2;
      case INFORMATIONAL -> 0.1;
    };
    double value = base + random.nextDouble() * (1 - base);
    return Math.round(value * 1000) / 1000.0;
  }

  private static final String[][] INCIDENT_ACTIVITIES = {
    {"Extensive Unusual SSH Connections", "a1f0c3d2", "lateral-movement",
        "The device {ip} was observed making unusual internal SSH connections to a wide range of"
            + " devices.\n\nThough this behaviour could be the result of legitimate remote access"
            + " or administration, it could also be a sign of attempted lateral movement by a"
            + " compromised machine."},
    {"Possible SSL Command and Control", "b27e4410", "command-and-control",
        "The device {ip} was observed making repeated SSL connections to a rare external"
            + " endpoint with a self-signed certificate.\n\nThis pattern is consistent with"
            + " command and control traffic."},
    {"Scanning of Multiple Devices", "c9d35a07", "discovery",
        "The device {ip} attempted connections to many internal devices on several ports in a"
            + " short period of time, consistent with network scanning."},
    {"Unusual Repeated Connections to Rare Endpoint", "d40b8e6f", "command-and-control",
        "The device {ip} made regular connections to an endpoint rarely seen on the network,"
            + " which may indicate beaconing."},
    {"Suspicious Remote WMI Activity", "e5a2f918", "execution",
        "The device {ip} used WMI to execute commands on several other internal devices."},
    {"Large Volume of Data Transferred to Rare Endpoint", "f61c7b25", "exfiltration",
        "The device {ip} uploaded an unusually large volume of data to a rare external"
            + " endpoint, which could indicate data exfiltration."},
  };

  private AiAnalystIncidentEvent nextIncidentEvent() {
    String[] activity = INCIDENT_ACTIVITIES[random.nextInt(INCIDENT_ACTIVITIES.length)];
    Device device = pickDevice();
    String groupId;
    if (openIncidents.isEmpty() || random.nextInt(10) < 3) {
      groupId = uuid();
      openIncidents.add(groupId);
      if (openIncidents.size() > 4) {
        openIncidents.remove(0);
      }
    } else {
      groupId = openIncidents.get(random.nextInt(openIncidents.size()));
    }
    int aiaScore = 20 + random.nextInt(81);
    double groupScore = Math.round((10 + random.nextDouble() * 90) * 100) / 100.0;
    ModelCategory category = aiaScore >= 80 ? ModelCategory.CRITICAL : ModelCategory.SUSPICIOUS;
    ModelCategory groupCategory =
        groupScore >= 70 ? ModelCategory.CRITICAL : ModelCategory.SUSPICIOUS;
    List<RelatedBreach> related = new ArrayList<>();
    int relatedCount = 1 + random.nextInt(3);
    for (int i = 0; i < relatedCount; i++) {
      Model model = catalog.pick(random.nextInt(catalog.totalWeight())).model();
      related.add(new RelatedBreach(model.path().replace("::", " / "),
          Math.max(1, nextPbid - 1 - random.nextInt(500)), 20 + random.nextInt(81),
          Instant.ofEpochMilli(timeMillis - random.nextInt(3_600_000))));
    }
    return new AiAnalystIncidentEvent(uuid(), activity[0], activity[3].replace("{ip}", device.ip()),
        category, aiaScore, groupId, groupCategory, groupScore, activity[1],
        List.of(activity[1].substring(0, 4) + Integer.toHexString(random.nextInt(0x10000))),
        false, device, related, List.of(activity[2]), Instant.ofEpochMilli(timeMillis));
  }

  private static final Object[][] STATUS_ALERTS = {
    {"Probe Down", "probe_down", 60, "Probe {host} ({ip}) has not been in contact for 18 minutes."},
    {"Advanced Search", "advanced_search", 30,
        "There have been no Advanced Search hits for this instance for 2 hours. If this is not"
            + " expected behaviour, please open a ticket."},
    {"High Unidirectional Traffic", "high_unidirectional_traffic", 20,
        "More than 40% of traffic seen by {host} is unidirectional; check the span port"
            + " configuration."},
    {"Bandwidth Exceeded", "bandwidth_exceeded", 40,
        "Probe {host} is receiving more traffic than its licensed bandwidth (1 Gbps)."},
    {"Time Sync Failure", "time_sync_failure", 50,
        "{host} could not synchronise its clock with the configured NTP servers."},
  };

  private SystemStatusAlert nextSystemStatus() {
    Object[] alert = STATUS_ALERTS[random.nextInt(STATUS_ALERTS.length)];
    int probe = 1 + random.nextInt(4);
    String host = String.format(Locale.ROOT, "dt-probe-%02d.%s", probe, INTERNAL_DOMAIN);
    String ip = "10.0.9." + (probe + 4);
    int priority = (Integer) alert[2] + random.nextInt(41);
    SystemStatusAlert.Status status = random.nextInt(5) == 0
        ? SystemStatusAlert.Status.RESOLVED : SystemStatusAlert.Status.ACTIVE;
    String message = ((String) alert[3]).replace("{host}", host).replace("{ip}", ip);
    return new SystemStatusAlert(uuid(), (String) alert[0], alert[1] + "-" + (probe - 1), status,
        priority, host, ip, message, Instant.ofEpochMilli(timeMillis));
  }

  private Device pickDevice() {
    // A few devices are far noisier than the rest, as on real networks.
    int index = random.nextInt(4) == 0 ? random.nextInt(8) : random.nextInt(devices.size());
    return devices.get(index);
  }

  private String uuid() {
    long most = (random.nextLong() & ~0xF000L) | 0x4000L;
    long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(most, least).toString();
  }

  private static final String[] PEOPLE = {
    "jdoe", "asmith", "mgarcia", "lchen", "pkumar", "okowalski", "enguyen", "rjohnson", "tmuller",
    "sdubois", "hsato", "ibrahim", "cmorales", "fnovak", "gwilson", "yli"
  };

  private static List<Device> buildDevices(SplittableRandom random) {
    List<Device> list = new ArrayList<>(DEVICE_COUNT);
    for (int i = 0; i < DEVICE_COUNT; i++) {
      int site = 1 + random.nextInt(3);
      int vlan = 10 * (1 + random.nextInt(6));
      int host = 10 + i;
      String ip = "10." + site + "." + vlan + "." + host;
      String hostname;
      String type;
      switch (i % 6) {
        case 0, 1 -> {
          hostname = String.format(Locale.ROOT, "ws-%04d", 100 + i * 7);
          type = "Desktop";
        }
        case 2 -> {
          hostname = "lt-" + PEOPLE[random.nextInt(PEOPLE.length)] + "-" + i;
          type = "Laptop";
        }
        case 3 -> {
          String[] roles = {"db", "web", "file", "dc", "mail", "app"};
          hostname = String.format(Locale.ROOT, "srv-%s-%02d", roles[random.nextInt(6)], i);
          type = "Server";
        }
        case 4 -> {
          hostname = String.format(Locale.ROOT, "printer-%02d", i);
          type = "Printer";
        }
        default -> {
          hostname = "";
          type = "IoT";
        }
      }
      String fqdn = hostname.isEmpty() ? "" : hostname + "." + INTERNAL_DOMAIN;
      String mac = String.format(Locale.ROOT, "00:50:56:%02x:%02x:%02x",
          random.nextInt(256), random.nextInt(256), random.nextInt(256));
      list.add(new Device(1000 + i, ip, fqdn, mac, type,
          "10." + site + "." + vlan + ".0/24"));
    }
    return List.copyOf(list);
  }

  private static final String[] EXTERNAL_WORDS = {
    "cdn", "update", "api", "telemetry", "static", "files", "sync", "login", "img", "track"
  };
  private static final String[] EXTERNAL_ZONES = {
    "example.net", "example.org", "rare-domain.example", "cloud-host.example", "xyz.example"
  };
  private static final String[] DOCUMENTATION_NETS = {"203.0.113.", "198.51.100.", "192.0.2."};

  private static List<Peer> buildExternalPeers(SplittableRandom random) {
    List<Peer> list = new ArrayList<>(EXTERNAL_PEER_COUNT);
    for (int i = 0; i < EXTERNAL_PEER_COUNT; i++) {
      String ip = DOCUMENTATION_NETS[random.nextInt(DOCUMENTATION_NETS.length)]
          + (2 + random.nextInt(250));
      String hostname = random.nextInt(5) == 0 ? ""
          : EXTERNAL_WORDS[random.nextInt(EXTERNAL_WORDS.length)] + (1 + random.nextInt(40)) + "."
              + EXTERNAL_ZONES[random.nextInt(EXTERNAL_ZONES.length)];
      list.add(new Peer(ip, 443, hostname));
    }
    return List.copyOf(list);
  }
}
