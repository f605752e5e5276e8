package dev.sluice.darktracesim.render;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.sluice.darktracesim.alert.AiAnalystIncidentEvent;
import dev.sluice.darktracesim.alert.DarktraceAlert;
import dev.sluice.darktracesim.alert.Device;
import dev.sluice.darktracesim.alert.ModelBreach;
import dev.sluice.darktracesim.alert.RelatedBreach;
import dev.sluice.darktracesim.alert.SystemStatusAlert;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * Renders alerts as the payload of Darktrace's <em>Syslog JSON</em> integration, in the shapes of
 * the published samples (Elastic's integration): model breach ({@code model}, {@code device},
 * {@code triggeredComponents}, {@code breachUrl}, {@code pbid}, {@code score}, …), AI Analyst
 * incident event ({@code id}, {@code title}, {@code aiaScore}, {@code currentGroup}, {@code
 * groupScore}, {@code breachDevices}, {@code relatedBreaches}, …) and system status ({@code
 * alert_name}, {@code status}, {@code priority}, {@code last_updated} in seconds, …). One line,
 * no newline inside.
 */
public final class JsonRenderer {

  private static final JsonFactory FACTORY = new JsonFactory();
  private final String instanceHostname;

  public JsonRenderer(String instanceHostname) {
    this.instanceHostname = instanceHostname;
  }

  public String render(DarktraceAlert alert) {
    StringWriter out = new StringWriter(1024);
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      if (alert instanceof ModelBreach breach) {
        breach(g, breach);
      } else if (alert instanceof AiAnalystIncidentEvent event) {
        incidentEvent(g, event);
      } else {
        systemStatus(g, (SystemStatusAlert) alert);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private void breach(JsonGenerator g, ModelBreach b) throws IOException {
    boolean test = b.model().isTestModel();
    g.writeStartObject();
    g.writeObjectFieldStart("model");
    g.writeStringField("name", b.model().path());
    if (!test) {
      g.writeNumberField("pid", b.model().pid());
      g.writeNumberField("phid", b.model().phid());
      g.writeStringField("uuid", b.model().uuid());
      g.writeStringField("category", b.model().category().displayName());
      g.writeBooleanField("compliance",
          b.model().category() == dev.sluice.darktracesim.alert.ModelCategory.COMPLIANCE);
    }
    g.writeNumberField("priority", b.model().priority());
    g.writeStringField("description", b.model().description());
    g.writeObjectFieldStart("created");
    g.writeStringField("by", "System");
    g.writeEndObject();
    g.writeEndObject();
    device(g, "device", b.device(), test);
    g.writeArrayFieldStart("triggeredComponents");
    g.writeStartObject();
    g.writeNumberField("time", b.time().toEpochMilli());
    g.writeObjectFieldStart("metric");
    g.writeStringField("label", test ? "Test Metric" : "Connections");
    g.writeEndObject();
    g.writeArrayFieldStart("triggeredFilters");
    filter(g, test ? "Test Metric Filter" : "Message", test ? "Test filter value" : b.message());
    if (b.peer().isPresent()) {
      filter(g, "Destination IP", b.peer().get().ip());
      filter(g, "Destination port", Integer.toString(b.peer().get().port()));
      if (!b.peer().get().hostname().isEmpty()) {
        filter(g, "Connection hostname", b.peer().get().hostname());
      }
    }
    g.writeEndArray();
    g.writeEndObject();
    g.writeEndArray();
    g.writeStringField("breachUrl", test ? "" : "https://" + instanceHostname + "/#modelbreach/"
        + b.pbid());
    g.writeNumberField("pbid", b.pbid());
    g.writeNumberField("score", b.score());
    if (!test) {
      g.writeNumberField("percentscore", b.percentScore());
    }
    g.writeNumberField("creationTime", b.time().toEpochMilli());
    g.writeNumberField("time", b.time().toEpochMilli());
    g.writeArrayFieldStart("mitreTechniques");
    for (String technique : b.model().mitreTechniques()) {
      g.writeStartObject();
      g.writeStringField("techniqueID", technique);
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void filter(JsonGenerator g, String type, String value) throws IOException {
    g.writeStartObject();
    g.writeStringField("comparatorType", "display");
    g.writeStringField("filterType", type);
    g.writeObjectFieldStart("trigger");
    g.writeStringField("value", value);
    g.writeEndObject();
    g.writeEndObject();
  }

  private static void device(JsonGenerator g, String field, Device d, boolean test)
      throws IOException {
    g.writeObjectFieldStart(field);
    if (!test) {
      g.writeNumberField("did", d.did());
    }
    if (d.did() != -1) {
      g.writeStringField("ip", d.ip());
      if (!d.hostname().isEmpty()) {
        g.writeStringField("hostname", d.hostname());
      }
      if (!d.mac().isEmpty()) {
        g.writeStringField("macaddress", d.mac());
      }
      if (test) {
        g.writeStringField("vendor", "Test Vendor");
        g.writeStringField("label", d.typeLabel());
      } else {
        g.writeStringField("typelabel", d.typeLabel());
      }
    }
    g.writeEndObject();
  }

  private void incidentEvent(JsonGenerator g, AiAnalystIncidentEvent e) throws IOException {
    g.writeStartObject();
    g.writeStringField("summariser", "AdminConnSummary");
    g.writeBooleanField("acknowledged", false);
    g.writeBooleanField("pinned", false);
    g.writeNumberField("createdAt", e.time().toEpochMilli());
    g.writeStringField("title", e.title());
    g.writeStringField("id", e.id());
    g.writeStringField("incidentEventUrl",
        "https://" + instanceHostname + "/#aiaincidentevent/" + e.id());
    g.writeStringField("category", e.category().name().toLowerCase(Locale.ROOT));
    g.writeStringField("currentGroup", e.groupId());
    g.writeStringField("groupCategory", e.groupCategory().name().toLowerCase(Locale.ROOT));
    g.writeNumberField("groupScore", e.groupScore());
    g.writeStringField("activityId", e.activityId());
    g.writeArrayFieldStart("groupingIds");
    for (String id : e.groupingIds()) {
      g.writeString(id);
    }
    g.writeEndArray();
    g.writeBooleanField("groupByActivity", e.groupByActivity());
    g.writeBooleanField("userTriggered", false);
    g.writeBooleanField("externalTriggered", false);
    g.writeNumberField("aiaScore", e.aiaScore());
    g.writeStringField("summary", e.summary());
    g.writeArrayFieldStart("mitreTactics");
    for (String tactic : e.mitreTactics()) {
      g.writeString(tactic);
    }
    g.writeEndArray();
    g.writeArrayFieldStart("breachDevices");
    g.writeStartObject();
    g.writeStringField("hostname", e.device().hostname().isEmpty() ? null : e.device().hostname());
    g.writeStringField("ip", e.device().ip());
    g.writeStringField("mac", e.device().mac().isEmpty() ? null : e.device().mac());
    g.writeStringField("subnet", e.device().subnet());
    g.writeNumberField("did", e.device().did());
    g.writeEndObject();
    g.writeEndArray();
    g.writeArrayFieldStart("relatedBreaches");
    for (RelatedBreach r : e.relatedBreaches()) {
      g.writeStartObject();
      g.writeStringField("modelName", r.modelName());
      g.writeNumberField("pbid", r.pbid());
      g.writeNumberField("threatScore", r.threatScore());
      g.writeNumberField("timestamp", r.time().toEpochMilli());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void systemStatus(JsonGenerator g, SystemStatusAlert s) throws IOException {
    g.writeStartObject();
    g.writeNumberField("last_updated", s.time().getEpochSecond());
    g.writeStringField("uuid", s.uuid());
    g.writeNumberField("priority", s.priority());
    g.writeStringField("priority_level", s.priorityLevel());
    g.writeStringField("hostname", s.hostname());
    g.writeStringField("ip_address", s.ip());
    g.writeStringField("message", s.message());
    g.writeStringField("name", s.name());
    g.writeNullField("acknowledge_timeout");
    g.writeStringField("alert_name", s.alertName());
    g.writeNumberField("child_id", 1);
    g.writeNumberField("last_updated_status", s.time().getEpochSecond());
    g.writeStringField("status", s.status().wireName());
    g.writeStringField("url", "/sysstatus?alert=" + s.uuid());
    g.writeEndObject();
  }
}
