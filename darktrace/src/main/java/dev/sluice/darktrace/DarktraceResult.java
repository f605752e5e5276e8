package dev.sluice.darktrace;

import dev.sluice.cef.CefEvent;
import dev.sluice.cef.CefParseResult;
import dev.sluice.ocsf.DetectionFinding;
import dev.sluice.syslog.SyslogMessage;
import java.util.Objects;

/** What {@link DarktracePipeline} made of one frame: an {@link Accepted} alert or a {@link Rejected} frame. */
public sealed interface DarktraceResult permits DarktraceResult.Accepted, DarktraceResult.Rejected {

    /** The syslog header as parsed (format {@code NONE} when the frame had none). */
    SyslogMessage syslog();

    /**
     * A Darktrace alert.
     *
     * @param cef            the CEF event, or null for a Syslog JSON alert
     * @param alertType      the sanitised CEF Name (model path), see docs/darktrace.md §5
     * @param testAlert      the "Verify alert sending" test alert
     * @param senderHostname the syslog HOSTNAME (the Darktrace master), or null
     * @param finding        the OCSF Detection Finding
     */
    record Accepted(SyslogMessage syslog, CefEvent cef, AlertKind kind, AlertFormat format, String alertType,
                    boolean testAlert, String senderHostname, DetectionFinding finding) implements DarktraceResult {
        public Accepted {
            Objects.requireNonNull(syslog, "syslog");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(format, "format");
            Objects.requireNonNull(alertType, "alertType");
            Objects.requireNonNull(finding, "finding");
            if (format == AlertFormat.CEF && cef == null) {
                throw new IllegalArgumentException("a CEF alert carries its CEF event");
            }
        }
    }

    /**
     * A frame that is not an accepted Darktrace alert.
     *
     * @param code   a stable code: a {@link RejectionCode} name or a {@code cef} parser code
     * @param detail a short explanation (never the whole message)
     * @param cef    what the CEF parser read (a {@code Parsed} event for WRONG_VENDOR/UNKNOWN_PRODUCT,
     *               a {@code Rejected} result with the header fields read for parser codes), or null
     */
    record Rejected(String code, String detail, SyslogMessage syslog, CefParseResult cef) implements DarktraceResult {
        public Rejected {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(detail, "detail");
        }
    }
}
