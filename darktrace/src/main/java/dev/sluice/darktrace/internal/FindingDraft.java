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
import dev.sluice.ocsf.UnmappedMap;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What the CEF and JSON mappers found in one Darktrace message, before it becomes an OCSF
 * Detection Finding. The mappers fill the fields; {@link #build} applies the rules both formats
 * share: enrichment (internal/external, direction), resources, evidences, observables, MITRE
 * table lookup, risk level, activity and status, and the version-independent defaults.
 */
public final class FindingDraft {
    public static final String VENDOR = "Darktrace";

    /** An {@code unmapped} key with its sort number ({@link UnmappedMap#order}), for keys put into every record. */
    public record UnmappedKey(String name, long order) {
        public static UnmappedKey of(String name) {
            return new UnmappedKey(name, UnmappedMap.order(name));
        }
    }

    public AlertKind kind;
    public AlertFormat format;
    public String productName;
    public String productVersion;
    /** The OCSF product when the mapper has it already (then it matches the two fields above), else null. */
    public Product product;
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
    /** The device address: a trimmed literal, not 0.0.0.0/:: (the JSON mapper may set any text; {@link #build} checks it). */
    public String deviceIp;
    public String deviceHostname;
    /** A MAC in OCSF {@code mac_t} form or null (the mappers check it). */
    public String deviceMac;
    public String deviceUid;
    public DeviceType deviceType = DeviceType.UNKNOWN;
    public String srcHostname;
    /** 0-65535, or -1 for none. */
    public int srcPort = -1;
    public String srcMac;
    public String dstHostname;
    /** 0-65535, or -1 for none. */
    public int dstPort = -1;
    public final UnmappedMap.Builder unmapped = UnmappedMap.builder();
    public String rawData;
    private byte[] deviceAddress;
    private String srcIp;
    private byte[] srcAddress;
    private String dstIp;
    private byte[] dstAddress;
    private List<Attack> sourceAttacks;
    private List<RelatedEvent> related;

    /** Puts {@code value} under a key whose sort number is known. */
    public void putUnmapped(UnmappedKey key, String value) {
        unmapped.put(key.name(), key.order(), value);
    }

    /** Sets the device address from a parsed literal (0.0.0.0/:: count as none). */
    void device(CefAlertMapper.Address a) {
        deviceIp = usable(a) ? a.text() : null;
        deviceAddress = deviceIp == null ? null : a.bytes();
    }

    void src(CefAlertMapper.Address a) {
        srcIp = usable(a) ? a.text() : null;
        srcAddress = srcIp == null ? null : a.bytes();
    }

    void dst(CefAlertMapper.Address a) {
        dstIp = usable(a) ? a.text() : null;
        dstAddress = dstIp == null ? null : a.bytes();
    }

    private static boolean usable(CefAlertMapper.Address a) {
        return a != null && !a.isUnspecified();
    }

    /** A MITRE technique the source named itself (added after the table's, each once). */
    public void addSourceAttack(Attack a) {
        if (sourceAttacks == null) {
            sourceAttacks = List.of(a); // the usual one id: the list the record keeps
            return;
        }
        if (!(sourceAttacks instanceof ArrayList)) {
            sourceAttacks = new ArrayList<>(sourceAttacks);
        }
        sourceAttacks.add(a);
    }

    public void addRelated(RelatedEvent e) {
        if (related == null) {
            related = new ArrayList<>(4);
        }
        related.add(e);
    }

    /** The OCSF record. {@code raw} is the frame, used for a content-derived uid when the source has no id. */
    public DetectionFinding build(TenantContext tenant, PipelineOptions options, AttackTable attacks, long receivedAtMillis) {
        String findingUid = uid != null ? uid : contentUid();
        if (deviceIp != null && deviceAddress == null) {
            deviceAddress = IpAddresses.parse(deviceIp);
            deviceIp = deviceAddress == null || IpAddresses.isUnspecified(deviceAddress) ? null : deviceIp.trim();
        }
        String host = blankToNull(deviceHostname);
        String devUid = blankToNull(deviceUid);
        Device device = deviceIp == null && host == null && devUid == null ? null
                : new Device(deviceType, host, deviceIp, deviceMac, null, devUid);
        NetworkEndpoint src = endpoint(tenant, srcIp, srcAddress, srcHostname, srcPort, srcMac);
        boolean srcFromDevice = false;
        if (src == null && device != null) {
            src = new NetworkEndpoint(host, deviceIp, null, deviceMac,
                    deviceIp != null ? tenant.scopeOfAddress(deviceAddress) : tenant.scopeOfHostname(host));
            srcFromDevice = true;
        }
        NetworkEndpoint dst = endpoint(tenant, dstIp, dstAddress, dstHostname, dstPort, null);
        List<Evidence> evidences = src == null && dst == null ? List.of()
                : List.of(new Evidence(src, dst, direction(src, dst)));
        List<ResourceDetails> resources = device == null ? List.of() : List.of(new ResourceDetails("device",
                host != null ? host : deviceIp != null ? deviceIp : devUid, host, deviceIp, ResourceRole.AFFECTED));
        List<Observable> observables = observables(device, host, src, srcFromDevice, dst);
        FindingInfo info = info(findingUid, attacks);
        Metadata metadata = metadata(options, tenant, receivedAtMillis);
        return new DetectionFinding(resolved ? FindingActivity.CLOSE : FindingActivity.CREATE, severity,
                severity == Severity.OTHER ? severityLabel : null, resolved ? FindingStatus.RESOLVED : FindingStatus.NEW,
                time != null ? time : receivedAtMillis, null, null, timezoneOffset, desc != null ? desc : info.title(),
                alertable, riskScore, riskLevel(riskScore), metadata, info, device, resources, evidences,
                observables, rawData, unmapped.build());
    }

    // build() in parts: one method would be too large for the JIT to inline all its small calls.

    private List<Observable> observables(Device device, String host, NetworkEndpoint src, boolean srcFromDevice, NetworkEndpoint dst) {
        String deviceIp = device == null ? null : device.ip();
        Observable[] observables = new Observable[8];
        int n = 0;
        if (device != null) {
            n = observable(observables, n, "device.ip", ObservableType.IP_ADDRESS, deviceIp);
            n = observable(observables, n, "device.hostname", ObservableType.HOSTNAME, host);
            n = observable(observables, n, "device.mac", ObservableType.MAC_ADDRESS, deviceMac);
        }
        if (src != null && !srcFromDevice) {
            if (device == null || !Objects.equals(src.ip(), deviceIp)) {
                n = observable(observables, n, "evidences[0].src_endpoint.ip", ObservableType.IP_ADDRESS, src.ip());
            }
            if (device == null || !Objects.equals(src.hostname(), host)) {
                n = observable(observables, n, "evidences[0].src_endpoint.hostname", ObservableType.HOSTNAME, src.hostname());
            }
        }
        if (dst != null) {
            n = observable(observables, n, "evidences[0].dst_endpoint.ip", ObservableType.IP_ADDRESS, dst.ip());
            n = observable(observables, n, "evidences[0].dst_endpoint.hostname", ObservableType.HOSTNAME, dst.hostname());
        }
        n = observable(observables, n, "finding_info.src_url", ObservableType.URL_STRING, srcUrl);
        return listOf(observables, n);
    }

    private FindingInfo info(String findingUid, AttackTable attacks) {
        String type = alertType == null || alertType.isEmpty() ? null : alertType;
        Analytic analytic = analyticName == null && analyticUid == null ? null
                : new Analytic(analyticUid, analyticName, analyticType, analyticCategory);
        String findingTitle = title != null ? title : type != null ? type : "Darktrace alert";
        return new FindingInfo(findingUid, findingTitle, desc, srcUrl,
                findingType == null ? List.of() : List.of(findingType), analytic,
                attacks.merge(type == null ? "" : type, sourceAttacks == null ? List.of() : sourceAttacks),
                createdTime, startTime, endTime, related == null ? List.of() : related);
    }

    private Metadata metadata(PipelineOptions options, TenantContext tenant, long receivedAtMillis) {
        return new Metadata(options.ocsfVersion(),
                product != null ? product : new Product(VENDOR, productName, productVersion),
                correlationUid, eventCode, logName(), originalTime, receivedAtMillis, tenant.tenantUid());
    }

    /** The first {@code n} elements as an immutable list, without the copy {@code List.of(E...)} makes. */
    static <T> List<T> listOf(T[] a, int n) {
        return switch (n) {
            case 0 -> List.of();
            case 1 -> List.of(a[0]);
            case 2 -> List.of(a[0], a[1]);
            case 3 -> List.of(a[0], a[1], a[2]);
            case 4 -> List.of(a[0], a[1], a[2], a[3]);
            case 5 -> List.of(a[0], a[1], a[2], a[3], a[4]);
            case 6 -> List.of(a[0], a[1], a[2], a[3], a[4], a[5]);
            case 7 -> List.of(a[0], a[1], a[2], a[3], a[4], a[5], a[6]);
            case 8 -> List.of(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7]);
            default -> List.of(Arrays.copyOf(a, n));
        };
    }

    private String contentUid() {
        byte[] bytes = (rawData == null ? "" : rawData).getBytes(StandardCharsets.UTF_8);
        return UUID.nameUUIDFromBytes(bytes).toString();
    }

    private static NetworkEndpoint endpoint(TenantContext tenant, String ip, byte[] address, String hostname, int port, String mac) {
        String host = blankToNull(hostname);
        if (ip == null && host == null) {
            return null;
        }
        NetworkScope scope = ip != null ? tenant.scopeOfAddress(address) : tenant.scopeOfHostname(host);
        return new NetworkEndpoint(host, ip, port < 0 ? null : Integer.valueOf(port), mac, scope);
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

    private static int observable(Observable[] out, int n, String name, ObservableType type, String value) {
        if (value != null && trimToNull(value) != null) {
            out[n++] = new Observable(name, type, value);
        }
        return n;
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

    /** {@link #isMac(String)} for text that is exactly the ASCII bytes {@code b[from, to)} (no trimming). */
    static boolean isMac(byte[] b, int from, int to) {
        if (to - from != 17) {
            return false;
        }
        for (int i = from; i < to; i += 3) {
            if (!isHex(b[i]) || !isHex(b[i + 1]) || (i + 2 < to && b[i + 2] != ':' && b[i + 2] != '-')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isHex(byte c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    private static String blankToNull(String s) {
        return s == null ? null : trimToNull(s);
    }

    /**
     * {@code s.isBlank() ? null : s.trim()}, answered without scanning when the text starts with
     * printable ASCII and does not end in a space or control character (the usual case).
     */
    static String trimToNull(String s) {
        int n = s.length();
        if (n == 0) {
            return null;
        }
        char first = s.charAt(0);
        if (first > ' ' && first < 0x7f && s.charAt(n - 1) > ' ') {
            return s;
        }
        return s.isBlank() ? null : s.trim();
    }

    /** {@code mac} trimmed when it is an OCSF {@code mac_t}, else null. */
    public static String macOrNull(String mac) {
        return isMac(mac) ? mac.trim() : null;
    }
}
