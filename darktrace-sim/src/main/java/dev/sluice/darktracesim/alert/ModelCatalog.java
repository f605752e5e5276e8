package dev.sluice.darktracesim.alert;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The Darktrace models the emulator breaches: real model names from Darktrace's published
 * samples and public model lists, with their families, categories, priorities and MITRE
 * techniques, plus what kind of peer a breach of each has and how its message reads.
 */
public final class ModelCatalog {

  /** Which other end a breach of the model reports. */
  public enum PeerKind {
    /** A rare external endpoint. */
    EXTERNAL,
    /** Another internal device (lateral movement, scanning). */
    INTERNAL,
    /** No connection (system events, SaaS credential use). */
    NONE
  }

  /**
   * A catalog entry.
   *
   * @param model the model
   * @param weight relative frequency in the generated stream
   * @param peerKind what kind of peer its breaches report
   * @param ports destination ports its breaches use (empty for {@link PeerKind#NONE})
   * @param messageTemplate the breach message; {@code {peer}}, {@code {peerHost}}, {@code
   *     {port}}, {@code {device}} are filled in
   */
  public record Entry(
      Model model, int weight, PeerKind peerKind, List<Integer> ports, String messageTemplate) {
    public Entry {
      Objects.requireNonNull(model, "model");
      Objects.requireNonNull(peerKind, "peerKind");
      Objects.requireNonNull(messageTemplate, "messageTemplate");
      ports = List.copyOf(ports);
      if (weight < 1) {
        throw new IllegalArgumentException("weight must be positive");
      }
      if ((peerKind == PeerKind.NONE) != ports.isEmpty()) {
        throw new IllegalArgumentException("ports must be given exactly when there is a peer");
      }
    }
  }

  /** The {@code System::System} model: a system event raised as a model breach. */
  public static final Model SYSTEM_MODEL =
      model(
          "System::System",
          802,
          3,
          ModelCategory.INFORMATIONAL,
          List.of(),
          "An issue with the system has been detected. This system alert is generated for system"
              + " information that may merit further investigation.");

  /** The model of the test alert sent by <em>Verify alert sending</em>. */
  public static final Model TEST_MODEL =
      new Model(
          Model.TEST_MODEL_NAME,
          0,
          0,
          "00000000-0000-0000-0000-000000000000",
          5,
          ModelCategory.INFORMATIONAL,
          List.of(),
          "Test model used for testing alerting configuration.");

  private static final List<Entry> ENTRIES =
      List.of(
          external("Anomalous Connection::Data Sent to Rare Domain", 280, 3,
              ModelCategory.SUSPICIOUS, List.of("T1041"), List.of(443, 80),
              ". . 18.4 MB uploaded to {peerHost}"),
          external("Anomalous Connection::Anomalous SSL without SNI to New External", 285, 2,
              ModelCategory.SUSPICIOUS, List.of("T1573"), List.of(443, 8443),
              ". . SSL certificate validation failed with (unable to get local issuer certificate)"),
          external("Anomalous Connection::POST to PHP on New External Host", 293, 3,
              ModelCategory.SUSPICIOUS, List.of("T1071.001"), List.of(80),
              ". . POST /wp-content/plugins/up.php HTTP/1.1 to {peerHost}"),
          external("Anomalous Connection::Multiple Failed Connections to Rare Endpoint", 301, 2,
              ModelCategory.SUSPICIOUS, List.of("T1571"), List.of(4444, 8080, 443),
              ". . Connection failed to {peer}:{port}"),
          external("Anomalous Connection::High DGA Low DNS TTL", 344, 4,
              ModelCategory.CRITICAL, List.of("T1568.002"), List.of(53),
              ". . DNS query for qx7k2vbd0a.{peerHost} with TTL 30"),
          internal("Anomalous Connection::Unusual Admin SMB Session", 318, 3,
              ModelCategory.SUSPICIOUS, List.of("T1021.002"), List.of(445),
              ". . Admin share ADMIN$ accessed on {peer}"),
          external("Anomalous File::Zip or Gzip from Rare External Location", 402, 3,
              ModelCategory.SUSPICIOUS, List.of("T1105"), List.of(80, 443),
              ". . GET /download/update.zip from {peerHost}"),
          external("Anomalous File::EXE from Rare External Location", 405, 4,
              ModelCategory.SUSPICIOUS, List.of("T1105"), List.of(80, 443),
              ". . GET /files/setup_x64.exe from {peerHost} (application/x-dosexec)"),
          external("Anomalous Server Activity::Rare External from Server", 512, 2,
              ModelCategory.SUSPICIOUS, List.of("T1071"), List.of(443, 22, 8080),
              ". . Server {device} connected to rare endpoint {peer}"),
          external("Compromise::Beaconing Activity To External Rare", 153, 4,
              ModelCategory.CRITICAL, List.of("T1071.001"), List.of(443, 80),
              ". . Beaconing score 94 to {peerHost}"),
          external("Compromise::Sustained SSL or HTTP Increase", 160, 3,
              ModelCategory.SUSPICIOUS, List.of("T1071.001"), List.of(443),
              ". . Sustained increase of connections to {peerHost}"),
          external("Compromise::Suspicious TLS Beaconing To Rare External", 171, 4,
              ModelCategory.CRITICAL, List.of("T1573.002"), List.of(443),
              ". . JA3 72a589da586844d7f0818ce684948eea to {peerHost}"),
          external("Compromise::DNS / Possible DNS Tunnelling", 177, 4,
              ModelCategory.CRITICAL, List.of("T1071.004"), List.of(53),
              ". . Long TXT queries to {peerHost}"),
          external("Compromise::Agent Beacon (Long Period)", 181, 3,
              ModelCategory.SUSPICIOUS, List.of("T1071"), List.of(443, 8443),
              ". . Periodic connections every 3600 seconds to {peer}"),
          internal("Device::Attack and Recon Tools", 135, 4,
              ModelCategory.SUSPICIOUS, List.of("T1595"), List.of(80, 443, 8080),
              ". . User agent Nmap Scripting Engine to {peer}"),
          internal("Device::Suspicious SMB Scanning Activity", 140, 3,
              ModelCategory.SUSPICIOUS, List.of("T1046"), List.of(445),
              ". . 64 internal devices contacted on port {port}"),
          internal("Device::Network Scan", 142, 2,
              ModelCategory.SUSPICIOUS, List.of("T1046"), List.of(22, 135, 3389, 5985),
              ". . Scan of 211 internal IPs, last {peer}:{port}"),
          external("Device::New User Agent and New IP", 147, 1,
              ModelCategory.INFORMATIONAL, List.of(), List.of(443, 80),
              ". . python-requests/2.31.0 to {peerHost}"),
          external("Unusual Activity::Enhanced Unusual External Data Transfer", 620, 4,
              ModelCategory.CRITICAL, List.of("T1048"), List.of(443, 21, 22),
              ". . 2.4 GB to {peer}"),
          internal("Unusual Activity::Unusual Activity from Re-Activated Device", 624, 1,
              ModelCategory.INFORMATIONAL, List.of(), List.of(445, 389, 88),
              ". . Device inactive for 45 days contacted {peer}"),
          none("User::Unusual External Source for Credential Use", 700, 3,
              ModelCategory.SUSPICIOUS, List.of("T1078"),
              ". . Unusual source for use of jdoe@corp.example.com from AS64500 EXAMPLE-NET."),
          none("SaaS::Access::Unusual External Source for SaaS Credential Use", 705, 3,
              ModelCategory.SUSPICIOUS, List.of("T1078.004"),
              ". . Login to Microsoft 365 from a new country for {device}"),
          external("Compliance::Remote Desktop Protocol (RDP) to External", 810, 2,
              ModelCategory.COMPLIANCE, List.of("T1021.001"), List.of(3389),
              ". . RDP session to {peer}:{port}"),
          external("Compliance::Possible Tor Usage", 815, 2,
              ModelCategory.COMPLIANCE, List.of("T1090.003"), List.of(9001, 443),
              ". . Connection to Tor relay {peer}:{port}"),
          internal("Compliance::SMB Drive Write", 820, 1,
              ModelCategory.COMPLIANCE, List.of("T1570"), List.of(445),
              ". . File written to C$ on {peer}"),
          external("Antigena::Network::External Threat::Antigena Suspicious Activity Block", 900,
              5, ModelCategory.CRITICAL, List.of("T1071"), List.of(443, 80),
              ". . Blocked connections to {peer}:{port} for 2 hours"),
          external("Antigena::Network::Compliance::Antigena RDP Block", 537, 3,
              ModelCategory.COMPLIANCE, List.of("T1021.001"), List.of(3389),
              ". . Blocked RDP to {peer}:{port}"),
          new Entry(SYSTEM_MODEL, 1, PeerKind.NONE, List.of(),
              ". . Probe error. Probe 10.0.9.5 last contact was 18 minutes ago"));

  private final int totalWeight;

  private ModelCatalog() {
    totalWeight = ENTRIES.stream().mapToInt(Entry::weight).sum();
  }

  private static final ModelCatalog INSTANCE = new ModelCatalog();

  public static ModelCatalog standard() {
    return INSTANCE;
  }

  public List<Entry> entries() {
    return ENTRIES;
  }

  /** Picks an entry by weight; {@code roll} is uniform in [0, total weight). */
  public Entry pick(int roll) {
    int r = roll;
    for (Entry e : ENTRIES) {
      r -= e.weight();
      if (r < 0) {
        return e;
      }
    }
    throw new IllegalArgumentException("roll out of range: " + roll);
  }

  public int totalWeight() {
    return totalWeight;
  }

  private static Entry external(
      String path, int pid, int priority, ModelCategory category, List<String> mitre,
      List<Integer> ports, String message) {
    return new Entry(model(path, pid, priority, category, mitre, ""), weightFor(category),
        PeerKind.EXTERNAL, ports, message);
  }

  private static Entry internal(
      String path, int pid, int priority, ModelCategory category, List<String> mitre,
      List<Integer> ports, String message) {
    return new Entry(model(path, pid, priority, category, mitre, ""), weightFor(category),
        PeerKind.INTERNAL, ports, message);
  }

  private static Entry none(
      String path, int pid, int priority, ModelCategory category, List<String> mitre,
      String message) {
    return new Entry(model(path, pid, priority, category, mitre, ""), weightFor(category),
        PeerKind.NONE, List.of(), message);
  }

  /** Compliance and informational models breach far more often than critical ones. */
  private static int weightFor(ModelCategory category) {
    return switch (category) {
      case CRITICAL -> 2;
      case SUSPICIOUS -> 5;
      case COMPLIANCE -> 6;
      case INFORMATIONAL -> 4;
    };
  }

  private static Model model(
      String path, int pid, int priority, ModelCategory category, List<String> mitre,
      String description) {
    String uuid = UUID.nameUUIDFromBytes(path.getBytes(java.nio.charset.StandardCharsets.UTF_8))
        .toString();
    String text = description.isEmpty()
        ? "Darktrace model " + path.replace("::", " / ") + "." : description;
    return new Model(path, pid, pid + 1000, uuid, priority, category, mitre, text);
  }
}
