package dev.sluice.darktrace.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.darktrace.AlertFormat;
import dev.sluice.darktrace.AlertKind;
import dev.sluice.darktrace.RejectionCode;
import dev.sluice.ocsf.AnalyticType;
import dev.sluice.ocsf.Attack;
import dev.sluice.ocsf.DeviceType;
import dev.sluice.ocsf.RelatedEvent;
import dev.sluice.ocsf.Severity;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Darktrace "Syslog JSON" bodies → {@link FindingDraft}. The kind is told apart by shape:
 * a {@code model} object with {@code pbid}/{@code breachUrl} is a model breach (the test alert
 * when the model is "Unrestricted Test Model"); {@code aiaScore}/{@code incidentEventUrl}/
 * {@code currentGroup} mark an AI Analyst incident event; {@code alert_name} with
 * {@code uuid}/{@code last_updated} a system status alert. Unmapped top-level fields go to
 * {@code unmapped} as {@code darktrace.<key>} (objects one level deep, deeper parts as JSON text).
 */
public final class JsonAlertMapper {
    public static final String TEST_MODEL = "Unrestricted Test Model";

    private final AttackTable attacks;

    public JsonAlertMapper(AttackTable attacks) {
        this.attacks = attacks;
    }

    /** Fills {@code draft}; returns null on success or the rejection code. */
    public RejectionCode map(JsonNode root, FindingDraft draft) {
        draft.format = AlertFormat.JSON;
        Set<String> used = new HashSet<>();
        JsonNode model = root.get("model");
        if (model != null && model.isObject() && (root.has("pbid") || root.has("breachUrl"))) {
            modelBreach(root, model, draft, used);
        } else if (root.has("aiaScore") || root.has("incidentEventUrl") || root.has("currentGroup")) {
            aiAnalyst(root, draft, used);
        } else if (root.has("alert_name") && (root.has("uuid") || root.has("last_updated"))) {
            systemStatus(root, draft, used);
        } else {
            return RejectionCode.UNKNOWN_JSON_ALERT;
        }
        unmapped(root, used, draft);
        return null;
    }

    private void modelBreach(JsonNode root, JsonNode model, FindingDraft d, Set<String> used) {
        String name = text(model, "name");
        d.alertType = AlertTypes.sanitise(name);
        boolean test = TEST_MODEL.equals(d.alertType);
        d.kind = test ? AlertKind.TEST_ALERT : AlertKind.MODEL_BREACH;
        d.productName = "Enterprise Immune System";
        d.title = AlertTypes.modelPath(name);
        d.uid = text(root, "pbid");
        d.srcUrl = text(root, "breachUrl");
        d.desc = text(model, "description");
        d.eventCode = text(model, "pid");
        d.analyticUid = text(model, "pid");
        d.analyticName = d.title;
        d.analyticType = test ? AnalyticType.RULE : AnalyticType.BEHAVIORAL;
        d.analyticCategory = d.alertType.isEmpty() ? null : AlertTypes.category(d.alertType);
        d.findingType = test ? "Test Alert" : d.analyticCategory;
        used.add("model");
        used.add("pbid");
        used.add("breachUrl");
        // The test alert's fixed score (1) says nothing about risk: it stays in unmapped.
        Double percent = test ? null : number(root, "percentscore", 0, 100);
        Double score = test || percent != null ? null : number(root, "score", 0, 1);
        if (percent != null) {
            d.riskScore = (int) Math.floor(percent);
            used.add("percentscore");
        } else if (score != null) {
            d.riskScore = (int) Math.floor(score * 100);
            used.add("score");
        }
        JsonNode priority = model.get("priority");
        if (test) {
            d.severity = Severity.INFORMATIONAL;
            d.alertable = false;
        } else if (priority != null && priority.isNumber()) {
            d.severity = Severities.fromModelPriority(priority.asInt());
        } else if (d.riskScore != null) {
            d.severity = Severities.fromScorePercent(d.riskScore);
        }
        String category = text(model, "category");
        if (!test && category != null) {
            String c = category.toLowerCase(Locale.ROOT);
            d.alertable = !(c.equals("compliance") || c.equals("informational"));
        }
        millis(root, "creationTime", used).ifPresent(t -> d.createdTime = t);
        Long event = millis(root, "time", used).orElse(null);
        d.time = d.createdTime != null ? d.createdTime : event;
        if (d.time != null) {
            d.originalTime = String.valueOf(d.time);
        }
        JsonNode device = root.get("device");
        if (device != null && device.isObject()) {
            used.add("device");
            d.deviceIp = text(device, "ip");
            d.deviceHostname = text(device, "hostname");
            d.deviceMac = FindingDraft.macOrNull(text(device, "macaddress"));
            JsonNode did = device.get("did");
            if (did != null && did.isIntegralNumber() && did.asLong() >= 0) {
                d.deviceUid = did.asText();
            }
            d.deviceType = deviceType(text(device, "typelabel"));
            if (d.deviceHostname == null && d.deviceIp == null) {
                d.deviceHostname = text(device, "label");
            }
        }
        JsonNode techniques = root.get("mitreTechniques");
        if (techniques != null && techniques.isArray()) {
            used.add("mitreTechniques");
            for (JsonNode t : techniques) {
                Attack a = attacks.attack(text(t, "techniqueID"), null);
                if (a != null) {
                    d.addSourceAttack(a);
                }
            }
        }
    }

    private void aiAnalyst(JsonNode root, FindingDraft d, Set<String> used) {
        d.kind = AlertKind.AI_ANALYST;
        d.productName = "AI Analyst";
        d.title = text(root, "title");
        d.alertType = AlertTypes.sanitise(d.title);
        d.uid = text(root, "id");
        d.srcUrl = text(root, "incidentEventUrl");
        d.desc = text(root, "summary");
        d.correlationUid = text(root, "currentGroup");
        d.eventCode = text(root, "activityId");
        d.analyticUid = d.eventCode;
        d.analyticName = "Darktrace AI Analyst";
        d.analyticType = AnalyticType.LEARNING;
        d.analyticCategory = text(root, "category");
        d.findingType = "AI Analyst Incident Event";
        for (String k : new String[] {"title", "id", "incidentEventUrl", "summary", "currentGroup", "activityId", "category"}) {
            used.add(k);
        }
        Double score = number(root, "aiaScore", 0, 100);
        if (score != null) {
            d.riskScore = (int) Math.floor(score);
            used.add("aiaScore");
        }
        Severity s = Severities.fromAiAnalystCategory(text(root, "groupCategory"));
        if (s == null) {
            s = Severities.fromAiAnalystCategory(d.analyticCategory);
        }
        d.severity = s != null ? s : d.riskScore != null ? Severities.fromScorePercent(d.riskScore) : Severity.UNKNOWN;
        d.time = millis(root, "createdAt", used).orElse(null);
        d.createdTime = d.time;
        if (d.time != null) {
            d.originalTime = String.valueOf(d.time);
        }
        JsonNode periods = root.get("periods");
        if (periods != null && periods.isArray() && periods.size() > 0) {
            used.add("periods");
            long start = Long.MAX_VALUE;
            long end = Long.MIN_VALUE;
            for (JsonNode p : periods) {
                if (p.path("start").isIntegralNumber()) {
                    start = Math.min(start, p.get("start").asLong());
                }
                if (p.path("end").isIntegralNumber()) {
                    end = Math.max(end, p.get("end").asLong());
                }
            }
            d.startTime = start == Long.MAX_VALUE ? null : start;
            d.endTime = end == Long.MIN_VALUE ? null : end;
        }
        JsonNode devices = root.get("breachDevices");
        if (devices != null && devices.isArray() && devices.size() > 0) {
            JsonNode first = devices.get(0);
            d.deviceIp = text(first, "ip");
            d.deviceHostname = text(first, "hostname");
            d.deviceMac = FindingDraft.macOrNull(text(first, "mac"));
            JsonNode did = first.get("did");
            if (did != null && did.isIntegralNumber() && did.asLong() >= 0) {
                d.deviceUid = did.asText();
            }
            if (devices.size() == 1) {
                used.add("breachDevices");
            }
        }
        JsonNode related = root.get("relatedBreaches");
        if (related != null && related.isArray()) {
            used.add("relatedBreaches");
            for (JsonNode r : related) {
                String pbid = text(r, "pbid");
                if (pbid != null) {
                    d.addRelated(new RelatedEvent(pbid, AlertTypes.sanitise(text(r, "modelName"))));
                }
            }
        }
    }

    private void systemStatus(JsonNode root, FindingDraft d, Set<String> used) {
        d.kind = AlertKind.SYSTEM_STATUS;
        d.productName = "Darktrace DETECT";
        d.title = text(root, "alert_name");
        d.alertType = AlertTypes.sanitise(d.title);
        d.uid = text(root, "uuid");
        d.srcUrl = text(root, "url");
        d.desc = text(root, "message");
        d.eventCode = text(root, "name");
        d.analyticName = d.title;
        d.analyticUid = d.eventCode;
        d.analyticType = AnalyticType.RULE;
        d.analyticCategory = "System Status";
        d.findingType = "System Status";
        for (String k : new String[] {"alert_name", "uuid", "url", "message", "name", "hostname", "ip_address", "priority_level", "status"}) {
            used.add(k);
        }
        d.deviceHostname = text(root, "hostname");
        d.deviceIp = text(root, "ip_address");
        d.deviceType = DeviceType.SERVER;
        Double priority = number(root, "priority", 0, 100);
        if (priority != null) {
            d.riskScore = (int) Math.floor(priority);
            used.add("priority");
        }
        Severity s = Severities.fromLevel(text(root, "priority_level"));
        d.severity = s != null ? s : d.riskScore != null ? Severities.fromScorePercent(d.riskScore) : Severity.UNKNOWN;
        String status = text(root, "status");
        d.resolved = status != null && status.toLowerCase(Locale.ROOT).startsWith("resolved");
        d.alertable = !d.resolved && d.severity.id() >= Severity.MEDIUM.id() && d.severity != Severity.OTHER;
        JsonNode updated = root.get("last_updated");
        if (updated != null && updated.isNumber()) {
            used.add("last_updated");
            d.time = EventTimes.fromEpochSeconds(updated.asDouble()).epochMillis();
            d.originalTime = updated.asText();
        }
    }

    private static DeviceType deviceType(String label) {
        if (label == null) {
            return DeviceType.UNKNOWN;
        }
        return switch (label.trim().toLowerCase(Locale.ROOT)) {
            case "desktop" -> DeviceType.DESKTOP;
            case "laptop" -> DeviceType.LAPTOP;
            case "server" -> DeviceType.SERVER;
            case "mobile", "mobile device" -> DeviceType.MOBILE;
            case "tablet" -> DeviceType.TABLET;
            case "firewall" -> DeviceType.FIREWALL;
            case "router" -> DeviceType.ROUTER;
            case "switch" -> DeviceType.SWITCH;
            case "iot", "iot device" -> DeviceType.IOT;
            default -> DeviceType.UNKNOWN;
        };
    }

    private static java.util.Optional<Long> millis(JsonNode node, String key, Set<String> used) {
        JsonNode v = node.get(key);
        if (v != null && v.isIntegralNumber()) {
            used.add(key);
            return java.util.Optional.of(v.asLong());
        }
        return java.util.Optional.empty();
    }

    /**
     * A number in {@code [min, max]}, sent as a JSON number or as numeric text (some Darktrace
     * payloads quote their scores); null otherwise.
     */
    static Double number(JsonNode node, String key, double min, double max) {
        JsonNode v = node.get(key);
        double value;
        if (v != null && v.isNumber()) {
            value = v.asDouble();
        } else if (v != null && v.isTextual()) {
            Double parsed = Severities.decimal(v.asText());
            if (parsed == null) {
                return null;
            }
            value = parsed;
        } else {
            return null;
        }
        return value >= min && value <= max ? value : null;
    }

    /** Text of a scalar field; null for missing, null, empty or non-scalar values. */
    static String text(JsonNode node, String key) {
        JsonNode v = node == null ? null : node.get(key);
        if (v == null || v.isNull() || v.isContainerNode()) {
            return null;
        }
        String s = v.asText();
        return s.isBlank() ? null : s;
    }

    private static void unmapped(JsonNode root, Set<String> used, FindingDraft d) {
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            JsonNode value = e.getValue();
            if (key.equals("model") && value.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> m = value.fields(); m.hasNext(); ) {
                    Map.Entry<String, JsonNode> me = m.next();
                    if (!me.getKey().equals("name") && !me.getKey().equals("description") && !me.getKey().equals("pid")) {
                        put(d, "darktrace.model." + me.getKey(), me.getValue());
                    }
                }
            } else if (!used.contains(key)) {
                put(d, "darktrace." + key, value);
            }
        }
    }

    private static void put(FindingDraft d, String key, JsonNode value) {
        if (value.isNull()) {
            return;
        }
        d.unmapped.put(key, value.isValueNode() ? value.asText() : value.toString());
    }
}
