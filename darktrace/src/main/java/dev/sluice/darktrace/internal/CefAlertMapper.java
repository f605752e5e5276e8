package dev.sluice.darktrace.internal;

import dev.sluice.darktrace.AlertFormat;
import dev.sluice.darktrace.AlertKind;
import dev.sluice.darktrace.RejectionCode;
import dev.sluice.ocsf.AnalyticType;
import dev.sluice.ocsf.Attack;
import dev.sluice.ocsf.Severity;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Darktrace CEF → {@link FindingDraft}. The field mapping and its reasons are in
 * docs/darktrace.md; in short: Name → title and alert type, Signature ID → analytic uid and
 * {@code metadata.event_code}, {@code externalId} / the {@code #modelbreach/<pbid>} of
 * {@code darktraceUrl} → finding uid, {@code dvc}/{@code dvchost}/{@code deviceMacAddress} →
 * device, {@code src*}/{@code dst*} → the evidence's endpoints, {@code message} → description,
 * {@code rt}/{@code start}/{@code end} → times, {@code mitreId} → attacks, {@code groupingId} →
 * correlation uid. Keys relayed by an ArcSight connector as {@code ad.<key>} are read like
 * {@code <key>}; custom fields ({@code cs1}+{@code cs1Label} ...) are found by their label.
 * Every extension key not mapped is kept in {@code unmapped} as {@code cef.<key>}.
 */
public final class CefAlertMapper {
    private static final String[] CUSTOM_PREFIXES = {"cs", "cn", "cfp", "c6a", "flexString", "flexNumber", "deviceCustomDate", "flexDate"};

    private final AttackTable attacks;

    public CefAlertMapper(AttackTable attacks) {
        this.attacks = attacks;
    }

    /** The CEF header fields the mapper reads. */
    public record Header(int version, String vendor, String product, String deviceVersion, String signatureId,
                         String name, String severity) {
    }

    /** Fills {@code d} from a parsed CEF message; returns null on success or why it is not a Darktrace alert. */
    public RejectionCode map(Header h, Map<String, String> ext, ZoneId zone, long receivedAtMillis, FindingDraft d) {
        if (h.vendor() == null || !h.vendor().trim().equalsIgnoreCase(FindingDraft.VENDOR)) {
            return RejectionCode.WRONG_VENDOR;
        }
        Extensions x = new Extensions(ext);
        d.format = AlertFormat.CEF;
        d.alertType = AlertTypes.sanitise(h.name());
        String product = h.product() == null ? "" : h.product().trim();
        String url = x.take("darktraceUrl");
        AlertKind kind = kind(product, d.alertType, url);
        if (kind == null) {
            return RejectionCode.UNKNOWN_PRODUCT;
        }
        d.kind = kind;
        d.productName = product;
        d.productVersion = h.deviceVersion();
        d.eventCode = h.signatureId();
        d.title = d.alertType.isEmpty() ? null : d.alertType;
        d.srcUrl = url;
        d.desc = x.take("message");
        if (d.desc == null) {
            d.desc = x.take("msg");
        }
        severity(h.severity(), d);
        d.unmapped.put("cef.version", Integer.toString(h.version()));
        if (h.severity() != null) {
            d.unmapped.put("cef.severity", h.severity());
        }
        switch (kind) {
            case MODEL_BREACH, TEST_ALERT -> modelBreach(x, url, d);
            case AI_ANALYST -> aiAnalyst(x, url, d);
            case SYSTEM_STATUS -> systemStatus(x, url, d);
            default -> throw new IllegalStateException();
        }
        endpoints(x, d);
        times(x, zone, receivedAtMillis, d);
        String mitre = x.take("mitreId");
        if (mitre != null) {
            for (String id : mitre.split("[,;\\s]+")) {
                Attack a = attacks.attack(id, null);
                if (a != null) {
                    d.sourceAttacks.add(a);
                }
            }
        }
        x.rest(d);
        return null;
    }

    static AlertKind kind(String product, String alertType, String url) {
        if (alertType.equals(JsonAlertMapper.TEST_MODEL) || alertType.endsWith("/" + JsonAlertMapper.TEST_MODEL)) {
            return AlertKind.TEST_ALERT;
        }
        String p = product.toLowerCase(Locale.ROOT);
        if (p.equals("ai analyst")) {
            return AlertKind.AI_ANALYST;
        }
        if (p.contains("system status") || (url != null && url.contains("sysstatus"))) {
            return AlertKind.SYSTEM_STATUS;
        }
        if (p.equals("dcip") || p.equals("enterprise immune system")) {
            return AlertKind.MODEL_BREACH;
        }
        return null;
    }

    private static void severity(String text, FindingDraft d) {
        Severity s = Severities.fromCef(text);
        if (s != null) {
            d.severity = s;
        } else if (text != null && !text.isBlank()) {
            d.severity = Severity.OTHER;
            d.severityLabel = text.trim();
        }
    }

    private void modelBreach(Extensions x, String url, FindingDraft d) {
        boolean test = d.kind == AlertKind.TEST_ALERT;
        d.uid = x.take("externalId");
        if (d.uid == null) {
            d.uid = x.take("pbid");
        }
        if (d.uid == null) {
            d.uid = fragment(url, "#modelbreach/");
        }
        d.analyticUid = d.eventCode;
        d.analyticName = d.title;
        d.analyticType = test ? AnalyticType.RULE : AnalyticType.BEHAVIORAL;
        d.analyticCategory = d.alertType.isEmpty() ? null : AlertTypes.category(d.alertType);
        d.findingType = test ? "Test Alert" : d.analyticCategory;
        String score = x.take("percentscore");
        if (score == null) {
            score = x.take("score");
        }
        if (score == null) {
            score = x.take("breachScore");
        }
        d.riskScore = Severities.scorePercent(score);
        if (score != null && d.riskScore == null) {
            d.unmapped.put("cef.score", score);
        }
        if (test) {
            d.severity = Severity.INFORMATIONAL;
            d.severityLabel = null;
            d.alertable = false;
        }
    }

    private static void aiAnalyst(Extensions x, String url, FindingDraft d) {
        d.uid = fragment(url, "#aiincident/");
        if (d.uid == null) {
            d.uid = fragment(url, "#aiaincidentevent/");
        }
        String external = x.take("externalId");
        if (d.uid == null) {
            d.uid = external;
        } else if (external != null) {
            d.unmapped.put("cef.externalId", external);
        }
        d.correlationUid = x.take("groupingId");
        d.analyticUid = d.eventCode;
        d.analyticName = "Darktrace AI Analyst";
        d.analyticType = AnalyticType.LEARNING;
        d.findingType = "AI Analyst Incident Event";
        String score = x.take("aiaScore");
        d.riskScore = Severities.scorePercent(score);
        if (score != null && d.riskScore == null) {
            d.unmapped.put("cef.aiaScore", score);
        }
    }

    private static void systemStatus(Extensions x, String url, FindingDraft d) {
        d.uid = x.take("externalId");
        if (d.uid == null) {
            d.uid = fragment(url, "alert=");
        }
        d.analyticName = d.title;
        d.analyticUid = d.eventCode;
        d.analyticType = AnalyticType.RULE;
        d.analyticCategory = "System Status";
        d.findingType = "System Status";
        String status = x.take("status");
        if (status != null) {
            d.unmapped.put("cef.status", status);
            d.resolved = status.toLowerCase(Locale.ROOT).startsWith("resolved");
        }
        d.alertable = !d.resolved && d.severity.id() >= Severity.MEDIUM.id() && d.severity != Severity.OTHER;
    }

    private static void endpoints(Extensions x, FindingDraft d) {
        d.deviceIp = x.takeIp("dvc");
        d.deviceHostname = x.take("dvchost");
        d.deviceMac = x.takeMac("deviceMacAddress");
        if (d.deviceMac == null) {
            d.deviceMac = x.takeMac("dvcmac");
        }
        d.srcIp = x.takeIp("src");
        d.srcHostname = x.take("shost");
        d.srcMac = x.takeMac("smac");
        d.srcPort = x.takePort("spt");
        d.dstIp = x.takeIp("dst");
        d.dstHostname = x.take("dhost");
        d.dstPort = x.takePort("dpt");
        if (d.deviceHostname == null && d.deviceMac == null && (d.srcIp != null || d.srcHostname != null)) {
            // No Darktrace device keys: the breach device is the connection's source. An ArcSight
            // connector relaying Darktrace sets dvc to the reporting appliance; keep it, unmapped.
            if (d.deviceIp != null) {
                d.unmapped.put("cef.dvc", d.deviceIp);
            }
            d.deviceIp = d.srcIp;
            d.deviceHostname = d.srcHostname;
            d.deviceMac = d.srcMac;
        }
    }

    private static void times(Extensions x, ZoneId zone, long receivedAtMillis, FindingDraft d) {
        ZoneId deviceZone = zone;
        String dtz = x.peek("dtz");
        if (dtz != null) {
            ZoneId z = EventTimes.zone(dtz);
            if (z != null) {
                deviceZone = z;
            }
        }
        String rt = x.peek("rt");
        EventTimes.EventTime t = EventTimes.parse(rt, deviceZone, receivedAtMillis);
        if (t != null) {
            x.take("rt");
            d.time = t.epochMillis();
            d.originalTime = rt.trim();
            if (!isDigits(rt)) {
                d.timezoneOffset = t.offsetMinutes();
            }
        }
        EventTimes.EventTime start = EventTimes.parse(x.peek("start"), deviceZone, receivedAtMillis);
        if (start != null) {
            x.take("start");
            d.startTime = start.epochMillis();
        }
        EventTimes.EventTime end = EventTimes.parse(x.peek("end"), deviceZone, receivedAtMillis);
        if (end != null) {
            x.take("end");
            d.endTime = end.epochMillis();
        }
    }

    private static boolean isDigits(String s) {
        String t = s.trim();
        for (int i = 0; i < t.length(); i++) {
            if (!Character.isDigit(t.charAt(i))) {
                return false;
            }
        }
        return !t.isEmpty();
    }

    /** The text after {@code marker} in {@code url} up to the next '&', '?' or '#', or null. */
    static String fragment(String url, String marker) {
        if (url == null) {
            return null;
        }
        int i = url.indexOf(marker);
        if (i < 0) {
            return null;
        }
        int start = i + marker.length();
        int end = start;
        while (end < url.length() && "&?#".indexOf(url.charAt(end)) < 0) {
            end++;
        }
        return end > start ? url.substring(start, end) : null;
    }

    /**
     * The extension map with consumption tracking: every key taken by the mapping is remembered,
     * and {@link #rest} copies the others into {@code unmapped}.
     */
    private static final class Extensions {
        private final Map<String, String> values;
        private final Set<String> taken = new HashSet<>();

        Extensions(Map<String, String> values) {
            this.values = values;
        }

        /** The value of {@code key}, {@code ad.key} or the custom field labelled {@code key}, without consuming it. */
        String peek(String key) {
            String k = resolve(key);
            if (k == null) {
                return null;
            }
            String v = values.get(k);
            return v == null || v.isBlank() ? null : v.trim();
        }

        String take(String key) {
            String k = resolve(key);
            if (k == null) {
                return null;
            }
            String v = values.get(k);
            taken.add(k);
            if (isCustomValueKey(k)) {
                taken.add(k + "Label");
            }
            return v == null || v.isBlank() ? null : v.trim();
        }

        String takeIp(String key) {
            String v = peek(key);
            if (v == null || IpAddresses.parse(v) == null) {
                return null;
            }
            take(key);
            return IpAddresses.isUnspecified(IpAddresses.parse(v)) ? null : v;
        }

        String takeMac(String key) {
            String v = peek(key);
            if (!FindingDraft.isMac(v)) {
                return null;
            }
            take(key);
            return v;
        }

        Integer takePort(String key) {
            String v = peek(key);
            if (v == null || v.length() > 5 || !isDigits(v)) {
                return null;
            }
            int port = Integer.parseInt(v);
            if (port > 65535) {
                return null;
            }
            take(key);
            return port;
        }

        private String resolve(String key) {
            if (values.containsKey(key)) {
                return key;
            }
            String relayed = "ad." + key;
            if (values.containsKey(relayed)) {
                return relayed;
            }
            for (Map.Entry<String, String> e : values.entrySet()) {
                String k = e.getKey();
                if (k.endsWith("Label") && key.equalsIgnoreCase(e.getValue().trim())) {
                    String valueKey = k.substring(0, k.length() - "Label".length());
                    if (isCustomValueKey(valueKey) && values.containsKey(valueKey)) {
                        return valueKey;
                    }
                }
            }
            return null;
        }

        private static boolean isCustomValueKey(String k) {
            for (String p : CUSTOM_PREFIXES) {
                if (k.startsWith(p) && k.length() > p.length() && Character.isDigit(k.charAt(p.length()))
                        && k.substring(p.length()).chars().allMatch(Character::isDigit)) {
                    return true;
                }
            }
            return false;
        }

        void rest(FindingDraft d) {
            for (Map.Entry<String, String> e : values.entrySet()) {
                if (!taken.contains(e.getKey())) {
                    d.unmapped.putIfAbsent("cef." + e.getKey(), e.getValue());
                }
            }
        }
    }
}
