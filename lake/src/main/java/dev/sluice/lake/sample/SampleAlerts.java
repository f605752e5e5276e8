package dev.sluice.lake.sample;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.ocsf.Analytic;
import dev.sluice.ocsf.AnalyticType;
import dev.sluice.ocsf.Attack;
import dev.sluice.ocsf.ConnectionDirection;
import dev.sluice.ocsf.DetectionFinding;
import dev.sluice.ocsf.Device;
import dev.sluice.ocsf.DeviceType;
import dev.sluice.ocsf.Evidence;
import dev.sluice.ocsf.FindingActivity;
import dev.sluice.ocsf.FindingInfo;
import dev.sluice.ocsf.FindingStatus;
import dev.sluice.ocsf.Metadata;
import dev.sluice.ocsf.MitreEntity;
import dev.sluice.ocsf.NetworkEndpoint;
import dev.sluice.ocsf.NetworkScope;
import dev.sluice.ocsf.Observable;
import dev.sluice.ocsf.ObservableType;
import dev.sluice.ocsf.OcsfJsonWriter;
import dev.sluice.ocsf.OcsfVersion;
import dev.sluice.ocsf.Product;
import dev.sluice.ocsf.Severity;
import dev.sluice.wire.ingest.IngestEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Realistic Darktrace model-breach alerts as ingest events, built with the OCSF model and its
 * JSON writer (so they are what the appliance sends). Seeded: the same seed gives the same
 * alerts. For tests, benchmarks and demos.
 */
public final class SampleAlerts {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] MODELS = {
      "Anomalous Connection/High DGA Low DNS TTL", "Anomalous Connection/Data Sent to Rare Domain",
      "Compromise/Beaconing Activity To External Rare", "Device/Suspicious Network Scan Activity",
      "Anomalous File/Script from Rare External Location", "Compliance/Remote Desktop Protocol to Internet",
      "Unusual Activity/Unusual External Data Transfer", "Compromise/SSL Beaconing to Rare Destination",
      "Device/New User Agent To Internal Server", "Anomalous Server Activity/Outgoing from Server"};
  private static final String[][] TECHNIQUES = {
      {"T1568.002", "Domain Generation Algorithms"}, {"T1041", "Exfiltration Over C2 Channel"},
      {"T1071.001", "Web Protocols"}, {"T1046", "Network Service Discovery"}, {"T1105", "Ingress Tool Transfer"},
      {"T1021.001", "Remote Desktop Protocol"}, {"T1048", "Exfiltration Over Alternative Protocol"},
      {"T1573", "Encrypted Channel"}, {"T1071", "Application Layer Protocol"}, {"T1059", "Command and Scripting Interpreter"}};

  private final SplittableRandom random;
  private final String applianceId;
  private long nextOffset;

  public SampleAlerts(long seed, String applianceId, long firstOffset) {
    this.random = new SplittableRandom(seed);
    this.applianceId = applianceId;
    this.nextOffset = firstOffset;
  }

  /** The next alert, with the next offset, at {@code time} (epoch ms). */
  public IngestEvent next(long time) {
    long offset = nextOffset++;
    int model = random.nextInt(MODELS.length);
    String deviceIp = "10." + random.nextInt(4) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
    String peerIp = "203.0." + random.nextInt(114) + "." + (1 + random.nextInt(254));
    String host = "ws-" + random.nextInt(2000) + ".corp.example";
    int score = random.nextInt(101);
    long pbid = 100_000 + offset;
    String raw = cef(time, MODELS[model], deviceIp, peerIp, host, score, pbid);
    DetectionFinding finding = new DetectionFinding(FindingActivity.CREATE,
        score >= 80 ? Severity.HIGH : score >= 50 ? Severity.MEDIUM : Severity.LOW, null, FindingStatus.NEW, time,
        null, null, null, "Darktrace model breach: " + MODELS[model], true, score, null,
        new Metadata(OcsfVersion.DEFAULT, new Product("Darktrace", "DETECT", "6.2"), null, "Model Breach",
            "darktrace_model_breach", null, time + 1000, null),
        new FindingInfo(String.valueOf(pbid), MODELS[model], "Breach of " + MODELS[model] + " by " + host,
            "https://dt.example/#modelbreach/" + pbid, List.of(MODELS[model].substring(0, MODELS[model].indexOf('/'))),
            new Analytic(null, MODELS[model], AnalyticType.BEHAVIORAL, MODELS[model].substring(0, MODELS[model].indexOf('/'))),
            List.of(new Attack(null, new MitreEntity(TECHNIQUES[model][0], TECHNIQUES[model][1]), null, null)),
            time, null, null, List.of()),
        new Device(DeviceType.UNKNOWN, host, deviceIp, null, null, null), List.of(),
        List.of(new Evidence(new NetworkEndpoint(host, deviceIp, null, null, NetworkScope.INTERNAL),
            new NetworkEndpoint(null, peerIp, 443, null, NetworkScope.EXTERNAL), ConnectionDirection.OUTBOUND)),
        List.of(new Observable("device.ip", ObservableType.IP_ADDRESS, deviceIp),
            new Observable("device.hostname", ObservableType.HOSTNAME, host)),
        raw, new TreeMap<>(java.util.Map.of("cef.dvchost", "dt-master-1", "syslog.hostname", "dt-master-1")));
    try {
      JsonNode ocsf = JSON.readTree(OcsfJsonWriter.toBytes(finding));
      return new IngestEvent(applianceId + ":" + offset, time + 1000,
          new IngestEvent.Sender("dt-master-1", "10.0.0.5"), "model_breach", random.nextInt(1000) == 0, ocsf);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String cef(long time, String model, String deviceIp, String peerIp, String host, int score,
      long pbid) {
    return "<134>1 2026-11-27T10:10:00Z dt-master-1 darktrace - - - CEF:0|Darktrace|DETECT|6.2|100|" + model
        + "|" + Math.max(1, score / 10) + "|rt=" + time + " dvc=" + deviceIp + " dvchost=" + host + " dst=" + peerIp
        + " dpt=443 cs1Label=Breach URL cs1=https://dt.example/#modelbreach/" + pbid + " cs2Label=Category cs2="
        + model.substring(0, model.indexOf('/')) + " cn1Label=Score cn1=" + score + " msg=" + model + " breach by "
        + host + " towards " + peerIp;
  }
}
