package dev.sluice.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.sluice.cef.CefEvent;
import dev.sluice.cef.CefParseResult;
import dev.sluice.cef.CefRepair;
import dev.sluice.syslog.SyslogAnomaly;
import dev.sluice.syslog.SyslogMessage;
import java.io.IOException;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * The {@code syslog} and {@code cef} objects of the {@code ./sluice parse} output (ARCHITECTURE.md
 * "Public contract"). Each method writes one complete object as a field of the object being
 * written, so a caller can add its own fields (for example {@code ocsf}) around them.
 */
public final class ParseJson {

  private ParseJson() {}

  /**
   * {@code "syslog":{format, pri, facility, severity, timestamp, hostname, appName, procId, msgId,
   * structuredData, message, anomalies}}; absent values are null.
   */
  public static void writeSyslog(JsonGenerator json, SyslogMessage m) throws IOException {
    json.writeObjectFieldStart("syslog");
    json.writeStringField("format", m.format().wireName());
    writeOptionalInt(json, "pri", m.pri());
    writeOptionalInt(json, "facility", m.facility());
    writeOptionalInt(json, "severity", m.severity());
    json.writeStringField("timestamp",
        m.hasTimestamp() ? DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(m.timestamp()) : null);
    json.writeStringField("hostname", m.hostname());
    json.writeStringField("appName", m.appName());
    json.writeStringField("procId", m.procId());
    json.writeStringField("msgId", m.msgId());
    json.writeStringField("structuredData", m.structuredData());
    json.writeStringField("message", m.message());
    json.writeArrayFieldStart("anomalies");
    for (SyslogAnomaly anomaly : m.anomalies()) {
      json.writeString(anomaly.name());
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  /**
   * {@code "cef":{version, deviceVendor, deviceProduct, deviceVersion, signatureId, name,
   * severity, extensions, repairs}}; extensions keyed as sent, values unescaped.
   */
  public static void writeCef(JsonGenerator json, CefEvent event) throws IOException {
    json.writeObjectFieldStart("cef");
    json.writeNumberField("version", event.version());
    json.writeStringField("deviceVendor", event.deviceVendor());
    json.writeStringField("deviceProduct", event.deviceProduct());
    json.writeStringField("deviceVersion", event.deviceVersion());
    json.writeStringField("signatureId", event.signatureId());
    json.writeStringField("name", event.name());
    json.writeStringField("severity", event.severity());
    json.writeObjectFieldStart("extensions");
    for (Map.Entry<String, String> pair : event.extensions().entrySet()) {
      json.writeStringField(pair.getKey(), pair.getValue());
    }
    json.writeEndObject();
    json.writeArrayFieldStart("repairs");
    for (CefRepair repair : event.repairs()) {
      json.writeString(repair.name());
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  /**
   * The rejection fields {@code "reason"} and {@code "detail"}, plus {@code "cef":{headerFields}}
   * when part of a CEF header was read.
   */
  public static void writeRejection(JsonGenerator json, CefParseResult.Rejected rejected)
      throws IOException {
    json.writeStringField("reason", rejected.code().name());
    json.writeStringField("detail", rejected.detail());
    writeHeaderFields(json, rejected);
  }

  /** {@code "cef":{headerFields}} when part of a CEF header was read; nothing otherwise. */
  public static void writeHeaderFields(JsonGenerator json, CefParseResult.Rejected rejected)
      throws IOException {
    if (!rejected.headerFields().isEmpty()) {
      json.writeObjectFieldStart("cef");
      json.writeArrayFieldStart("headerFields");
      for (String field : rejected.headerFields()) {
        json.writeString(field);
      }
      json.writeEndArray();
      json.writeEndObject();
    }
  }

  private static void writeOptionalInt(JsonGenerator json, String name, int value)
      throws IOException {
    if (value < 0) {
      json.writeNullField(name);
    } else {
      json.writeNumberField(name, value);
    }
  }
}
