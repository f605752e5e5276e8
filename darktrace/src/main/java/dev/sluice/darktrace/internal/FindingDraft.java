package dev.sluice.darktrace.internal;

import dev.sluice.darktrace.AlertFormat;
import dev.sluice.darktrace.AlertKind;
import dev.sluice.darktrace.PipelineOptions;
import dev.sluice.darktrace.TenantContext;
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
import dev.sluice.ocsf.NetworkEndpoint;
import dev.sluice.ocsf.NetworkScope;
import dev.sluice.ocsf.Observable;
import dev.sluice.ocsf.ObservableType;
import dev.sluice.ocsf.Product;
import dev.sluice.ocsf.RelatedEvent;
import dev.sluice.ocsf.ResourceDetails;
import dev.sluice.ocsf.ResourceRole;
import dev.sluice.ocsf.RiskLevel;
import dev.sluice.ocsf.Severity;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;

/**
 * What the CEF and JSON mappers found in one Darktrace message, before it becomes an OCSF
 * Detection Finding. The mappers fill the fields; {@link #build} applies the rules both formats
 * share: enrichment (internal/external, direction), resources, evidences, observables, MITRE
 * table lookup, risk level, activity and status, and the version-independent defaults.
 */
public final class FindingDraft {
    public static final String VENDOR = "Darktrace";

    public AlertKind kind;
    public AlertFormat format;
    public String productName;
    public String productVersion;
    public String eventCode;
    public String title;
    public String alertType;
    public String uid;
    public String srcUrl;
    public String desc;
    public String correlationUid;
    public Severity severity = Severity.UNKNOWN;
    public String severityLabel;
    public Integer riskScore;
    public boolean resolved;
    public boolean alertable = true;
    public Long time;
    public String originalTime;
    public Integer timezoneOffset;
    public Long startTime;
    public Long endTime;
    public Long createdTime;
    public String analyticUid;
    public String analyticName;
    public AnalyticType analyticType = AnalyticType.BEHAVIORAL;
    public String analyticCategory;
    public String findingType;
    public String deviceIp;
    public String deviceHostname;
    public String deviceMac;
    public String deviceUid;
    public DeviceType deviceType = DeviceType.UNKNOWN;
    public String srcIp;
    public String srcHostname;
    public Integer srcPort;
    public String srcMac;
    public String dstIp;
    public String dstHostname;
    public Integer dstPort;
    public final List<Attack> sourceAttacks = new ArrayList<>(2);
    public final List<RelatedEvent> related = new ArrayList<>(0);
    public final TreeMap<String, String> unmapped = new TreeMap<>();
    public String rawData;

    /** The OCSF record. {@code raw} is the frame, used for a content-derived uid when the source has no id. */
    public DetectionFinding build(TenantContext tenant, PipelineOptions options, AttackTable attacks, long receivedAtMillis) {
        String findingUid = uid != null ? uid : contentUid();
        Device device = device();
        NetworkEndpoint src = endpoint(tenant, srcIp, srcHostname, srcPort, srcMac);
        boolean srcFromDevice = false;
        if (src == null && device != null) {
            src = new NetworkEndpoint(device.hostname(), device.ip(), null, device.mac(),
                    device.ip() != null ? tenant.scopeOfAddress(deviceAddress) : tenant.scopeOfHostname(device.hostname()));
            srcFromDevice = true;
        }
        NetworkEndpoint dst = endpoint(tenant, dstIp, dstHostname, dstPort, null);
        List<Evidence> evidences = src == null && dst == null ? List.of()
                : List.of(new Evidence(src, dst, direction(src, dst)));
        List<ResourceDetails> resources = device == null ? List.of() : List.of(new ResourceDetails("device",
                first(device.hostname(), device.ip(), device.uid()), device.hostname(), device.ip(), ResourceRole.AFFECTED));
        List<Observable> observables = new ArrayList<>(6);
        if (device != null) {
            observable(observables, "device.ip", ObservableType.IP_ADDRESS, device.ip());
            observable(observables, "device.hostname", ObservableType.HOSTNAME, device.hostname());
            observable(observables, "device.mac", ObservableType.MAC_ADDRESS, device.mac());
        }
        if (src != null && !srcFromDevice) {
            if (device == null || !java.util.Objects.equals(src.ip(), device.ip())) {
                observable(observables, "evidences[0].src_endpoint.ip", ObservableType.IP_ADDRESS, src.ip());
            }
            if (device == null || !java.util.Objects.equals(src.hostname(), device.hostname())) {
                observable(observables, "evidences[0].src_endpoint.hostname", ObservableType.HOSTNAME, src.hostname());
            }
        }
        if (dst != null) {
            observable(observables, "evidences[0].dst_endpoint.ip", ObservableType.IP_ADDRESS, dst.ip());
            observable(observables, "evidences[0].dst_endpoint.hostname", ObservableType.HOSTNAME, dst.hostname());
        }
        observable(observables, "finding_info.src_url", ObservableType.URL_STRING, srcUrl);

        String type = alertType == null || alertType.isEmpty() ? null : alertType;
        Analytic analytic = analyticName == null && analyticUid == null ? null
                : new Analytic(analyticUid, analyticName, analyticType, analyticCategory);
        FindingInfo info = new FindingInfo(findingUid, title != null ? title : type != null ? type : "Darktrace alert", desc, srcUrl,
                findingType == null ? List.of() : List.of(findingType), analytic,
                attacks.merge(type == null ? "" : type, sourceAttacks), createdTime, startTime, endTime, related);
        Metadata metadata = new Metadata(options.ocsfVersion(), new Product(VENDOR, productName, productVersion),
                correlationUid, eventCode, logName(), originalTime, receivedAtMillis, tenant.tenantUid());
        return new DetectionFinding(resolved ? FindingActivity.CLOSE : FindingActivity.CREATE, severity,
                severity == Severity.OTHER ? severityLabel : null, resolved ? FindingStatus.RESOLVED : FindingStatus.NEW,
                time != null ? time : receivedAtMillis, null, null, timezoneOffset, desc != null ? desc : info.title(),
                alertable, riskScore, riskLevel(riskScore), metadata, info, device, resources, evidences, observables,
                rawData, unmapped);
    }

    private String contentUid() {
        byte[] bytes = (rawData == null ? "" : rawData).getBytes(StandardCharsets.UTF_8);
        return UUID.nameUUIDFromBytes(bytes).toString();
    }

    /** The parsed {@link #deviceIp}, set by {@link #device()}. */
    private byte[] deviceAddress;

    private Device device() {
        deviceAddress = deviceIp == null ? null : IpAddresses.parse(deviceIp);
        String ip = deviceAddress == null || IpAddresses.isUnspecified(deviceAddress) ? null : deviceIp.trim();
        String host = blankToNull(deviceHostname);
        String devUid = blankToNull(deviceUid);
        if (ip == null && host == null && devUid == null) {
            return null;
        }
        return new Device(deviceType, host, ip, isMac(deviceMac) ? deviceMac.trim() : null, null, devUid);
    }

    private static NetworkEndpoint endpoint(TenantContext tenant, String ip, String hostname, Integer port, String mac) {
        byte[] address = ip == null ? null : IpAddresses.parse(ip);
        boolean usable = address != null && !IpAddresses.isUnspecified(address);
        String host = blankToNull(hostname);
        if (!usable && host == null) {
            return null;
        }
        NetworkScope scope = usable ? tenant.scopeOfAddress(address) : tenant.scopeOfHostname(host);
        return new NetworkEndpoint(host, usable ? ip.trim() : null, port, isMac(mac) ? mac.trim() : null, scope);
    }

    static ConnectionDirection direction(NetworkEndpoint src, NetworkEndpoint dst) {
        if (src == null || dst == null) {
            return ConnectionDirection.UNKNOWN;
        }
        NetworkScope from = src.scope();
        NetworkScope to = dst.scope();
        if (from == NetworkScope.INTERNAL && to == NetworkScope.EXTERNAL) {
            return ConnectionDirection.OUTBOUND;
        }
        if (from == NetworkScope.EXTERNAL && to == NetworkScope.INTERNAL) {
            return ConnectionDirection.INBOUND;
        }
        if (from == NetworkScope.INTERNAL && to == NetworkScope.INTERNAL) {
            return ConnectionDirection.LATERAL;
        }
        return ConnectionDirection.UNKNOWN;
    }

    /** Darktrace breach score percent → OCSF risk level: <25 Low, <50 Medium, <75 High, else Critical. */
    static RiskLevel riskLevel(Integer score) {
        if (score == null) {
            return null;
        }
        return score < 25 ? RiskLevel.LOW : score < 50 ? RiskLevel.MEDIUM : score < 75 ? RiskLevel.HIGH : RiskLevel.CRITICAL;
    }

    private String logName() {
        return switch (kind) {
            case MODEL_BREACH -> "darktrace_model_breach";
            case AI_ANALYST -> "darktrace_ai_analyst";
            case SYSTEM_STATUS -> "darktrace_system_status";
            case TEST_ALERT -> "darktrace_test_alert";
        };
    }

    private static void observable(List<Observable> out, String name, ObservableType type, String value) {
        if (value != null && !value.isBlank()) {
            out.add(new Observable(name, type, value));
        }
    }

    /** The trimmed address when it is a literal and not 0.0.0.0/::, else null. */
    public static String usableIp(String ip) {
        if (ip == null) {
            return null;
        }
        byte[] bytes = IpAddresses.parse(ip);
        return bytes == null || IpAddresses.isUnspecified(bytes) ? null : ip.trim();
    }

    /** OCSF mac_t: six hex pairs separated by ':' or '-'. */
    public static boolean isMac(String mac) {
        if (mac == null) {
            return false;
        }
        String m = mac.trim();
        if (m.length() != 17) {
            return false;
        }
        for (int i = 0; i < 17; i++) {
            char c = m.charAt(i);
            boolean ok = i % 3 == 2 ? c == ':' || c == '-' : Character.digit(c, 16) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
