package dev.sluice.darktrace.internal;

import dev.sluice.cef.CefEvent;
import dev.sluice.darktrace.AlertFormat;
import dev.sluice.darktrace.AlertKind;
import dev.sluice.darktrace.RejectionCode;
import dev.sluice.ocsf.AnalyticType;
import dev.sluice.ocsf.Attack;
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
        String mitre = x.take("mitreId");
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
        d.analyticCategory = x.take("cat");
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
        String priority = x.peek("priority");
        d.riskScore = Severities.scorePercent(priority);
        if (d.riskScore != null) {
            x.take("priority");
        }
        String level = x.peek("priorityLevel") != null ? "priorityLevel" : "priority_level";
        Severity fromLevel = Severities.fromLevel(x.peek(level));
        if (fromLevel != null) {
            x.take(level);
            d.severity = fromLevel;
            d.severityLabel = null;
        }
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
     * The extension pairs of one event with consumption tracking: every pair taken by the mapping
     * is remembered and {@link #rest} copies the others into {@code unmapped}. Works on the
     * event's pair indices (keys decoded once, values on demand, no maps), since it runs per message.
     * A duplicated key resolves to its last pair, as in {@link CefEvent#get}.
     */
    private static final class Extensions {
        private final CefEvent event;
        private final int count;
        private final String[] keys;
        private final String[] values;
        private final boolean[] taken;
        private final boolean hasRelayed;
        private final boolean hasLabels;

        Extensions(CefEvent event) {
            this.event = event;
            this.count = event.extensionCount();
            this.keys = new String[count];
            this.values = new String[count];
            this.taken = new boolean[count];
            boolean relayed = false;
            boolean labels = false;
            for (int i = 0; i < count; i++) {
                String k = event.key(i);
                keys[i] = k;
                relayed |= k.startsWith("ad.");
                labels |= k.endsWith("Label");
            }
            this.hasRelayed = relayed;
            this.hasLabels = labels;
        }

        private String value(int i) {
            String v = values[i];
            if (v == null) {
                v = event.value(i);
                values[i] = v;
            }
            return v;
        }

        private int lastIndex(String key) {
            for (int i = count - 1; i >= 0; i--) {
                if (keys[i].equals(key)) {
                    return i;
                }
            }
            return -1;
        }

        /** Index of {@code key}, {@code ad.key} or the custom field labelled {@code key}; -1 when absent. */
        int index(String key) {
            int i = lastIndex(key);
            if (i >= 0) {
                return i;
            }
            if (hasRelayed) {
                i = lastIndex("ad." + key);
                if (i >= 0) {
                    return i;
                }
            }
            if (hasLabels) {
                for (int l = count - 1; l >= 0; l--) {
                    String k = keys[l];
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
        String at(int i) {
            if (i < 0) {
                return null;
            }
            String v = value(i);
            return v.isBlank() ? null : v.trim();
        }

        /** Marks pair {@code i} (and its label, for a custom field) as mapped. */
        void consume(int i) {
            if (i < 0) {
                return;
            }
            taken[i] = true;
            if (hasLabels && isCustomValueKey(keys[i])) {
                int label = lastIndex(keys[i] + "Label");
                if (label >= 0) {
                    taken[label] = true;
                }
            }
        }

        String peek(String key) {
            return at(index(key));
        }

        String take(String key) {
            int i = index(key);
            consume(i);
            return at(i);
        }

        String takeIp(String key) {
            int i = index(key);
            String v = at(i);
            byte[] address = IpAddresses.parse(v);
            if (address == null) {
                return null;
            }
            consume(i);
            return IpAddresses.isUnspecified(address) ? null : v;
        }

        String takeMac(String key) {
            int i = index(key);
            String v = at(i);
            if (!FindingDraft.isMac(v)) {
                return null;
            }
            consume(i);
            return v;
        }

        Integer takePort(String key) {
            int i = index(key);
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
                if (!taken[i] && lastIndex(keys[i]) == i) {
                    d.unmapped.putIfAbsent("cef." + keys[i], value(i));
                }
            }
        }
    }
}
