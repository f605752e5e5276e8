package dev.sluice.ocsf;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
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

    /*
     * Field names are pre-encoded once: Jackson then copies their bytes instead of escaping every
     * name of every record (about 80 per Detection Finding).
     */
    private static final SerializableString N_ACTIVITY_ID = new SerializedString("activity_id");
    private static final SerializableString N_ACTIVITY_NAME = new SerializedString("activity_name");
    private static final SerializableString N_ANALYTIC = new SerializedString("analytic");
    private static final SerializableString N_ATTACKS = new SerializedString("attacks");
    private static final SerializableString N_CATEGORY = new SerializedString("category");
    private static final SerializableString N_CATEGORY_NAME = new SerializedString("category_name");
    private static final SerializableString N_CATEGORY_UID = new SerializedString("category_uid");
    private static final SerializableString N_CLASS_NAME = new SerializedString("class_name");
    private static final SerializableString N_CLASS_UID = new SerializedString("class_uid");
    private static final SerializableString N_CONNECTION_INFO = new SerializedString("connection_info");
    private static final SerializableString N_CORRELATION_UID = new SerializedString("correlation_uid");
    private static final SerializableString N_CREATED_TIME = new SerializedString("created_time");
    private static final SerializableString N_DESC = new SerializedString("desc");
    private static final SerializableString N_DEVICE = new SerializedString("device");
    private static final SerializableString N_DIRECTION = new SerializedString("direction");
    private static final SerializableString N_DIRECTION_ID = new SerializedString("direction_id");
    private static final SerializableString N_DST_ENDPOINT = new SerializedString("dst_endpoint");
    private static final SerializableString N_END_TIME = new SerializedString("end_time");
    private static final SerializableString N_EVENT_CODE = new SerializedString("event_code");
    private static final SerializableString N_EVIDENCES = new SerializedString("evidences");
    private static final SerializableString N_FINDING_INFO = new SerializedString("finding_info");
    private static final SerializableString N_FIRST_SEEN_TIME = new SerializedString("first_seen_time");
    private static final SerializableString N_HOSTNAME = new SerializedString("hostname");
    private static final SerializableString N_IP = new SerializedString("ip");
    private static final SerializableString N_IS_ALERT = new SerializedString("is_alert");
    private static final SerializableString N_LAST_SEEN_TIME = new SerializedString("last_seen_time");
    private static final SerializableString N_LOG_NAME = new SerializedString("log_name");
    private static final SerializableString N_LOGGED_TIME = new SerializedString("logged_time");
    private static final SerializableString N_MAC = new SerializedString("mac");
    private static final SerializableString N_MESSAGE = new SerializedString("message");
    private static final SerializableString N_METADATA = new SerializedString("metadata");
    private static final SerializableString N_NAME = new SerializedString("name");
    private static final SerializableString N_NETWORK_SCOPE = new SerializedString("network_scope");
    private static final SerializableString N_NETWORK_SCOPE_ID = new SerializedString("network_scope_id");
    private static final SerializableString N_OBSERVABLES = new SerializedString("observables");
    private static final SerializableString N_ORIGINAL_TIME = new SerializedString("original_time");
    private static final SerializableString N_PORT = new SerializedString("port");
    private static final SerializableString N_PRODUCT = new SerializedString("product");
    private static final SerializableString N_RAW_DATA = new SerializedString("raw_data");
    private static final SerializableString N_RAW_DATA_SIZE = new SerializedString("raw_data_size");
    private static final SerializableString N_RELATED_EVENTS = new SerializedString("related_events");
    private static final SerializableString N_RELATED_EVENTS_COUNT = new SerializedString("related_events_count");
    private static final SerializableString N_RESOURCES = new SerializedString("resources");
    private static final SerializableString N_RISK_LEVEL = new SerializedString("risk_level");
    private static final SerializableString N_RISK_LEVEL_ID = new SerializedString("risk_level_id");
    private static final SerializableString N_RISK_SCORE = new SerializedString("risk_score");
    private static final SerializableString N_ROLE = new SerializedString("role");
    private static final SerializableString N_ROLE_ID = new SerializedString("role_id");
    private static final SerializableString N_SEVERITY = new SerializedString("severity");
    private static final SerializableString N_SEVERITY_ID = new SerializedString("severity_id");
    private static final SerializableString N_SRC_ENDPOINT = new SerializedString("src_endpoint");
    private static final SerializableString N_SRC_URL = new SerializedString("src_url");
    private static final SerializableString N_START_TIME = new SerializedString("start_time");
    private static final SerializableString N_STATUS = new SerializedString("status");
    private static final SerializableString N_STATUS_ID = new SerializedString("status_id");
    private static final SerializableString N_SUB_TECHNIQUE = new SerializedString("sub_technique");
    private static final SerializableString N_TACTIC = new SerializedString("tactic");
    private static final SerializableString N_TECHNIQUE = new SerializedString("technique");
    private static final SerializableString N_TENANT_UID = new SerializedString("tenant_uid");
    private static final SerializableString N_TIME = new SerializedString("time");
    private static final SerializableString N_TIMEZONE_OFFSET = new SerializedString("timezone_offset");
    private static final SerializableString N_TITLE = new SerializedString("title");
    private static final SerializableString N_TYPE = new SerializedString("type");
    private static final SerializableString N_TYPE_ID = new SerializedString("type_id");
    private static final SerializableString N_TYPE_NAME = new SerializedString("type_name");
    private static final SerializableString N_TYPE_UID = new SerializedString("type_uid");
    private static final SerializableString N_TYPES = new SerializedString("types");
    private static final SerializableString N_UID = new SerializedString("uid");
    private static final SerializableString N_UNMAPPED = new SerializedString("unmapped");
    private static final SerializableString N_VALUE = new SerializedString("value");
    private static final SerializableString N_VENDOR_NAME = new SerializedString("vendor_name");
    private static final SerializableString N_VERSION = new SerializedString("version");

    private static void string(JsonGenerator g, SerializableString name, String value) throws IOException {
        g.writeFieldName(name);
        g.writeString(value);
    }

    private static void number(JsonGenerator g, SerializableString name, long value) throws IOException {
        g.writeFieldName(name);
        g.writeNumber(value);
    }

    private static void bool(JsonGenerator g, SerializableString name, boolean value) throws IOException {
        g.writeFieldName(name);
        g.writeBoolean(value);
    }

    private static void objectStart(JsonGenerator g, SerializableString name) throws IOException {
        g.writeFieldName(name);
        g.writeStartObject();
    }

    private static void arrayStart(JsonGenerator g, SerializableString name) throws IOException {
        g.writeFieldName(name);
        g.writeStartArray();
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
        enumPair(g, N_ACTIVITY_ID, N_ACTIVITY_NAME, f.activity());
        number(g, N_CATEGORY_UID, DetectionFinding.CATEGORY_UID);
        string(g, N_CATEGORY_NAME, DetectionFinding.CATEGORY_NAME);
        number(g, N_CLASS_UID, DetectionFinding.CLASS_UID);
        string(g, N_CLASS_NAME, DetectionFinding.CLASS_NAME);
        number(g, N_TYPE_UID, f.typeUid());
        string(g, N_TYPE_NAME, f.typeName());
        number(g, N_SEVERITY_ID, f.severity().id());
        string(g, N_SEVERITY, f.severity() == Severity.OTHER && f.severityLabel() != null
                ? f.severityLabel() : f.severity().caption());
        if (f.status() != null) {
            enumPair(g, N_STATUS_ID, N_STATUS, f.status());
        }
        number(g, N_TIME, f.time());
        longField(g, N_START_TIME, f.startTime());
        longField(g, N_END_TIME, f.endTime());
        if (f.timezoneOffset() != null) {
            number(g, N_TIMEZONE_OFFSET, f.timezoneOffset());
        }
        stringField(g, N_MESSAGE, f.message());
        if (f.isAlert() != null && version.atLeast(1, 4)) {
            bool(g, N_IS_ALERT, f.isAlert());
        }
        if (f.riskScore() != null) {
            number(g, N_RISK_SCORE, f.riskScore());
        }
        if (f.riskLevel() != null) {
            enumPair(g, N_RISK_LEVEL_ID, N_RISK_LEVEL, f.riskLevel());
        }
        writeMetadata(g, f.metadata());
        writeFindingInfo(g, f.findingInfo());
        if (f.device() != null) {
            g.writeFieldName(N_DEVICE);
            writeDevice(g, f.device());
        }
        if (!f.resources().isEmpty()) {
            arrayStart(g, N_RESOURCES);
            for (ResourceDetails r : f.resources()) {
                writeResource(g, r, version);
            }
            g.writeEndArray();
        }
        if (!f.evidences().isEmpty()) {
            arrayStart(g, N_EVIDENCES);
            for (Evidence e : f.evidences()) {
                writeEvidence(g, e, version);
            }
            g.writeEndArray();
        }
        if (!f.observables().isEmpty()) {
            arrayStart(g, N_OBSERVABLES);
            for (Observable o : f.observables()) {
                g.writeStartObject();
                string(g, N_NAME, o.name());
                enumPair(g, N_TYPE_ID, N_TYPE, o.type());
                string(g, N_VALUE, o.value());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        if (f.rawData() != null) {
            string(g, N_RAW_DATA, f.rawData());
            if (version.atLeast(1, 5)) {
                number(g, N_RAW_DATA_SIZE, utf8Length(f.rawData()));
            }
        }
        if (!f.unmapped().isEmpty()) {
            objectStart(g, N_UNMAPPED);
            for (Map.Entry<String, String> e : f.unmapped().entrySet()) {
                g.writeStringField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static void writeMetadata(JsonGenerator g, Metadata m) throws IOException {
        objectStart(g, N_METADATA);
        string(g, N_VERSION, m.version().toString());
        objectStart(g, N_PRODUCT);
        stringField(g, N_VENDOR_NAME, m.product().vendorName());
        stringField(g, N_NAME, m.product().name());
        stringField(g, N_VERSION, m.product().version());
        g.writeEndObject();
        stringField(g, N_CORRELATION_UID, m.correlationUid());
        stringField(g, N_EVENT_CODE, m.eventCode());
        stringField(g, N_LOG_NAME, m.logName());
        stringField(g, N_ORIGINAL_TIME, m.originalTime());
        longField(g, N_LOGGED_TIME, m.loggedTime());
        stringField(g, N_TENANT_UID, m.tenantUid());
        g.writeEndObject();
    }

    private static void writeFindingInfo(JsonGenerator g, FindingInfo fi) throws IOException {
        objectStart(g, N_FINDING_INFO);
        string(g, N_UID, fi.uid());
        stringField(g, N_TITLE, fi.title());
        stringField(g, N_DESC, fi.desc());
        stringField(g, N_SRC_URL, fi.srcUrl());
        stringArray(g, N_TYPES, fi.types());
        if (fi.analytic() != null) {
            Analytic a = fi.analytic();
            objectStart(g, N_ANALYTIC);
            stringField(g, N_UID, a.uid());
            stringField(g, N_NAME, a.name());
            enumPair(g, N_TYPE_ID, N_TYPE, a.type());
            stringField(g, N_CATEGORY, a.category());
            g.writeEndObject();
        }
        if (!fi.attacks().isEmpty()) {
            arrayStart(g, N_ATTACKS);
            for (Attack a : fi.attacks()) {
                g.writeStartObject();
                mitre(g, N_TACTIC, a.tactic());
                mitre(g, N_TECHNIQUE, a.technique());
                mitre(g, N_SUB_TECHNIQUE, a.subTechnique());
                stringField(g, N_VERSION, a.version());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        longField(g, N_CREATED_TIME, fi.createdTime());
        longField(g, N_FIRST_SEEN_TIME, fi.firstSeenTime());
        longField(g, N_LAST_SEEN_TIME, fi.lastSeenTime());
        if (!fi.relatedEvents().isEmpty()) {
            arrayStart(g, N_RELATED_EVENTS);
            for (RelatedEvent r : fi.relatedEvents()) {
                g.writeStartObject();
                string(g, N_UID, r.uid());
                stringField(g, N_TITLE, r.title());
                g.writeEndObject();
            }
            g.writeEndArray();
            number(g, N_RELATED_EVENTS_COUNT, fi.relatedEvents().size());
        }
        g.writeEndObject();
    }

    private static void writeDevice(JsonGenerator g, Device d) throws IOException {
        g.writeStartObject();
        enumPair(g, N_TYPE_ID, N_TYPE, d.type());
        stringField(g, N_HOSTNAME, d.hostname());
        stringField(g, N_IP, d.ip());
        stringField(g, N_MAC, d.mac());
        stringField(g, N_NAME, d.name());
        stringField(g, N_UID, d.uid());
        g.writeEndObject();
    }

    private static void writeResource(JsonGenerator g, ResourceDetails r, OcsfVersion version) throws IOException {
        g.writeStartObject();
        stringField(g, N_TYPE, r.type());
        stringField(g, N_NAME, r.name());
        stringField(g, N_HOSTNAME, r.hostname());
        stringField(g, N_IP, r.ip());
        if (version.atLeast(1, 6)) {
            enumPair(g, N_ROLE_ID, N_ROLE, r.role());
        }
        g.writeEndObject();
    }

    private static void writeEvidence(JsonGenerator g, Evidence e, OcsfVersion version) throws IOException {
        g.writeStartObject();
        if (e.srcEndpoint() != null) {
            g.writeFieldName(N_SRC_ENDPOINT);
            writeEndpoint(g, e.srcEndpoint(), version);
        }
        if (e.dstEndpoint() != null) {
            g.writeFieldName(N_DST_ENDPOINT);
            writeEndpoint(g, e.dstEndpoint(), version);
        }
        objectStart(g, N_CONNECTION_INFO);
        enumPair(g, N_DIRECTION_ID, N_DIRECTION, e.direction());
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void writeEndpoint(JsonGenerator g, NetworkEndpoint n, OcsfVersion version) throws IOException {
        g.writeStartObject();
        stringField(g, N_HOSTNAME, n.hostname());
        stringField(g, N_IP, n.ip());
        if (n.port() != null) {
            number(g, N_PORT, n.port());
        }
        stringField(g, N_MAC, n.mac());
        if (version.atLeast(1, 7)) {
            enumPair(g, N_NETWORK_SCOPE_ID, N_NETWORK_SCOPE, n.scope());
        }
        g.writeEndObject();
    }

    private static void mitre(JsonGenerator g, SerializableString field, MitreEntity m) throws IOException {
        if (m != null) {
            objectStart(g, field);
            stringField(g, N_UID, m.uid());
            stringField(g, N_NAME, m.name());
            g.writeEndObject();
        }
    }

    private static void enumPair(JsonGenerator g, SerializableString idField, SerializableString captionField, OcsfEnum value) throws IOException {
        number(g, idField, value.id());
        string(g, captionField, value.caption());
    }

    private static void stringField(JsonGenerator g, SerializableString name, String value) throws IOException {
        if (value != null) {
            string(g, name, value);
        }
    }

    private static void longField(JsonGenerator g, SerializableString name, Long value) throws IOException {
        if (value != null) {
            number(g, name, value);
        }
    }

    private static void stringArray(JsonGenerator g, SerializableString name, List<String> values) throws IOException {
        if (!values.isEmpty()) {
            arrayStart(g, name);
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
