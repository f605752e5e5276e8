package dev.sluice.bench;

import dev.sluice.cef.CefRecord;
import dev.sluice.cef.CefWriter;
import dev.sluice.syslog.Framing;
import dev.sluice.syslog.SyslogWriter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A seeded, realistic mix of Darktrace DETECT CEF alerts as they arrive at a receiver: model
 * breaches (Enterprise Immune System), AI Analyst incidents, System/System probe errors and the
 * published ArcSight-relayed DCIP sample, with the keys listed in design/darktrace.md §4. Half
 * carry an RFC 5424 header, half an RFC 3164 header with a tag. The published sample's
 * sanitised {@code smac=1:1:1:1:1:1} is replaced by a valid MAC (parcefone throws on it).
 */
public final class DarktraceMix {

  /** The CEF part of each message (no syslog header). */
  public final List<String> cefBodies;
  /** Each message with its Sluice-side syslog header (5424 or 3164). */
  public final List<String> messages;
  /** The messages LF-framed into one stream, as a socket would deliver them. */
  public final byte[] lfStream;

  private static final String FORTISIEM_SAMPLE = "CEF:0|Darktrace|DCIP|3.0.8|537|Antigena/Network/"
      + "Compliance/Antigena RDP Block|Low| eventId=2 externalId=1462565 art=1536856095244"
      + " deviceSeverity=1 rt=1536856054000 shost=personalpcd698.abccompany.local src=10.10.1.85"
      + " sourceZoneURI=/All Zones/ArcSight System/Private Address Space Zones/RFC1918:"
      + " 192.0.2.0-10.255.255.255 smac=00:50:56:01:01:01 dst=1.1.1.1 destinationZoneURI=/All Zones/"
      + "ArcSight System/Public Address Space Zones/APNIC/1.0.0.0-1.1.1.255 (APNIC) dpt=9999"
      + " ahost=personalpc123.abccompany.local agt=10.10.28.38 agentZoneURI=/All Zones/ArcSight"
      + " System/Private Address Space Zones/RFC1918: 192.0.2.0-10.255.255.255 av=2.2.2.2.0"
      + " atz=CountryA aid=3mAvC02UBABCAa72iNm4jZA\\=\\= at=syslog dvc=10.10.10.10"
      + " deviceZoneURI=/All Zones/ArcSight System/Private Address Space Zones/RFC1918:"
      + " 192.0.2.0-10.255.255.255 dtz=CountryA _cefVer=0.1"
      + " ad.darktraceUrl=https://192.0.2.10/#modelbreach/1462565";

  private static final String[] MODELS = {
      "Anomalous Connection/Anomalous SSL without SNI to New External",
      "Device/Attack and Recon Tools", "User/Unusual External Source for Credential Use",
      "Compromise/Beaconing Activity To External Rare", "Anomalous File/Zip or Gzip from Rare External Location",
      "Antigena/Network/External Threat/Antigena Quarantine Example", "SaaS/Access/Unusual External Source for SaaS Credential Use"};
  private static final String[] MESSAGES = {
      ". . SSL certificate validation failed with (unable to get local issuer certificate)",
      ". . Unusual source for use of example@sample.com from AS2905 TICSA-ASN. example@sample.com",
      ". . Probe error", ". . Connections to rare external endpoint motd.ubuntu.com on port 443"};
  private static final String[] TITLES = {"Extensive Unusual SSH Connections",
      "Possible HTTP Command and Control", "Suspicious Remote WMI Activity", "Unusual Repeated Connections"};

  public DarktraceMix(int count, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<String> bodies = new ArrayList<>(count);
    List<String> lines = new ArrayList<>(count);
    ByteArrayOutputStream stream = new ByteArrayOutputStream(count * 700);
    OffsetDateTime time = OffsetDateTime.of(2026, 11, 27, 10, 0, 0, 0, ZoneOffset.UTC);
    for (int i = 0; i < count; i++) {
      time = time.plusNanos(random.nextLong(1, 2_000_000_000L));
      int kind = random.nextInt(100);
      String body = kind < 70 ? modelBreach(random, i) : kind < 88 ? aiAnalyst(random, i)
          : kind < 96 ? systemBreach(random, i) : FORTISIEM_SAMPLE;
      String header = random.nextBoolean()
          ? SyslogWriter.rfc5424Header(134, time, "dt-01.example.com", "darktrace", null, null, null)
          : SyslogWriter.rfc3164Header(134, time.toLocalDateTime(), "dt-01.example.com", "darktrace");
      String line = header + body;
      bodies.add(body);
      lines.add(line);
      stream.writeBytes(SyslogWriter.frame(line.getBytes(StandardCharsets.UTF_8), Framing.LF));
    }
    this.cefBodies = List.copyOf(bodies);
    this.messages = List.copyOf(lines);
    this.lfStream = stream.toByteArray();
  }

  /** The bodies with the dated, PRI-less prefix every peer accepts ({@code Nov 27 10:00:00 host }). */
  public List<String> withBsdPrefix(boolean withPri) {
    DateTimeFormatter format = DateTimeFormatter.ofPattern("MMM dd HH:mm:ss", Locale.ROOT);
    LocalDateTime time = LocalDateTime.of(2026, 11, 27, 10, 0, 0);
    List<String> out = new ArrayList<>(cefBodies.size());
    for (String body : cefBodies) {
      out.add((withPri ? "<134>" : "") + format.format(time) + " dt-01.example.com " + body);
    }
    return out;
  }

  private static String modelBreach(SplittableRandom r, int i) {
    int pbid = 1_400_000 + i;
    Map<String, String> ext = new LinkedHashMap<>();
    ext.put("externalId", Integer.toString(pbid));
    ext.put("darktraceUrl", "https://dt-01.example.com/#modelbreach/" + pbid);
    ext.put("dvc", ip(r, "10."));
    ext.put("dvchost", "ws-" + r.nextInt(1000) + ".corp.example.com");
    ext.put("deviceMacAddress", mac(r));
    ext.put("dst", ip(r, ""));
    ext.put("dpt", Integer.toString(r.nextInt(1, 65536)));
    ext.put("dhost", "host" + r.nextInt(10_000) + ".example.net");
    ext.put("message", MESSAGES[r.nextInt(MESSAGES.length)]);
    if (r.nextInt(3) == 0) {
      ext.put("long", "-0.1" + r.nextInt(1000));
      ext.put("lat", "51.5" + r.nextInt(1000));
    }
    ext.put("mitreId", "T1" + (100 + r.nextInt(500)));
    String model = MODELS[r.nextInt(MODELS.length)];
    return CefWriter.write(CefRecord.of("Darktrace", "Enterprise Immune System", "6.1.0",
        Integer.toString(r.nextInt(10, 900)), model, Integer.toString(r.nextInt(3, 9)), ext));
  }

  private static String aiAnalyst(SplittableRandom r, int i) {
    String id = "eabc" + Integer.toHexString(0x10000 + i) + "-1234-1234-1234-cabcdefg0011";
    Map<String, String> ext = new LinkedHashMap<>();
    ext.put("externalId", id);
    ext.put("darktraceUrl", "https://dt-01.example.com/#aiincident/" + id);
    ext.put("dvc", ip(r, "10."));
    ext.put("dvchost", "srv-" + r.nextInt(500) + ".corp.example.com");
    ext.put("groupingId", Integer.toHexString(r.nextInt()));
    ext.put("groupByActivity", Integer.toString(r.nextInt(2)));
    ext.put("message", "The device was observed making unusual internal connections to a wide"
        + " range of devices. If this activity was not expected, investigate further.");
    return CefWriter.write(CefRecord.of("Darktrace", "AI Analyst", "6.1.0",
        Integer.toHexString(r.nextInt(1 << 20)), TITLES[r.nextInt(TITLES.length)],
        Integer.toString(r.nextInt(5, 10)), ext));
  }

  private static String systemBreach(SplittableRandom r, int i) {
    Map<String, String> ext = new LinkedHashMap<>();
    ext.put("externalId", Integer.toString(1_500_000 + i));
    ext.put("darktraceUrl", "https://dt-01.example.com/#modelbreach/" + (1_500_000 + i));
    ext.put("dvc", "0.0.0.0");
    ext.put("message", ". . Probe " + ip(r, "10.") + " last contact was " + r.nextInt(60)
        + " minutes ago");
    return CefWriter.write(CefRecord.of("Darktrace", "Enterprise Immune System", "6.1.0", "349",
        "System/System", "5", ext));
  }

  private static String ip(SplittableRandom r, String prefix) {
    StringBuilder ip = new StringBuilder(prefix);
    for (int octet = prefix.isEmpty() ? 0 : 1; octet < 4; octet++) {
      ip.append(octet == (prefix.isEmpty() ? 0 : 1) ? "" : ".").append(r.nextInt(1, 255));
    }
    return ip.toString();
  }

  private static String mac(SplittableRandom r) {
    StringBuilder mac = new StringBuilder();
    for (int b = 0; b < 6; b++) {
      mac.append(b == 0 ? "" : ":").append(String.format("%02x", r.nextInt(256)));
    }
    return mac.toString();
  }
}
