package dev.sluice.darktracesim.render;

import dev.sluice.cef.CefRecord;
import dev.sluice.cef.CefWriter;
import dev.sluice.darktracesim.alert.AiAnalystIncidentEvent;
import dev.sluice.darktracesim.alert.DarktraceAlert;
import dev.sluice.darktracesim.alert.ModelBreach;
import dev.sluice.darktracesim.alert.SystemStatusAlert;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Renders alerts as the CEF payload of Darktrace's Syslog CEF integration. Shapes (see
 * docs/darktrace-sim.md for the full table):
 *
 * <pre>
 * model breach  CEF:0|Darktrace|DCIP|6.2.4|&lt;pid&gt;|&lt;Family/Model&gt;|&lt;sev&gt;|externalId=&lt;pbid&gt;
 *               darktraceUrl=https://&lt;host&gt;/#modelbreach/&lt;pbid&gt; rt=&lt;ms&gt; dvc= dvchost=
 *               deviceMacAddress= dst= dpt= dhost= message= cat=&lt;category&gt; score=&lt;0-1&gt;
 *               priority=&lt;0-5&gt; mitreId=&lt;T…&gt;
 * test alert    the same with Name "Unrestricted Test Model", pbid 123, empty darktraceUrl
 * AI Analyst    CEF:0|Darktrace|AI Analyst|6.2.4|&lt;activityId&gt;|&lt;title&gt;|&lt;sev&gt;|externalId=&lt;id&gt;
 *               darktraceUrl=https://&lt;host&gt;/#aiincident/&lt;id&gt; rt= dvc= dvchost= deviceMacAddress=
 *               message=&lt;summary&gt; cat= aiaScore= groupId= groupScore= groupCategory=
 *               groupingId= groupByActivity=0|1
 * system status CEF:0|Darktrace|DCIP|6.2.4|&lt;name&gt;|&lt;alert name&gt;|&lt;sev&gt;|externalId=&lt;uuid&gt;
 *               darktraceUrl=https://&lt;host&gt;/sysstatus?alert=&lt;uuid&gt; rt= dvc= dvchost=
 *               message= status=active|resolved priority=&lt;0-100&gt; priorityLevel=
 * </pre>
 *
 * Severity (0–10) follows the alert's score: breach score × 10, AI Analyst event score / 10,
 * system status priority / 10, rounded, at least 1.
 */
public final class CefRenderer {

  private final String instanceHostname;
  private final String softwareVersion;

  public CefRenderer(String instanceHostname, String softwareVersion) {
    this.instanceHostname = instanceHostname;
    this.softwareVersion = softwareVersion;
  }

  /** The CEF text of the alert (no syslog header, no line end). */
  public String render(DarktraceAlert alert) {
    return CefWriter.write(toCef(alert));
  }

  CefRecord toCef(DarktraceAlert alert) {
    if (alert instanceof ModelBreach breach) {
      return breach(breach);
    }
    if (alert instanceof AiAnalystIncidentEvent event) {
      return incidentEvent(event);
    }
    return systemStatus((SystemStatusAlert) alert);
  }

  private CefRecord breach(ModelBreach b) {
    Map<String, String> ext = new LinkedHashMap<>();
    ext.put("externalId", Long.toString(b.pbid()));
    ext.put("darktraceUrl", b.model().isTestModel() ? ""
        : "https://" + instanceHostname + "/#modelbreach/" + b.pbid());
    ext.put("rt", Long.toString(b.time().toEpochMilli()));
    putDevice(ext, b.device().ip(), b.device().hostname(), b.device().mac());
    b.peer().ifPresent(p -> {
      ext.put("dst", p.ip());
      ext.put("dpt", Integer.toString(p.port()));
      putIfNotEmpty(ext, "dhost", p.hostname());
    });
    ext.put("message", b.message());
    ext.put("cat", b.model().category().displayName());
    ext.put("score", formatScore(b.score()));
    ext.put("priority", Integer.toString(b.model().priority()));
    if (!b.model().mitreTechniques().isEmpty()) {
      ext.put("mitreId", String.join(",", b.model().mitreTechniques()));
    }
    return CefRecord.of("Darktrace", "DCIP", softwareVersion, Integer.toString(b.model().pid()),
        b.model().cefName(), severity(b.score() * 10), ext);
  }

  private CefRecord incidentEvent(AiAnalystIncidentEvent e) {
    Map<String, String> ext = new LinkedHashMap<>();
    ext.put("externalId", e.id());
    ext.put("darktraceUrl", "https://" + instanceHostname + "/#aiincident/" + e.id());
    ext.put("rt", Long.toString(e.time().toEpochMilli()));
    putDevice(ext, e.device().ip(), e.device().hostname(), e.device().mac());
    ext.put("message", e.summary());
    ext.put("cat", e.category().name().toLowerCase(Locale.ROOT));
    ext.put("aiaScore", Integer.toString(e.aiaScore()));
    ext.put("groupId", e.groupId());
    ext.put("groupScore", formatScore(e.groupScore()));
    ext.put("groupCategory", e.groupCategory().name().toLowerCase(Locale.ROOT));
    ext.put("groupingId", String.join(",", e.groupingIds()));
    ext.put("groupByActivity", e.groupByActivity() ? "1" : "0");
    return CefRecord.of("Darktrace", "AI Analyst", softwareVersion, e.activityId(), e.title(),
        severity(e.aiaScore() / 10.0), ext);
  }

  private CefRecord systemStatus(SystemStatusAlert s) {
    Map<String, String> ext = new LinkedHashMap<>();
    ext.put("externalId", s.uuid());
    ext.put("darktraceUrl", "https://" + instanceHostname + "/sysstatus?alert=" + s.uuid());
    ext.put("rt", Long.toString(s.time().toEpochMilli()));
    putDevice(ext, s.ip(), s.hostname(), "");
    ext.put("message", s.message());
    ext.put("status", s.status().wireName());
    ext.put("priority", Integer.toString(s.priority()));
    ext.put("priorityLevel", s.priorityLevel());
    return CefRecord.of("Darktrace", "DCIP", softwareVersion,
        s.name().replaceFirst("-\\d+$", ""), s.alertName(),
        severity(s.priority() / 10.0), ext);
  }

  private static void putDevice(Map<String, String> ext, String ip, String hostname, String mac) {
    ext.put("dvc", ip);
    putIfNotEmpty(ext, "dvchost", hostname);
    putIfNotEmpty(ext, "deviceMacAddress", mac);
  }

  private static void putIfNotEmpty(Map<String, String> ext, String key, String value) {
    if (!value.isEmpty()) {
      ext.put(key, value);
    }
  }

  private static String severity(double tenths) {
    return Integer.toString((int) Math.max(1, Math.min(10, Math.round(tenths))));
  }

  /** Scores without trailing zeros: {@code 0.87}, {@code 1}, {@code 72.92}. */
  static String formatScore(double score) {
    return java.math.BigDecimal.valueOf(score).stripTrailingZeros().toPlainString();
  }
}
