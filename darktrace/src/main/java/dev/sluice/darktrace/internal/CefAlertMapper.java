package dev.sluice.darktrace.internal;

import dev.sluice.cef.CefEvent;
import dev.sluice.darktrace.AlertFormat;
import dev.sluice.darktrace.AlertKind;
import dev.sluice.darktrace.RejectionCode;
import dev.sluice.ocsf.AnalyticType;
import dev.sluice.ocsf.Attack;
import dev.sluice.ocsf.DeviceType;
import dev.sluice.ocsf.Severity;
import java.time.ZoneId;
import java.util.Locale;

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

    /** Fills {@code d} from a parsed CEF event; returns null on success or why it is not a Darktrace alert. */
    public RejectionCode map(CefEvent h, ZoneId zone, long receivedAtMillis, FindingDraft d) {
        if (!h.isVendor(FindingDraft.VENDOR) && !h.deviceVendor().trim().equalsIgnoreCase(FindingDraft.VENDOR)) {
            return RejectionCode.WRONG_VENDOR;
        }
        Extensions x = new Extensions(h);
        d.format = AlertFormat.CEF;
        d.alertType = AlertTypes.sanitise(h.name());
        String product = h.deviceProduct().trim();
        String url = x.takeCustom("darktraceUrl");
        AlertKind kind = kind(product, d.alertType, url);
        if (kind == null) {
            return RejectionCode.UNKNOWN_PRODUCT;
        }
        d.kind = kind;
        d.productName = product;
        d.productVersion = h.deviceVersion();
        d.eventCode = h.signatureId();
        d.title = AlertTypes.asSent(h.name());
        d.srcUrl = url;
        d.desc = x.takeCustom("message");
        if (d.desc == null) {
            d.desc = x.take("msg");
        }
        severity(h.severity(), d);
        d.unmapped.put("cef.version", h.version() == 0 ? "0" : Integer.toString(h.version()));
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
        String mitre = x.takeCustom("mitreId");
        if (mitre != null) {
            int start = 0;
            for (int i = 0; i <= mitre.length(); i++) {
                if (i == mitre.length() || mitre.charAt(i) == ',' || mitre.charAt(i) == ';' || mitre.charAt(i) == ' ') {
                    if (i > start) {
                        Attack a = attacks.attack(mitre.substring(start, i), null);
                        if (a != null) {
                            d.sourceAttacks.add(a);
                        }
                    }
                    start = i + 1;
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
            d.uid = x.takeCustom("pbid");
        }
        if (d.uid == null) {
            d.uid = fragment(url, "#modelbreach/");
        }
        d.analyticUid = d.eventCode;
        d.analyticName = d.title;
        d.analyticType = test ? AnalyticType.RULE : AnalyticType.BEHAVIORAL;
        d.analyticCategory = d.alertType.isEmpty() ? null : AlertTypes.category(d.alertType);
        d.findingType = test ? "Test Alert" : d.analyticCategory;
        if (!test) {
            // The test alert's fixed score=1 says nothing about risk: it stays in unmapped (cef.score).
            breachScore(x, d);
        }
        if (test) {
            d.severity = Severity.INFORMATIONAL;
            d.severityLabel = null;
            d.alertable = false;
        }
    }

    /** {@code percentscore} (0–100), else {@code score} (0–1), else a {@code breachScore} of either scale. */
    private static void breachScore(Extensions x, FindingDraft d) {
        String percent = x.takeCustom("percentscore");
        if (percent != null) {
            d.riskScore = Severities.percent(percent);
            keepUnread(d, "cef.percentscore", percent);
            return;
        }
        String score = x.takeCustom("score");
        if (score != null) {
            d.riskScore = Severities.fractionScore(score);
            keepUnread(d, "cef.score", score);
            return;
        }
        String other = x.takeCustom("breachScore");
        if (other != null) {
            d.riskScore = Severities.scorePercent(other);
            keepUnread(d, "cef.breachScore", other);
        }
    }

    /** Keeps a consumed value that could not be read in {@code unmapped}. */
    private static void keepUnread(FindingDraft d, String key, String value) {
        if (d.riskScore == null) {
            d.unmapped.put(key, value);
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
        d.correlationUid = x.takeCustom("groupingId");
        d.analyticUid = d.eventCode;
        d.analyticName = "Darktrace AI Analyst";
        d.analyticType = AnalyticType.LEARNING;
        d.findingType = "AI Analyst Incident Event";
        d.analyticCategory = x.take("cat");
        String score = x.takeCustom("aiaScore");
        if (score != null) {
            d.riskScore = Severities.percent(score);
            keepUnread(d, "cef.aiaScore", score);
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
        d.deviceType = DeviceType.SERVER;
        String priority = x.peekCustom("priority");
        d.riskScore = Severities.percent(priority);
        if (d.riskScore != null) {
            x.takeCustom("priority");
        }
        String level = x.peekCustom("priorityLevel") != null ? "priorityLevel" : "priority_level";
        Severity fromLevel = Severities.fromLevel(x.peekCustom(level));
        if (fromLevel != null) {
            x.takeCustom(level);
            d.severity = fromLevel;
            d.severityLabel = null;
        }
        String status = x.takeCustom("status");
        if (status != null) {
            d.unmapped.put("cef.status", status);
            d.resolved = status.toLowerCase(Locale.ROOT).startsWith("resolved");
        }
        d.alertable = !d.resolved && d.severity.id() >= Severity.MEDIUM.id() && d.severity != Severity.OTHER;
    }

    private static void endpoints(Extensions x, FindingDraft d) {
        d.deviceIp = x.takeIp("dvc");
        d.deviceHostname = x.take("dvchost");
        d.deviceMac = x.takeMac("deviceMacAddress", true);
        if (d.deviceMac == null) {
            d.deviceMac = x.takeMac("dvcmac", false);
        }
        d.srcIp = x.takeIp("src");
        d.srcHostname = x.take("shost");
        d.srcMac = x.takeMac("smac", false);
        d.srcPort = x.takePort("spt");
        d.dstIp = x.takeIp("dst");
        d.dstHostname = x.take("dhost");
        d.dstPort = x.takePort("dpt");
        if (d.kind == AlertKind.SYSTEM_STATUS && d.deviceIp == null && d.deviceHostname == null) {
            // A status alert's device is the Darktrace component, sent as in the JSON form.
            d.deviceIp = x.takeIp("ip_address");
            d.deviceHostname = x.take("hostname");
        }
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
     * The extension pairs of one event with consumption tracking: every pair taken by the mapping
     * is remembered and {@link #rest} copies the others into {@code unmapped}. Works on the
     * event's pair indices (keys decoded once, values on demand, no maps), since it runs per message.
     * A duplicated key resolves to its last pair, as in {@link CefEvent#get}.
     */
    private static final class Extensions {
        private final CefEvent event;
        private final int count;
        private final String[] values;
        private final boolean[] taken;
        private String[] keys;
        private boolean scanned;
        private boolean hasRelayed;
        private boolean hasLabels;

        Extensions(CefEvent event) {
            this.event = event;
            this.count = event.extensionCount();
            this.values = new String[count];
            this.taken = new boolean[count];
        }

        private String value(int i) {
            String v = values[i];
            if (v == null) {
                v = event.value(i);
                values[i] = v;
            }
            return v;
        }

        private String key(int i) {
            if (keys == null) {
                keys = new String[count];
            }
            String k = keys[i];
            if (k == null) {
                k = event.key(i);
                keys[i] = k;
            }
            return k;
        }

        /** Decodes the keys once, to know whether relayed ({@code ad.}) keys or custom-field labels exist. */
        private void scan() {
            if (!scanned) {
                scanned = true;
                for (int i = 0; i < count; i++) {
                    String k = key(i);
                    hasRelayed |= k.startsWith("ad.");
                    hasLabels |= k.endsWith("Label");
                }
            }
        }

        /** Index of the last pair with exactly this key (compared on the bytes, nothing decoded), or -1. */
        private int lastIndex(String key) {
            return event.lastIndexOf(key);
        }

        /**
         * Index of a Darktrace-specific key: {@code key}, else {@code ad.key} (ArcSight relays
         * prefix keys they do not know), else the custom field labelled {@code key}; -1 when absent.
         */
        private int customIndex(String key) {
            int i = lastIndex(key);
            if (i >= 0) {
                return i;
            }
            scan();
            if (hasRelayed) {
                i = lastIndex("ad." + key);
                if (i >= 0) {
                    return i;
                }
            }
            if (hasLabels) {
                for (int l = count - 1; l >= 0; l--) {
                    String k = key(l);
                    if (k.endsWith("Label") && key.equalsIgnoreCase(value(l).trim())) {
                        String valueKey = k.substring(0, k.length() - "Label".length());
                        int v = isCustomValueKey(valueKey) ? lastIndex(valueKey) : -1;
                        if (v >= 0) {
                            return v;
                        }
                    }
                }
            }
            return -1;
        }

        /** The trimmed value at {@code i}, or null when {@code i < 0} or the value is blank. */
        private String at(int i) {
            if (i < 0) {
                return null;
            }
            String v = value(i);
            return v.isBlank() ? null : v.trim();
        }

        /** Marks pair {@code i} (and its label, for a custom field) as mapped. */
        private void consume(int i) {
            if (i < 0) {
                return;
            }
            taken[i] = true;
            if (scanned && hasLabels && isCustomValueKey(key(i))) {
                int label = lastIndex(key(i) + "Label");
                if (label >= 0) {
                    taken[label] = true;
                }
            }
        }

        /** A standard CEF key, without fallbacks, not consumed. */
        String peek(String key) {
            return at(lastIndex(key));
        }

        /** A Darktrace-specific key (with fallbacks), not consumed. */
        String peekCustom(String key) {
            return at(customIndex(key));
        }

        /** A standard CEF key, consumed. */
        String take(String key) {
            int i = lastIndex(key);
            consume(i);
            return at(i);
        }

        /** A Darktrace-specific key (with fallbacks), consumed. */
        String takeCustom(String key) {
            int i = customIndex(key);
            consume(i);
            return at(i);
        }

        String takeIp(String key) {
            int i = lastIndex(key);
            String v = at(i);
            byte[] address = IpAddresses.parse(v);
            if (address == null) {
                return null;
            }
            consume(i);
            return IpAddresses.isUnspecified(address) ? null : v;
        }

        String takeMac(String key, boolean custom) {
            int i = custom ? customIndex(key) : lastIndex(key);
            String v = at(i);
            if (!FindingDraft.isMac(v)) {
                return null;
            }
            consume(i);
            return v;
        }

        Integer takePort(String key) {
            int i = lastIndex(key);
            String v = at(i);
            if (v == null || v.length() > 5 || !isDigits(v)) {
                return null;
            }
            int port = Integer.parseInt(v);
            if (port > 65535) {
                return null;
            }
            consume(i);
            return port;
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
            for (int i = 0; i < count; i++) {
                if (!taken[i]) {
                    String k = key(i);
                    if (lastIndex(k) == i) {
                        d.unmapped.putIfAbsent("cef." + k, value(i));
                    }
                }
            }
        }
    }
}
