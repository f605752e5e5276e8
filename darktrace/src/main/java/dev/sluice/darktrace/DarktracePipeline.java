package dev.sluice.darktrace;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.cef.CefEvent;
import dev.sluice.cef.CefParseResult;
import dev.sluice.cef.CefParser;
import dev.sluice.cef.CefRejectionCode;
import dev.sluice.darktrace.internal.AttackTable;
import dev.sluice.darktrace.internal.CefAlertMapper;
import dev.sluice.darktrace.internal.FindingDraft;
import dev.sluice.darktrace.internal.JsonAlertMapper;
import dev.sluice.darktrace.internal.SmallNumbers;
import dev.sluice.syslog.SyslogMessage;
import dev.sluice.syslog.SyslogParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One frame from a Darktrace integration → an accepted alert with its OCSF Detection Finding, or
 * a rejection with a stable code. The single entry point for {@code ./sluice parse}, the
 * appliance and the tests. Thread-safe; no I/O; never throws on bad input.
 *
 * <p>Steps: syslog header ({@code syslog} module) → CEF ({@code cef} module) → Darktrace
 * recognition and mapping → enrichment from the {@link TenantContext} → OCSF. When the message
 * is not CEF and JSON is accepted for the integration, the MSG part (after an optional app-name
 * word such as {@code darktrace}) is read as Darktrace Syslog JSON. See docs/darktrace.md.
 *
 * <p>Buffer lifetime: the OCSF record in a result is fully materialized (it holds no reference to
 * the frame), but the result's {@code syslog} and {@code cef} parts decode lazily from the frame's
 * array. A caller that reuses its buffer (a {@code FrameHandler}) must read those parts during the
 * call, or pass a copy of the frame.
 */
public final class DarktracePipeline {
    /** Frames longer than this are rejected by the framer before reaching here; JSON bodies are bounded too. */
    public static final int MAX_JSON_BYTES = 1 << 20;

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final FindingDraft.UnmappedKey APP_NAME = FindingDraft.UnmappedKey.of("syslog.app_name");
    private static final FindingDraft.UnmappedKey FACILITY = FindingDraft.UnmappedKey.of("syslog.facility");
    private static final FindingDraft.UnmappedKey FORMAT = FindingDraft.UnmappedKey.of("syslog.format");
    private static final FindingDraft.UnmappedKey HOSTNAME = FindingDraft.UnmappedKey.of("syslog.hostname");
    private static final FindingDraft.UnmappedKey MSGID = FindingDraft.UnmappedKey.of("syslog.msgid");
    private static final FindingDraft.UnmappedKey PROCID = FindingDraft.UnmappedKey.of("syslog.procid");
    private static final FindingDraft.UnmappedKey SEVERITY = FindingDraft.UnmappedKey.of("syslog.severity");
    private static final FindingDraft.UnmappedKey TIMESTAMP = FindingDraft.UnmappedKey.of("syslog.timestamp");

    private final PipelineOptions options;
    private final SyslogParser syslogParser;
    private final CefParser cefParser = new CefParser();
    private final AttackTable attacks;
    private final CefAlertMapper cefMapper;
    private final JsonAlertMapper jsonMapper;

    public DarktracePipeline(PipelineOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        this.syslogParser = new SyslogParser(options.sourceZone());
        this.attacks = AttackTable.bundled();
        this.cefMapper = new CefAlertMapper(attacks);
        this.jsonMapper = new JsonAlertMapper(attacks);
    }

    public DarktracePipeline() {
        this(PipelineOptions.DEFAULTS);
    }

    public PipelineOptions options() {
        return options;
    }

    /** Processes {@code frame[offset, offset + length)}, one syslog frame without its trailer. Do not modify the array afterwards. */
    public DarktraceResult process(byte[] frame, int offset, int length, long receivedAtMillis,
                                   TenantContext tenant, AcceptedFormats formats) {
        Objects.checkFromIndexSize(offset, length, frame.length);
        return process(syslogParser.parse(frame, offset, length, receivedAtMillis), receivedAtMillis, tenant, formats);
    }

    /** Processes one frame given as text (encoded as UTF-8). */
    public DarktraceResult process(String frame, long receivedAtMillis, TenantContext tenant, AcceptedFormats formats) {
        byte[] bytes = frame.getBytes(StandardCharsets.UTF_8);
        return process(bytes, 0, bytes.length, receivedAtMillis, tenant, formats);
    }

    /** Processes a frame whose syslog header the caller has already parsed. */
    public DarktraceResult process(SyslogMessage syslog, long receivedAtMillis, TenantContext tenant, AcceptedFormats formats) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(formats, "formats");
        byte[] bytes = syslog.bytes();
        int start = syslog.messageOffset();
        int end = syslog.messageEnd();
        if (isBlank(bytes, syslog.offset(), syslog.offset() + syslog.length())) {
            return new DarktraceResult.Rejected(RejectionCode.EMPTY_FRAME.name(), "empty frame", syslog, null);
        }
        CefParseResult cef = cefParser.parse(bytes, start, end - start);
        if (cef instanceof CefParseResult.Parsed parsed) {
            if (!formats.accepts(AlertFormat.CEF)) {
                return new DarktraceResult.Rejected(RejectionCode.FORMAT_NOT_ACCEPTED.name(),
                        "CEF is not accepted by this integration", syslog, cef);
            }
            return fromCef(syslog, parsed, receivedAtMillis, tenant);
        }
        CefParseResult.Rejected rejected = (CefParseResult.Rejected) cef;
        if (rejected.code() != CefRejectionCode.NOT_CEF) {
            return new DarktraceResult.Rejected(rejected.code().name(), rejected.detail(), syslog, cef);
        }
        int json = jsonStart(bytes, start, end);
        if (json < 0) {
            return new DarktraceResult.Rejected(RejectionCode.NOT_CEF.name(),
                    formats.accepts(AlertFormat.JSON) ? "neither CEF nor Darktrace JSON" : "no CEF:<version>| marker",
                    syslog, cef);
        }
        if (!formats.accepts(AlertFormat.JSON)) {
            return new DarktraceResult.Rejected(RejectionCode.FORMAT_NOT_ACCEPTED.name(),
                    "Syslog JSON is not accepted by this integration (CEF only)", syslog, null);
        }
        return fromJson(syslog, json, end, receivedAtMillis, tenant);
    }

    private DarktraceResult fromCef(SyslogMessage syslog, CefParseResult.Parsed parsed, long receivedAtMillis, TenantContext tenant) {
        CefEvent event = parsed.event();
        FindingDraft draft = new FindingDraft();
        RejectionCode code = cefMapper.map(event, options.sourceZone(), receivedAtMillis, draft);
        if (code != null) {
            String detail = code == RejectionCode.WRONG_VENDOR
                    ? "CEF Device Vendor is not Darktrace" : "Darktrace CEF product not recognised";
            return new DarktraceResult.Rejected(code.name(), detail, syslog, parsed);
        }
        return accept(syslog, event, draft, receivedAtMillis, tenant);
    }

    private DarktraceResult fromJson(SyslogMessage syslog, int start, int end, long receivedAtMillis, TenantContext tenant) {
        if (end - start > MAX_JSON_BYTES) {
            return new DarktraceResult.Rejected(RejectionCode.INVALID_JSON.name(), "JSON body larger than " + MAX_JSON_BYTES + " bytes", syslog, null);
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(syslog.bytes(), start, end - start);
        } catch (JsonProcessingException e) {
            return new DarktraceResult.Rejected(RejectionCode.INVALID_JSON.name(), "JSON does not parse: " + e.getOriginalMessage(), syslog, null);
        } catch (IOException e) {
            return new DarktraceResult.Rejected(RejectionCode.INVALID_JSON.name(), "JSON does not parse", syslog, null);
        }
        if (root == null || !root.isObject()) {
            return new DarktraceResult.Rejected(RejectionCode.INVALID_JSON.name(), "JSON body is not an object", syslog, null);
        }
        FindingDraft draft = new FindingDraft();
        RejectionCode code = jsonMapper.map(root, draft);
        if (code != null) {
            return new DarktraceResult.Rejected(code.name(), "JSON is not a Darktrace model breach, AI Analyst or system status alert", syslog, null);
        }
        return accept(syslog, null, draft, receivedAtMillis, tenant);
    }

    private DarktraceResult accept(SyslogMessage syslog, CefEvent cef, FindingDraft draft, long receivedAtMillis, TenantContext tenant) {
        String timestamp = syslog.timestampText();
        String hostname = syslog.hostname();
        if (draft.time == null && syslog.hasTimestamp()) {
            draft.time = syslog.timestampEpochSecond() * 1000 + syslog.timestampNano() / 1_000_000;
            draft.originalTime = timestamp;
            draft.timezoneOffset = syslog.timestampOffsetSeconds() / 60;
        }
        envelope(syslog, timestamp, hostname, draft);
        draft.rawData = syslog.raw();
        return new DarktraceResult.Accepted(syslog, cef, draft.kind, draft.format, draft.alertType,
                draft.kind == AlertKind.TEST_ALERT, hostname,
                draft.build(tenant, options, attacks, receivedAtMillis));
    }

    /** The syslog header as {@code syslog.<field>} entries (added in key order, which keeps the sort cheap). */
    private static void envelope(SyslogMessage s, String timestamp, String hostname, FindingDraft d) {
        putIfPresent(d, APP_NAME, s.appName());
        if (s.pri() >= 0) {
            d.putUnmapped(FACILITY, SmallNumbers.of(s.facility()));
        }
        d.putUnmapped(FORMAT, s.format().wireName());
        putIfPresent(d, HOSTNAME, hostname);
        putIfPresent(d, MSGID, s.msgId());
        putIfPresent(d, PROCID, s.procId());
        if (s.pri() >= 0) {
            d.putUnmapped(SEVERITY, SmallNumbers.of(s.severity()));
        }
        putIfPresent(d, TIMESTAMP, timestamp);
    }

    private static void putIfPresent(FindingDraft d, FindingDraft.UnmappedKey key, String value) {
        if (value != null && !value.isEmpty()) {
            d.putUnmapped(key, value);
        }
    }

    /** Index of '{' starting the JSON body (after an optional app-name word), or -1. */
    static int jsonStart(byte[] b, int start, int end) {
        int i = start;
        while (i < end && (b[i] == ' ' || b[i] == '\t')) {
            i++;
        }
        int word = i;
        while (i < end && (Character.isLetterOrDigit(b[i]) || b[i] == '_' || b[i] == '-')) {
            i++;
        }
        if (i > word && i < end && b[i] == ':') {
            i++;
        }
        while (i < end && (b[i] == ' ' || b[i] == '\t')) {
            i++;
        }
        return i < end && b[i] == '{' ? i : -1;
    }

    private static boolean isBlank(byte[] b, int start, int end) {
        for (int i = start; i < end; i++) {
            if (b[i] != ' ' && b[i] != '\t' && b[i] != '\r' && b[i] != '\n') {
                return false;
            }
        }
        return true;
    }
}
