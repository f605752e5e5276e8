package dev.sluice.ocsf;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

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
 *
 * <p>The record's shape is fixed, so the compact form is written straight into a byte buffer
 * ({@link JsonBytes}): attribute names, the classification block of each activity and every
 * enum's id/caption pair are encoded once, and strings are escaped by a loop that copies ASCII
 * as is. The bytes are the ones Jackson's UTF-8 generator writes for the same tokens. Writing into
 * a caller's {@link JsonGenerator} (embedding, pretty printing) replays these tokens into it, so
 * that generator's own settings apply. Thread-safe: each thread reuses its own buffer.
 */
public final class OcsfJsonWriter {
    private static final JsonFactory FACTORY = JsonFactory.builder().build();
    /** A thread's buffer that grew beyond this (a huge record) is not kept. */
    private static final int KEEP_BYTES = 1 << 20;
    private static final ThreadLocal<JsonBytes> BUFFER = ThreadLocal.withInitial(() -> new JsonBytes(8192));

    private OcsfJsonWriter() {
    }

    private static final byte[] N_ANALYTIC = JsonBytes.encodeName("analytic");
    private static final byte[] N_ATTACKS = JsonBytes.encodeName("attacks");
    private static final byte[] N_CATEGORY = JsonBytes.encodeName("category");
    private static final byte[] N_CONNECTION_INFO = JsonBytes.encodeName("connection_info");
    private static final byte[] N_CORRELATION_UID = JsonBytes.encodeName("correlation_uid");
    private static final byte[] N_CREATED_TIME = JsonBytes.encodeName("created_time");
    private static final byte[] N_DESC = JsonBytes.encodeName("desc");
    private static final byte[] N_DEVICE = JsonBytes.encodeName("device");
    private static final byte[] N_DST_ENDPOINT = JsonBytes.encodeName("dst_endpoint");
    private static final byte[] N_END_TIME = JsonBytes.encodeName("end_time");
    private static final byte[] N_EVENT_CODE = JsonBytes.encodeName("event_code");
    private static final byte[] N_EVIDENCES = JsonBytes.encodeName("evidences");
    private static final byte[] N_FINDING_INFO = JsonBytes.encodeName("finding_info");
    private static final byte[] N_FIRST_SEEN_TIME = JsonBytes.encodeName("first_seen_time");
    private static final byte[] N_HOSTNAME = JsonBytes.encodeName("hostname");
    private static final byte[] N_IP = JsonBytes.encodeName("ip");
    private static final byte[] N_IS_ALERT = JsonBytes.encodeName("is_alert");
    private static final byte[] N_LAST_SEEN_TIME = JsonBytes.encodeName("last_seen_time");
    private static final byte[] N_LOG_NAME = JsonBytes.encodeName("log_name");
    private static final byte[] N_LOGGED_TIME = JsonBytes.encodeName("logged_time");
    private static final byte[] N_MAC = JsonBytes.encodeName("mac");
    private static final byte[] N_MESSAGE = JsonBytes.encodeName("message");
    private static final byte[] N_METADATA = JsonBytes.encodeName("metadata");
    private static final byte[] N_NAME = JsonBytes.encodeName("name");
    private static final byte[] N_OBSERVABLES = JsonBytes.encodeName("observables");
    private static final byte[] N_ORIGINAL_TIME = JsonBytes.encodeName("original_time");
    private static final byte[] N_PORT = JsonBytes.encodeName("port");
    private static final byte[] N_PRODUCT = JsonBytes.encodeName("product");
    private static final byte[] N_RAW_DATA = JsonBytes.encodeName("raw_data");
    private static final byte[] N_RAW_DATA_SIZE = JsonBytes.encodeName("raw_data_size");
    private static final byte[] N_RELATED_EVENTS = JsonBytes.encodeName("related_events");
    private static final byte[] N_RELATED_EVENTS_COUNT = JsonBytes.encodeName("related_events_count");
    private static final byte[] N_RESOURCES = JsonBytes.encodeName("resources");
    private static final byte[] N_RISK_SCORE = JsonBytes.encodeName("risk_score");
    private static final byte[] N_SEVERITY = JsonBytes.encodeName("severity");
    private static final byte[] N_SEVERITY_ID = JsonBytes.encodeName("severity_id");
    private static final byte[] N_SRC_ENDPOINT = JsonBytes.encodeName("src_endpoint");
    private static final byte[] N_SRC_URL = JsonBytes.encodeName("src_url");
    private static final byte[] N_START_TIME = JsonBytes.encodeName("start_time");
    private static final byte[] N_SUB_TECHNIQUE = JsonBytes.encodeName("sub_technique");
    private static final byte[] N_TACTIC = JsonBytes.encodeName("tactic");
    private static final byte[] N_TECHNIQUE = JsonBytes.encodeName("technique");
    private static final byte[] N_TENANT_UID = JsonBytes.encodeName("tenant_uid");
    private static final byte[] N_TIME = JsonBytes.encodeName("time");
    private static final byte[] N_TIMEZONE_OFFSET = JsonBytes.encodeName("timezone_offset");
    private static final byte[] N_TITLE = JsonBytes.encodeName("title");
    private static final byte[] N_TYPE = JsonBytes.encodeName("type");
    private static final byte[] N_TYPES = JsonBytes.encodeName("types");
    private static final byte[] N_UID = JsonBytes.encodeName("uid");
    private static final byte[] N_UNMAPPED = JsonBytes.encodeName("unmapped");
    private static final byte[] N_VALUE = JsonBytes.encodeName("value");
    private static final byte[] N_VENDOR_NAME = JsonBytes.encodeName("vendor_name");
    private static final byte[] N_VERSION = JsonBytes.encodeName("version");
    private static final byte[] DEFAULT_VERSION = JsonBytes.stringPair("version", OcsfVersion.DEFAULT.toString());

    /** {@code activity_id} … {@code type_name}: everything that follows from the activity, per activity. */
    private static final Pairs CLASSIFICATION = new Pairs(FindingActivity.values(), a -> {
        JsonBytes b = new JsonBytes(256);
        b.pair(JsonBytes.enumPair("activity_id", "activity_name", a));
        b.name(JsonBytes.encodeName("category_uid"));
        b.number(DetectionFinding.CATEGORY_UID);
        b.pair(JsonBytes.stringPair("category_name", DetectionFinding.CATEGORY_NAME));
        b.name(JsonBytes.encodeName("class_uid"));
        b.number(DetectionFinding.CLASS_UID);
        b.pair(JsonBytes.stringPair("class_name", DetectionFinding.CLASS_NAME));
        b.name(JsonBytes.encodeName("type_uid"));
        b.number(DetectionFinding.CLASS_UID * 100L + a.id());
        b.pair(JsonBytes.stringPair("type_name", DetectionFinding.CLASS_NAME + ": " + a.caption()));
        return b.toByteArray();
    });
    private static final Pairs SEVERITY = Pairs.of(Severity.values(), "severity_id", "severity");
    private static final Pairs STATUS = Pairs.of(FindingStatus.values(), "status_id", "status");
    private static final Pairs RISK_LEVEL = Pairs.of(RiskLevel.values(), "risk_level_id", "risk_level");
    private static final Pairs ANALYTIC_TYPE = Pairs.of(AnalyticType.values(), "type_id", "type");
    private static final Pairs OBSERVABLE_TYPE = Pairs.of(ObservableType.values(), "type_id", "type");
    private static final Pairs DEVICE_TYPE = Pairs.of(DeviceType.values(), "type_id", "type");
    private static final Pairs ROLE = Pairs.of(ResourceRole.values(), "role_id", "role");
    private static final Pairs DIRECTION = Pairs.of(ConnectionDirection.values(), "direction_id", "direction");
    private static final Pairs SCOPE = Pairs.of(NetworkScope.values(), "network_scope_id", "network_scope");

    /** Pre-encoded members per constant of one enum. */
    private static final class Pairs {
        private final byte[][] byOrdinal;

        Pairs(OcsfEnum[] values, java.util.function.Function<OcsfEnum, byte[]> encode) {
            byOrdinal = new byte[values.length][];
            for (OcsfEnum v : values) {
                byOrdinal[((Enum<?>) v).ordinal()] = encode.apply(v);
            }
        }

        static Pairs of(OcsfEnum[] values, String idName, String captionName) {
            return new Pairs(values, v -> JsonBytes.enumPair(idName, captionName, v));
        }

        byte[] of(OcsfEnum value) {
            return byOrdinal[((Enum<?>) value).ordinal()];
        }
    }

    /** Compact JSON (one line), UTF-8. */
    public static byte[] toBytes(DetectionFinding finding) {
        JsonBytes out = encode(finding);
        byte[] bytes = out.toByteArray();
        out.trim(KEEP_BYTES);
        return bytes;
    }

    /** Compact JSON (one line), UTF-8, appended to {@code out} (which is not closed). */
    public static void writeTo(DetectionFinding finding, OutputStream out) {
        JsonBytes json = encode(finding);
        try {
            out.write(json.array(), 0, json.size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            json.trim(KEEP_BYTES);
        }
    }

    /** Compact JSON (one line). */
    public static String toJson(DetectionFinding finding) {
        JsonBytes out = encode(finding);
        String json = new String(out.array(), 0, out.size(), StandardCharsets.UTF_8);
        out.trim(KEEP_BYTES);
        return json;
    }

    /** Indented JSON with LF line ends (golden files). */
    public static String toPrettyJson(DetectionFinding finding) {
        StringWriter out = new StringWriter(4096);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.setPrettyPrinter(new DefaultPrettyPrinter()
                    .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                    .withArrayIndenter(new DefaultIndenter("  ", "\n")));
            write(finding, g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * Writes the record as one JSON object into {@code g} (for embedding in a larger document),
     * token by token, so the generator's pretty printer and escaping apply.
     */
    public static void write(DetectionFinding finding, JsonGenerator g) throws IOException {
        JsonBytes out = encode(finding);
        try (JsonParser p = FACTORY.createParser(out.array(), 0, out.size())) {
            p.nextToken();
            g.copyCurrentStructure(p);
        } finally {
            out.trim(KEEP_BYTES);
        }
    }

    /** The compact JSON in this thread's buffer (valid until the thread's next call). */
    private static JsonBytes encode(DetectionFinding f) {
        JsonBytes out = BUFFER.get();
        out.reset();
        write(f, out);
        return out;
    }

    private static boolean atLeast(OcsfVersion v, int major, int minor) {
        return v.major() > major || v.major() == major && v.minor() >= minor;
    }

    private static void write(DetectionFinding f, JsonBytes out) {
        OcsfVersion version = f.metadata().version();
        out.startObject();
        out.pair(CLASSIFICATION.of(f.activity()));
        if (f.severity() == Severity.OTHER && f.severityLabel() != null) {
            out.name(N_SEVERITY_ID);
            out.number(f.severity().id());
            out.name(N_SEVERITY);
            out.string(f.severityLabel());
        } else {
            out.pair(SEVERITY.of(f.severity()));
        }
        if (f.status() != null) {
            out.pair(STATUS.of(f.status()));
        }
        out.name(N_TIME);
        out.number(f.time());
        longField(out, N_START_TIME, f.startTime());
        longField(out, N_END_TIME, f.endTime());
        if (f.timezoneOffset() != null) {
            out.name(N_TIMEZONE_OFFSET);
            out.number(f.timezoneOffset());
        }
        stringField(out, N_MESSAGE, f.message());
        if (f.isAlert() != null && atLeast(version, 1, 4)) {
            out.name(N_IS_ALERT);
            out.bool(f.isAlert());
        }
        if (f.riskScore() != null) {
            out.name(N_RISK_SCORE);
            out.number(f.riskScore());
        }
        if (f.riskLevel() != null) {
            out.pair(RISK_LEVEL.of(f.riskLevel()));
        }
        writeMetadata(out, f.metadata());
        writeFindingInfo(out, f.findingInfo());
        if (f.device() != null) {
            out.name(N_DEVICE);
            writeDevice(out, f.device());
        }
        if (!f.resources().isEmpty()) {
            boolean roles = atLeast(version, 1, 6);
            out.name(N_RESOURCES);
            out.startArray();
            for (ResourceDetails r : f.resources()) {
                writeResource(out, r, roles);
            }
            out.endArray();
        }
        if (!f.evidences().isEmpty()) {
            boolean scopes = atLeast(version, 1, 7);
            out.name(N_EVIDENCES);
            out.startArray();
            for (Evidence e : f.evidences()) {
                writeEvidence(out, e, scopes);
            }
            out.endArray();
        }
        if (!f.observables().isEmpty()) {
            out.name(N_OBSERVABLES);
            out.startArray();
            for (Observable o : f.observables()) {
                out.startObject();
                out.name(N_NAME);
                out.string(o.name());
                out.pair(OBSERVABLE_TYPE.of(o.type()));
                out.name(N_VALUE);
                out.string(o.value());
                out.endObject();
            }
            out.endArray();
        }
        if (f.rawData() != null) {
            String raw = f.rawData();
            out.name(N_RAW_DATA);
            int start = out.size();
            out.string(raw);
            if (atLeast(version, 1, 5)) {
                // One output byte per char (plus the quotes) means plain ASCII: its UTF-8 size is its length.
                boolean ascii = out.size() - start - 2 == raw.length();
                out.name(N_RAW_DATA_SIZE);
                out.number(ascii ? raw.length() : utf8Length(raw));
            }
        }
        UnmappedMap unmapped = (UnmappedMap) f.unmapped();
        int entries = unmapped.size();
        if (entries > 0) {
            out.name(N_UNMAPPED);
            out.startObject();
            for (int i = 0; i < entries; i++) {
                out.name(unmapped.keyAt(i));
                out.string(unmapped.valueAt(i));
            }
            out.endObject();
        }
        out.endObject();
    }

    private static void writeMetadata(JsonBytes out, Metadata m) {
        out.name(N_METADATA);
        out.startObject();
        if (m.version().equals(OcsfVersion.DEFAULT)) {
            out.pair(DEFAULT_VERSION);
        } else {
            out.name(N_VERSION);
            out.string(m.version().toString());
        }
        out.name(N_PRODUCT);
        out.startObject();
        stringField(out, N_VENDOR_NAME, m.product().vendorName());
        stringField(out, N_NAME, m.product().name());
        stringField(out, N_VERSION, m.product().version());
        out.endObject();
        stringField(out, N_CORRELATION_UID, m.correlationUid());
        stringField(out, N_EVENT_CODE, m.eventCode());
        stringField(out, N_LOG_NAME, m.logName());
        stringField(out, N_ORIGINAL_TIME, m.originalTime());
        longField(out, N_LOGGED_TIME, m.loggedTime());
        stringField(out, N_TENANT_UID, m.tenantUid());
        out.endObject();
    }

    private static void writeFindingInfo(JsonBytes out, FindingInfo fi) {
        out.name(N_FINDING_INFO);
        out.startObject();
        out.name(N_UID);
        out.string(fi.uid());
        stringField(out, N_TITLE, fi.title());
        stringField(out, N_DESC, fi.desc());
        stringField(out, N_SRC_URL, fi.srcUrl());
        stringArray(out, N_TYPES, fi.types());
        if (fi.analytic() != null) {
            Analytic a = fi.analytic();
            out.name(N_ANALYTIC);
            out.startObject();
            stringField(out, N_UID, a.uid());
            stringField(out, N_NAME, a.name());
            out.pair(ANALYTIC_TYPE.of(a.type()));
            stringField(out, N_CATEGORY, a.category());
            out.endObject();
        }
        if (!fi.attacks().isEmpty()) {
            out.name(N_ATTACKS);
            out.startArray();
            for (Attack a : fi.attacks()) {
                out.startObject();
                mitre(out, N_TACTIC, a.tactic());
                mitre(out, N_TECHNIQUE, a.technique());
                mitre(out, N_SUB_TECHNIQUE, a.subTechnique());
                stringField(out, N_VERSION, a.version());
                out.endObject();
            }
            out.endArray();
        }
        longField(out, N_CREATED_TIME, fi.createdTime());
        longField(out, N_FIRST_SEEN_TIME, fi.firstSeenTime());
        longField(out, N_LAST_SEEN_TIME, fi.lastSeenTime());
        if (!fi.relatedEvents().isEmpty()) {
            out.name(N_RELATED_EVENTS);
            out.startArray();
            for (RelatedEvent r : fi.relatedEvents()) {
                out.startObject();
                out.name(N_UID);
                out.string(r.uid());
                stringField(out, N_TITLE, r.title());
                out.endObject();
            }
            out.endArray();
            out.name(N_RELATED_EVENTS_COUNT);
            out.number(fi.relatedEvents().size());
        }
        out.endObject();
    }

    private static void writeDevice(JsonBytes out, Device d) {
        out.startObject();
        out.pair(DEVICE_TYPE.of(d.type()));
        stringField(out, N_HOSTNAME, d.hostname());
        stringField(out, N_IP, d.ip());
        stringField(out, N_MAC, d.mac());
        stringField(out, N_NAME, d.name());
        stringField(out, N_UID, d.uid());
        out.endObject();
    }

    private static void writeResource(JsonBytes out, ResourceDetails r, boolean roles) {
        out.startObject();
        stringField(out, N_TYPE, r.type());
        stringField(out, N_NAME, r.name());
        stringField(out, N_HOSTNAME, r.hostname());
        stringField(out, N_IP, r.ip());
        if (roles) {
            out.pair(ROLE.of(r.role()));
        }
        out.endObject();
    }

    private static void writeEvidence(JsonBytes out, Evidence e, boolean scopes) {
        out.startObject();
        if (e.srcEndpoint() != null) {
            out.name(N_SRC_ENDPOINT);
            writeEndpoint(out, e.srcEndpoint(), scopes);
        }
        if (e.dstEndpoint() != null) {
            out.name(N_DST_ENDPOINT);
            writeEndpoint(out, e.dstEndpoint(), scopes);
        }
        out.name(N_CONNECTION_INFO);
        out.startObject();
        out.pair(DIRECTION.of(e.direction()));
        out.endObject();
        out.endObject();
    }

    private static void writeEndpoint(JsonBytes out, NetworkEndpoint n, boolean scopes) {
        out.startObject();
        stringField(out, N_HOSTNAME, n.hostname());
        stringField(out, N_IP, n.ip());
        if (n.port() != null) {
            out.name(N_PORT);
            out.number(n.port());
        }
        stringField(out, N_MAC, n.mac());
        if (scopes) {
            out.pair(SCOPE.of(n.scope()));
        }
        out.endObject();
    }

    private static void mitre(JsonBytes out, byte[] name, MitreEntity m) {
        if (m != null) {
            out.name(name);
            out.startObject();
            stringField(out, N_UID, m.uid());
            stringField(out, N_NAME, m.name());
            out.endObject();
        }
    }

    private static void stringField(JsonBytes out, byte[] name, String value) {
        if (value != null) {
            out.name(name);
            out.string(value);
        }
    }

    private static void longField(JsonBytes out, byte[] name, Long value) {
        if (value != null) {
            out.name(name);
            out.number(value);
        }
    }

    private static void stringArray(JsonBytes out, byte[] name, List<String> values) {
        if (!values.isEmpty()) {
            out.name(name);
            out.startArray();
            for (String v : values) {
                out.string(v);
            }
            out.endArray();
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
