package dev.sluice.darktrace.internal;

import dev.sluice.cef.CefEvent;
import dev.sluice.darktrace.AlertFormat;
import dev.sluice.darktrace.AlertKind;
import dev.sluice.darktrace.RejectionCode;
import dev.sluice.ocsf.AnalyticType;
import dev.sluice.ocsf.Attack;
import dev.sluice.ocsf.DeviceType;
import dev.sluice.ocsf.Severity;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;

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
    private static final String TEST_MODEL_PATH = "/" + JsonAlertMapper.TEST_MODEL;
    private static final int SIGNATURE_ID = 4;
    private static final int SEVERITY = 6;
    private static final FindingDraft.UnmappedKey CEF_SEVERITY = FindingDraft.UnmappedKey.of("cef.severity");
    private static final FindingDraft.UnmappedKey CEF_VERSION = FindingDraft.UnmappedKey.of("cef.version");

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
        AlertNames.Name name = AlertNames.of(h);
        d.alertType = name.alertType();
        ProductNames.Names products = ProductNames.of(h);
        String product = products.product();
        String url = x.takeCustom(Extensions.DARKTRACE_URL);
        AlertKind kind = kind(product, d.alertType, url);
        if (kind == null) {
            return RejectionCode.UNKNOWN_PRODUCT;
        }
        d.kind = kind;
        d.productName = product;
        d.productVersion = products.version();
        d.product = products.ocsf();
        d.eventCode = header(h, SIGNATURE_ID);
        d.title = name.title();
        d.srcUrl = url;
        d.desc = x.takeCustom(Extensions.MESSAGE);
        if (d.desc == null) {
            d.desc = x.take(Extensions.MSG);
        }
        String severity = header(h, SEVERITY);
        severity(severity, d);
        if (severity != null) {
            d.putUnmapped(CEF_SEVERITY, severity);
        }
        int version = h.version();
        d.putUnmapped(CEF_VERSION, SmallNumbers.of(version));
        switch (kind) {
            case MODEL_BREACH, TEST_ALERT -> modelBreach(x, url, name.category(), d);
            case AI_ANALYST -> aiAnalyst(x, url, d);
            case SYSTEM_STATUS -> systemStatus(x, url, d);
            default -> throw new IllegalStateException();
        }
        endpoints(x, d);
        times(x, zone, receivedAtMillis, d);
        int mitre = x.takeCustomIndex(Extensions.MITRE_ID);
        if (mitre >= 0) {
            sourceAttacks(x, mitre, d);
        }
        x.rest(d);
        return null;
    }

    /**
     * The technique ids of {@code mitreId} (pair {@code i}), split at ',', ';' and ' '. Printable
     * ASCII without an escape is read on the bytes (the decoded text is the same); anything else is
     * decoded and trimmed first.
     */
    private void sourceAttacks(Extensions x, int i, FindingDraft d) {
        byte[] b = x.array();
        int from = x.valueFrom(i);
        int to = x.valueTo(i);
        if (!Extensions.isPlain(b, from, to)) {
            String mitre = x.valueAt(i);
            if (mitre == null) {
                return;
            }
            int start = 0;
            for (int k = 0; k <= mitre.length(); k++) {
                if (k == mitre.length() || mitre.charAt(k) == ',' || mitre.charAt(k) == ';' || mitre.charAt(k) == ' ') {
                    if (k > start) {
                        addAttack(attacks.attack(mitre.substring(start, k), null), d);
                    }
                    start = k + 1;
                }
            }
            return;
        }
        int start = from;
        for (int k = from; k <= to; k++) {
            if (k == to || b[k] == ',' || b[k] == ';' || b[k] == ' ') {
                if (k > start) {
                    addAttack(attacks.attack(b, start, k), d);
                }
                start = k + 1;
            }
        }
    }

    private static void addAttack(Attack a, FindingDraft d) {
        if (a != null) {
            d.addSourceAttack(a);
        }
    }

    /** Header field {@code field} as sent: a small number's shared text, else decoded. */
    private static String header(CefEvent h, int field) {
        if (!h.headerEscaped(field)) {
            String number = SmallNumbers.text(h.array(), h.headerFrom(field), h.headerTo(field));
            if (number != null) {
                return number;
            }
        }
        return field == SIGNATURE_ID ? h.signatureId() : h.severity();
    }

    static AlertKind kind(String product, String alertType, String url) {
        if (alertType.equals(JsonAlertMapper.TEST_MODEL) || alertType.endsWith(TEST_MODEL_PATH)) {
            return AlertKind.TEST_ALERT;
        }
        boolean statusUrl = url != null && url.contains("sysstatus");
        // Exact spellings first: a case-blind comparison costs a character-by-character loop.
        if (product.equals("Enterprise Immune System") || product.equals("DCIP")) {
            return statusUrl ? AlertKind.SYSTEM_STATUS : AlertKind.MODEL_BREACH;
        }
        if (product.equals("AI Analyst") || product.equalsIgnoreCase("ai analyst")) {
            return AlertKind.AI_ANALYST;
        }
        if (product.equalsIgnoreCase("enterprise immune system") || product.equalsIgnoreCase("dcip")) {
            return statusUrl ? AlertKind.SYSTEM_STATUS : AlertKind.MODEL_BREACH;
        }
        return statusUrl || containsIgnoreCase(product, "system status") ? AlertKind.SYSTEM_STATUS : null;
    }

    private static boolean containsIgnoreCase(String s, String part) {
        for (int i = 0; i + part.length() <= s.length(); i++) {
            if (s.regionMatches(true, i, part, 0, part.length())) {
                return true;
            }
        }
        return false;
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

    private void modelBreach(Extensions x, String url, String category, FindingDraft d) {
        boolean test = d.kind == AlertKind.TEST_ALERT;
        d.uid = x.take(Extensions.EXTERNAL_ID);
        if (d.uid == null) {
            d.uid = x.takeCustom(Extensions.PBID);
        }
        if (d.uid == null) {
            d.uid = fragment(url, "#modelbreach/");
        }
        d.analyticUid = d.eventCode;
        d.analyticName = d.title;
        d.analyticType = test ? AnalyticType.RULE : AnalyticType.BEHAVIORAL;
        d.analyticCategory = category;
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
        String percent = x.takeCustom(Extensions.PERCENT_SCORE);
        if (percent != null) {
            d.riskScore = Severities.percent(percent);
            keepUnread(d, "cef.percentscore", percent);
            return;
        }
        String score = x.takeCustom(Extensions.SCORE);
        if (score != null) {
            d.riskScore = Severities.fractionScore(score);
            keepUnread(d, "cef.score", score);
            return;
        }
        String other = x.takeCustom(Extensions.BREACH_SCORE);
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
        String external = x.take(Extensions.EXTERNAL_ID);
        if (d.uid == null) {
            d.uid = external;
        } else if (external != null) {
            d.unmapped.put("cef.externalId", external);
        }
        d.correlationUid = x.takeCustom(Extensions.GROUPING_ID);
        d.analyticUid = d.eventCode;
        d.analyticName = "Darktrace AI Analyst";
        d.analyticType = AnalyticType.LEARNING;
        d.findingType = "AI Analyst Incident Event";
        d.analyticCategory = x.take(Extensions.CAT);
        String score = x.takeCustom(Extensions.AIA_SCORE);
        if (score != null) {
            d.riskScore = Severities.percent(score);
            keepUnread(d, "cef.aiaScore", score);
        }
    }

    private static void systemStatus(Extensions x, String url, FindingDraft d) {
        d.uid = x.take(Extensions.EXTERNAL_ID);
        if (d.uid == null) {
            d.uid = fragment(url, "alert=");
        }
        d.analyticName = d.title;
        d.analyticUid = d.eventCode;
        d.analyticType = AnalyticType.RULE;
        d.analyticCategory = "System Status";
        d.findingType = "System Status";
        d.deviceType = DeviceType.SERVER;
        String priority = x.peekCustom(Extensions.PRIORITY);
        d.riskScore = Severities.percent(priority);
        if (d.riskScore != null) {
            x.takeCustom(Extensions.PRIORITY);
        }
        int level = x.peekCustom(Extensions.PRIORITY_LEVEL) != null ? Extensions.PRIORITY_LEVEL : Extensions.PRIORITY_LEVEL_SNAKE;
        Severity fromLevel = Severities.fromLevel(x.peekCustom(level));
        if (fromLevel != null) {
            x.takeCustom(level);
            d.severity = fromLevel;
            d.severityLabel = null;
        }
        String status = x.takeCustom(Extensions.STATUS);
        if (status != null) {
            d.unmapped.put("cef.status", status);
            d.resolved = status.regionMatches(true, 0, "resolved", 0, "resolved".length());
        }
        d.alertable = !d.resolved && d.severity.id() >= Severity.MEDIUM.id() && d.severity != Severity.OTHER;
    }

    private static void endpoints(Extensions x, FindingDraft d) {
        Address device = x.takeIp(Extensions.DVC);
        d.deviceHostname = x.take(Extensions.DVCHOST);
        d.deviceMac = x.takeMac(Extensions.DEVICE_MAC, true);
        if (d.deviceMac == null) {
            d.deviceMac = x.takeMac(Extensions.DVCMAC, false);
        }
        Address src = x.takeIp(Extensions.SRC);
        d.srcHostname = x.take(Extensions.SHOST);
        d.srcMac = x.takeMac(Extensions.SMAC, false);
        d.srcPort = x.takePort(Extensions.SPT);
        d.dst(x.takeIp(Extensions.DST));
        d.dstHostname = x.take(Extensions.DHOST);
        d.dstPort = x.takePort(Extensions.DPT);
        if (d.kind == AlertKind.SYSTEM_STATUS && (device == null || device.isUnspecified()) && d.deviceHostname == null) {
            // A status alert's device is the Darktrace component, sent as in the JSON form.
            device = x.takeIp(Extensions.IP_ADDRESS);
            d.deviceHostname = x.take(Extensions.HOSTNAME);
        }
        boolean usableSrc = src != null && !src.isUnspecified();
        if (d.deviceHostname == null && d.deviceMac == null && (usableSrc || d.srcHostname != null)) {
            // No Darktrace device keys: the breach device is the connection's source. An ArcSight
            // connector relaying Darktrace sets dvc to the reporting appliance; keep it, unmapped.
            if (device != null && !device.isUnspecified()) {
                d.unmapped.put("cef.dvc", device.text());
            }
            device = src;
            d.deviceHostname = d.srcHostname;
            d.deviceMac = d.srcMac;
        }
        d.device(device);
        d.src(src);
    }

    private static void times(Extensions x, ZoneId zone, long receivedAtMillis, FindingDraft d) {
        ZoneId deviceZone = zone;
        String dtz = x.peek(Extensions.DTZ);
        if (dtz != null) {
            ZoneId z = EventTimes.zone(dtz);
            if (z != null) {
                deviceZone = z;
            }
        }
        String rt = x.peek(Extensions.RT);
        EventTimes.EventTime t = EventTimes.parse(rt, deviceZone, receivedAtMillis);
        if (t != null) {
            x.take(Extensions.RT);
            d.time = t.epochMillis();
            d.originalTime = rt;
            if (!isDigits(rt)) {
                d.timezoneOffset = t.offsetMinutes();
            }
        }
        EventTimes.EventTime start = EventTimes.parse(x.peek(Extensions.START), deviceZone, receivedAtMillis);
        if (start != null) {
            x.take(Extensions.START);
            d.startTime = start.epochMillis();
        }
        EventTimes.EventTime end = EventTimes.parse(x.peek(Extensions.END), deviceZone, receivedAtMillis);
        if (end != null) {
            x.take(Extensions.END);
            d.endTime = end.epochMillis();
        }
    }

    /** Digits only (the text is already trimmed). */
    private static boolean isDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return !s.isEmpty();
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
     * is remembered and {@link #rest} copies the others into {@code unmapped}. One pass finds each
     * key's {@link CefKeyDictionary} entry on the event's bytes (no key is decoded) and files the
     * keys the mapping reads under their slot number, so a lookup is an array read; values are
     * decoded on demand, and numbers and addresses are read on the bytes where that gives the same
     * result. A duplicated key resolves to its
     * last pair, as in {@link CefEvent#get}.
     */
    static final class Extensions {
        static final int EXTERNAL_ID = 0;
        static final int DARKTRACE_URL = 1;
        static final int MESSAGE = 2;
        static final int MSG = 3;
        static final int PBID = 4;
        static final int PERCENT_SCORE = 5;
        static final int SCORE = 6;
        static final int BREACH_SCORE = 7;
        static final int GROUPING_ID = 8;
        static final int CAT = 9;
        static final int AIA_SCORE = 10;
        static final int PRIORITY = 11;
        static final int PRIORITY_LEVEL = 12;
        static final int PRIORITY_LEVEL_SNAKE = 13;
        static final int STATUS = 14;
        static final int DVC = 15;
        static final int DVCHOST = 16;
        static final int DEVICE_MAC = 17;
        static final int DVCMAC = 18;
        static final int SRC = 19;
        static final int SHOST = 20;
        static final int SMAC = 21;
        static final int SPT = 22;
        static final int DST = 23;
        static final int DHOST = 24;
        static final int DPT = 25;
        static final int IP_ADDRESS = 26;
        static final int HOSTNAME = 27;
        static final int DTZ = 28;
        static final int RT = 29;
        static final int START = 30;
        static final int END = 31;
        static final int MITRE_ID = 32;
        /** The key of each slot (for the custom-label fallback). */
        static final String[] NAMES = {"externalId", "darktraceUrl", "message", "msg", "pbid", "percentscore", "score",
            "breachScore", "groupingId", "cat", "aiaScore", "priority", "priorityLevel", "priority_level", "status", "dvc",
            "dvchost", "deviceMacAddress", "dvcmac", "src", "shost", "smac", "spt", "dst", "dhost", "dpt", "ip_address",
            "hostname", "dtz", "rt", "start", "end", "mitreId"};

        private static final int SLOTS = NAMES.length;

        private final CefEvent event;
        private final int count;
        private final CefKeyDictionary.Key[] keys;
        private final String[] values;
        private final boolean[] taken;
        /** Per slot: 1 + the index of the last pair with that key; 0 = absent. */
        private final int[] direct = new int[SLOTS];
        /** The same for {@code ad.<key>} (ArcSight relays prefix keys they do not know); null when none. */
        private int[] relayed;
        private boolean hasLabels;

        Extensions(CefEvent event) {
            this.event = event;
            this.count = event.extensionCount();
            this.keys = new CefKeyDictionary.Key[count];
            this.values = new String[count];
            this.taken = new boolean[count];
            byte[] bytes = event.array();
            for (int i = 0; i < count; i++) {
                CefKeyDictionary.Key k = CefKeyDictionary.lookup(bytes, event.keyFrom(i), event.keyTo(i));
                keys[i] = k;
                if (k.slot >= 0) {
                    direct[k.slot] = i + 1;
                } else if (k.relay) {
                    if (k.relayedSlot >= 0) {
                        if (relayed == null) {
                            relayed = new int[SLOTS];
                        }
                        relayed[k.relayedSlot] = i + 1;
                    }
                } else if (k.label) {
                    hasLabels = true;
                }
            }
        }

        static int slot(String key) {
            return switch (key) {
                case "externalId" -> EXTERNAL_ID;
                case "darktraceUrl" -> DARKTRACE_URL;
                case "message" -> MESSAGE;
                case "msg" -> MSG;
                case "pbid" -> PBID;
                case "percentscore" -> PERCENT_SCORE;
                case "score" -> SCORE;
                case "breachScore" -> BREACH_SCORE;
                case "groupingId" -> GROUPING_ID;
                case "cat" -> CAT;
                case "aiaScore" -> AIA_SCORE;
                case "priority" -> PRIORITY;
                case "priorityLevel" -> PRIORITY_LEVEL;
                case "priority_level" -> PRIORITY_LEVEL_SNAKE;
                case "status" -> STATUS;
                case "dvc" -> DVC;
                case "dvchost" -> DVCHOST;
                case "deviceMacAddress" -> DEVICE_MAC;
                case "dvcmac" -> DVCMAC;
                case "src" -> SRC;
                case "shost" -> SHOST;
                case "smac" -> SMAC;
                case "spt" -> SPT;
                case "dst" -> DST;
                case "dhost" -> DHOST;
                case "dpt" -> DPT;
                case "ip_address" -> IP_ADDRESS;
                case "hostname" -> HOSTNAME;
                case "dtz" -> DTZ;
                case "rt" -> RT;
                case "start" -> START;
                case "end" -> END;
                case "mitreId" -> MITRE_ID;
                default -> -1;
            };
        }

        private String value(int i) {
            String v = values[i];
            if (v == null) {
                v = event.value(i);
                values[i] = v;
            }
            return v;
        }

        /** Index of the last pair with exactly this key, or -1. */
        private int lastIndex(String key) {
            for (int i = count - 1; i >= 0; i--) {
                if (keys[i].name.equals(key)) {
                    return i;
                }
            }
            return -1;
        }

        /**
         * Index of a Darktrace-specific key: the key itself, else {@code ad.<key>}, else the custom
         * field labelled with it ({@code cs1Label=<key> cs1=...}); -1 when absent.
         */
        private int customIndex(int slot) {
            int i = direct[slot] - 1;
            if (i >= 0) {
                return i;
            }
            if (relayed != null && relayed[slot] > 0) {
                return relayed[slot] - 1;
            }
            return hasLabels ? labelled(NAMES[slot]) : -1;
        }

        private int labelled(String name) {
            for (int l = count - 1; l >= 0; l--) {
                CefKeyDictionary.Key k = keys[l];
                if (k.label && name.equalsIgnoreCase(value(l).trim())) {
                    String valueKey = k.labelledKey();
                    int v = valueKey != null ? lastIndex(valueKey) : -1;
                    if (v >= 0) {
                        return v;
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
            return FindingDraft.trimToNull(value(i));
        }

        /** Marks pair {@code i} (and its label, for a custom field) as mapped. */
        private void consume(int i) {
            if (i < 0) {
                return;
            }
            taken[i] = true;
            if (hasLabels && keys[i].customValue) {
                int label = lastIndex(keys[i].name + "Label");
                if (label >= 0) {
                    taken[label] = true;
                }
            }
        }

        /** Index of a Darktrace-specific key (with fallbacks), consumed; -1 when absent. */
        int takeCustomIndex(int slot) {
            int i = customIndex(slot);
            consume(i);
            return i;
        }

        /** The trimmed value of pair {@code i}, or null when it is blank. */
        String valueAt(int i) {
            return at(i);
        }

        byte[] array() {
            return event.array();
        }

        int valueFrom(int i) {
            return event.valueFrom(i);
        }

        int valueTo(int i) {
            return event.valueTo(i);
        }

        /** Whether {@code b[from, to)} is printable ASCII or spaces without a backslash (so it decodes to itself). */
        static boolean isPlain(byte[] b, int from, int to) {
            for (int k = from; k < to; k++) {
                byte c = b[k];
                if (c < ' ' || c > '~' || c == '\\') {
                    return false;
                }
            }
            return true;
        }

        /** A standard CEF key, without fallbacks, not consumed. */
        String peek(int slot) {
            return at(direct[slot] - 1);
        }

        /** A Darktrace-specific key (with fallbacks), not consumed. */
        String peekCustom(int slot) {
            return at(customIndex(slot));
        }

        /** A standard CEF key, consumed. */
        String take(int slot) {
            int i = direct[slot] - 1;
            consume(i);
            return at(i);
        }

        /** A Darktrace-specific key (with fallbacks), consumed. */
        String takeCustom(int slot) {
            int i = customIndex(slot);
            consume(i);
            return at(i);
        }

        /** An address literal (consumed), or null when absent or not a literal (then left for {@code unmapped}). */
        Address takeIp(int slot) {
            int i = direct[slot] - 1;
            if (i < 0) {
                return null;
            }
            // Fast path: a plain dotted quad on the bytes; anything else (IPv6, spaces, escapes,
            // non-ASCII, not an address) goes through the decoded text as before.
            byte[] address = IpAddresses.parseIpv4(event.array(), event.valueFrom(i), event.valueTo(i));
            String v;
            if (address != null) {
                v = plainValue(i);
            } else {
                v = at(i);
                address = IpAddresses.parse(v);
                if (address == null) {
                    return null;
                }
            }
            consume(i);
            return new Address(v, address);
        }

        String takeMac(int slot, boolean custom) {
            int i = custom ? customIndex(slot) : direct[slot] - 1;
            if (i < 0) {
                return null;
            }
            String v;
            if (FindingDraft.isMac(event.array(), event.valueFrom(i), event.valueTo(i))) {
                v = plainValue(i);
            } else {
                v = at(i);
                if (!FindingDraft.isMac(v)) {
                    return null;
                }
            }
            consume(i);
            return v;
        }

        /** A port 0-65535 (consumed), or -1 when absent or not a port (then left for {@code unmapped}). */
        int takePort(int slot) {
            int i = direct[slot] - 1;
            if (i < 0) {
                return -1;
            }
            int port = smallNumber(event.array(), event.valueFrom(i), event.valueTo(i));
            if (port < 0) {
                // Not 1-5 ASCII digits on the bytes: the decoded, trimmed text decides (as before).
                String v = at(i);
                if (v == null || v.length() > 5 || !isDigits(v)) {
                    return -1;
                }
                port = Integer.parseInt(v);
            }
            if (port > 65535) {
                return -1;
            }
            consume(i);
            return port;
        }

        /**
         * The value of pair {@code i} when its bytes are known to be printable ASCII without an
         * escape or surrounding whitespace (so the decoded, trimmed text is the bytes as they are).
         */
        private String plainValue(int i) {
            String v = values[i];
            if (v == null) {
                int from = event.valueFrom(i);
                v = new String(event.array(), from, event.valueTo(i) - from, StandardCharsets.ISO_8859_1);
                values[i] = v;
            }
            return v;
        }

        /** The number written as 1-5 ASCII digits in {@code b[from, to)}, or -1 for anything else. */
        static int smallNumber(byte[] b, int from, int to) {
            if (to <= from || to - from > 5) {
                return -1;
            }
            int n = 0;
            for (int k = from; k < to; k++) {
                int c = b[k] - '0';
                if (c < 0 || c > 9) {
                    return -1;
                }
                n = n * 10 + c;
            }
            return n;
        }

        /** Every pair not mapped (the last of a repeated key) into {@code unmapped} as {@code cef.<key>}. */
        void rest(FindingDraft d) {
            for (int i = 0; i < count; i++) {
                if (!taken[i] && isLast(i)) {
                    d.unmapped.putIfAbsent(keys[i].unmappedName, keys[i].unmappedOrder, value(i));
                }
            }
        }

        private boolean isLast(int i) {
            CefKeyDictionary.Key k = keys[i];
            for (int j = i + 1; j < count; j++) {
                if (keys[j] == k || keys[j].name.equals(k.name)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** An address literal as sent (trimmed) and its bytes. */
    record Address(String text, byte[] bytes) {
        boolean isUnspecified() {
            return IpAddresses.isUnspecified(bytes);
        }
    }
}
