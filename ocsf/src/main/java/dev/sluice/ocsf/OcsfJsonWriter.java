package dev.sluice.ocsf;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link DetectionFinding} as OCSF JSON with a fixed attribute order, so equal records
 * give equal bytes and golden files diff cleanly.
 *
 * <p>Order at the top level: classification ({@code activity_id, activity_name, category_uid,
 * category_name, class_uid, class_name, type_uid, type_name, severity_id, severity, status_id,
 * status}), occurrence ({@code time, start_time, end_time, timezone_offset}), {@code message,
 * is_alert, risk_score, risk_level_id, risk_level, metadata, finding_info, device, resources,
 * evidences, observables, raw_data, raw_data_size, unmapped}. Inside objects the order is the one
 * of the record components. Absent optional values and empty lists are omitted, never written as
 * null. {@code unmapped} is written with its keys sorted.
 *
 * <p>Version gates (from {@code metadata.version}): {@code is_alert} from 1.4.0,
 * {@code raw_data_size} from 1.5.0, {@code resource_details.role_id} from 1.6.0,
 * {@code network_scope_id} from 1.7.0; {@code finding_info.title} is always written.
 */
public final class OcsfJsonWriter {
    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private OcsfJsonWriter() {
    }

    /** Compact JSON (one line), UTF-8. */
    public static byte[] toBytes(DetectionFinding finding) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(2048);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            write(finding, g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Compact JSON (one line), UTF-8, appended to {@code out} (which is not closed). */
    public static void writeTo(DetectionFinding finding, java.io.OutputStream out) {
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            write(finding, g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Compact JSON (one line). */
    public static String toJson(DetectionFinding finding) {
        return render(finding, false);
    }

    /** Indented JSON with LF line ends (golden files). */
    public static String toPrettyJson(DetectionFinding finding) {
        return render(finding, true);
    }

    private static String render(DetectionFinding finding, boolean pretty) {
        StringWriter out = new StringWriter(2048);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            if (pretty) {
                DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                        .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                        .withArrayIndenter(new DefaultIndenter("  ", "\n"));
                g.setPrettyPrinter(printer);
            }
            write(finding, g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Writes the record as one JSON object into {@code g} (for embedding in a larger document). */
    public static void write(DetectionFinding f, JsonGenerator g) throws IOException {
        OcsfVersion version = f.metadata().version();
        g.writeStartObject();
        enumPair(g, "activity_id", "activity_name", f.activity());
        g.writeNumberField("category_uid", DetectionFinding.CATEGORY_UID);
        g.writeStringField("category_name", DetectionFinding.CATEGORY_NAME);
        g.writeNumberField("class_uid", DetectionFinding.CLASS_UID);
        g.writeStringField("class_name", DetectionFinding.CLASS_NAME);
        g.writeNumberField("type_uid", f.typeUid());
        g.writeStringField("type_name", f.typeName());
        g.writeNumberField("severity_id", f.severity().id());
        g.writeStringField("severity", f.severity() == Severity.OTHER && f.severityLabel() != null
                ? f.severityLabel() : f.severity().caption());
        if (f.status() != null) {
            enumPair(g, "status_id", "status", f.status());
        }
        g.writeNumberField("time", f.time());
        longField(g, "start_time", f.startTime());
        longField(g, "end_time", f.endTime());
        if (f.timezoneOffset() != null) {
            g.writeNumberField("timezone_offset", f.timezoneOffset());
        }
        stringField(g, "message", f.message());
        if (f.isAlert() != null && version.atLeast(1, 4)) {
            g.writeBooleanField("is_alert", f.isAlert());
        }
        if (f.riskScore() != null) {
            g.writeNumberField("risk_score", f.riskScore());
        }
        if (f.riskLevel() != null) {
            enumPair(g, "risk_level_id", "risk_level", f.riskLevel());
        }
        writeMetadata(g, f.metadata());
        writeFindingInfo(g, f.findingInfo());
        if (f.device() != null) {
            g.writeFieldName("device");
            writeDevice(g, f.device());
        }
        if (!f.resources().isEmpty()) {
            g.writeArrayFieldStart("resources");
            for (ResourceDetails r : f.resources()) {
                writeResource(g, r, version);
            }
            g.writeEndArray();
        }
        if (!f.evidences().isEmpty()) {
            g.writeArrayFieldStart("evidences");
            for (Evidence e : f.evidences()) {
                writeEvidence(g, e, version);
            }
            g.writeEndArray();
        }
        if (!f.observables().isEmpty()) {
            g.writeArrayFieldStart("observables");
            for (Observable o : f.observables()) {
                g.writeStartObject();
                g.writeStringField("name", o.name());
                enumPair(g, "type_id", "type", o.type());
                g.writeStringField("value", o.value());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        if (f.rawData() != null) {
            g.writeStringField("raw_data", f.rawData());
            if (version.atLeast(1, 5)) {
                g.writeNumberField("raw_data_size", utf8Length(f.rawData()));
            }
        }
        if (!f.unmapped().isEmpty()) {
            g.writeObjectFieldStart("unmapped");
            for (Map.Entry<String, String> e : f.unmapped().entrySet()) {
                g.writeStringField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static void writeMetadata(JsonGenerator g, Metadata m) throws IOException {
        g.writeObjectFieldStart("metadata");
        g.writeStringField("version", m.version().toString());
        g.writeObjectFieldStart("product");
        stringField(g, "vendor_name", m.product().vendorName());
        stringField(g, "name", m.product().name());
        stringField(g, "version", m.product().version());
        g.writeEndObject();
        stringField(g, "correlation_uid", m.correlationUid());
        stringField(g, "event_code", m.eventCode());
        stringField(g, "log_name", m.logName());
        stringField(g, "original_time", m.originalTime());
        longField(g, "logged_time", m.loggedTime());
        stringField(g, "tenant_uid", m.tenantUid());
        g.writeEndObject();
    }

    private static void writeFindingInfo(JsonGenerator g, FindingInfo fi) throws IOException {
        g.writeObjectFieldStart("finding_info");
        g.writeStringField("uid", fi.uid());
        stringField(g, "title", fi.title());
        stringField(g, "desc", fi.desc());
        stringField(g, "src_url", fi.srcUrl());
        stringArray(g, "types", fi.types());
        if (fi.analytic() != null) {
            Analytic a = fi.analytic();
            g.writeObjectFieldStart("analytic");
            stringField(g, "uid", a.uid());
            stringField(g, "name", a.name());
            enumPair(g, "type_id", "type", a.type());
            stringField(g, "category", a.category());
            g.writeEndObject();
        }
        if (!fi.attacks().isEmpty()) {
            g.writeArrayFieldStart("attacks");
            for (Attack a : fi.attacks()) {
                g.writeStartObject();
                mitre(g, "tactic", a.tactic());
                mitre(g, "technique", a.technique());
                mitre(g, "sub_technique", a.subTechnique());
                stringField(g, "version", a.version());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        longField(g, "created_time", fi.createdTime());
        longField(g, "first_seen_time", fi.firstSeenTime());
        longField(g, "last_seen_time", fi.lastSeenTime());
        if (!fi.relatedEvents().isEmpty()) {
            g.writeArrayFieldStart("related_events");
            for (RelatedEvent r : fi.relatedEvents()) {
                g.writeStartObject();
                g.writeStringField("uid", r.uid());
                stringField(g, "title", r.title());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeNumberField("related_events_count", fi.relatedEvents().size());
        }
        g.writeEndObject();
    }

    private static void writeDevice(JsonGenerator g, Device d) throws IOException {
        g.writeStartObject();
        enumPair(g, "type_id", "type", d.type());
        stringField(g, "hostname", d.hostname());
        stringField(g, "ip", d.ip());
        stringField(g, "mac", d.mac());
        stringField(g, "name", d.name());
        stringField(g, "uid", d.uid());
        g.writeEndObject();
    }

    private static void writeResource(JsonGenerator g, ResourceDetails r, OcsfVersion version) throws IOException {
        g.writeStartObject();
        stringField(g, "type", r.type());
        stringField(g, "name", r.name());
        stringField(g, "hostname", r.hostname());
        stringField(g, "ip", r.ip());
        if (version.atLeast(1, 6)) {
            enumPair(g, "role_id", "role", r.role());
        }
        g.writeEndObject();
    }

    private static void writeEvidence(JsonGenerator g, Evidence e, OcsfVersion version) throws IOException {
        g.writeStartObject();
        if (e.srcEndpoint() != null) {
            g.writeFieldName("src_endpoint");
            writeEndpoint(g, e.srcEndpoint(), version);
        }
        if (e.dstEndpoint() != null) {
            g.writeFieldName("dst_endpoint");
            writeEndpoint(g, e.dstEndpoint(), version);
        }
        g.writeObjectFieldStart("connection_info");
        enumPair(g, "direction_id", "direction", e.direction());
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void writeEndpoint(JsonGenerator g, NetworkEndpoint n, OcsfVersion version) throws IOException {
        g.writeStartObject();
        stringField(g, "hostname", n.hostname());
        stringField(g, "ip", n.ip());
        if (n.port() != null) {
            g.writeNumberField("port", n.port());
        }
        stringField(g, "mac", n.mac());
        if (version.atLeast(1, 7)) {
            enumPair(g, "network_scope_id", "network_scope", n.scope());
        }
        g.writeEndObject();
    }

    private static void mitre(JsonGenerator g, String field, MitreEntity m) throws IOException {
        if (m != null) {
            g.writeObjectFieldStart(field);
            stringField(g, "uid", m.uid());
            stringField(g, "name", m.name());
            g.writeEndObject();
        }
    }

    private static void enumPair(JsonGenerator g, String idField, String captionField, OcsfEnum value) throws IOException {
        g.writeNumberField(idField, value.id());
        g.writeStringField(captionField, value.caption());
    }

    private static void stringField(JsonGenerator g, String name, String value) throws IOException {
        if (value != null) {
            g.writeStringField(name, value);
        }
    }

    private static void longField(JsonGenerator g, String name, Long value) throws IOException {
        if (value != null) {
            g.writeNumberField(name, value);
        }
    }

    private static void stringArray(JsonGenerator g, String name, List<String> values) throws IOException {
        if (!values.isEmpty()) {
            g.writeArrayFieldStart(name);
            for (String v : values) {
                g.writeString(v);
            }
            g.writeEndArray();
        }
    }

    /** UTF-8 byte length without encoding the string. */
    static long utf8Length(String s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n += 1;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }
}
