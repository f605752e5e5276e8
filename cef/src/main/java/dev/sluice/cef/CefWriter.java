package dev.sluice.cef;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Writes CEF text that {@link CefParser} reads back identically:
 * <pre>
 * CEF:Version|Vendor|Product|Device Version|Signature ID|Name|Severity|key=value key=value ...
 * </pre>
 * Header fields escape {@code \} and {@code |}; extension values escape {@code \}, {@code =},
 * LF ({@code \n}) and CR ({@code \r}). Pipes in values and spaces are written as they are. No
 * syslog header and no trailer: see {@code dev.sluice.syslog.SyslogWriter} for those.
 */
public final class CefWriter {

  private CefWriter() {}

  public static String write(CefRecord record) {
    return appendTo(record, new StringBuilder(256)).toString();
  }

  /** The CEF text as UTF-8 bytes. */
  public static byte[] toBytes(CefRecord record) {
    return write(record).getBytes(StandardCharsets.UTF_8);
  }

  public static StringBuilder appendTo(CefRecord record, StringBuilder out) {
    out.append("CEF:").append(record.version()).append('|');
    appendHeaderField(record.deviceVendor(), out);
    appendHeaderField(record.deviceProduct(), out);
    appendHeaderField(record.deviceVersion(), out);
    appendHeaderField(record.signatureId(), out);
    appendHeaderField(record.name(), out);
    appendHeaderField(record.severity(), out);
    boolean first = true;
    for (Map.Entry<String, String> pair : record.extensions().entrySet()) {
      if (!first) {
        out.append(' ');
      }
      first = false;
      out.append(pair.getKey()).append('=');
      appendValue(pair.getValue(), out);
    }
    return out;
  }

  private static void appendHeaderField(String field, StringBuilder out) {
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      if (c == '\\' || c == '|') {
        out.append('\\');
      }
      out.append(c);
    }
    out.append('|');
  }

  /** Appends {@code value} with the CEF extension escapes. */
  public static void appendValue(String value, StringBuilder out) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '=' -> out.append("\\=");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        default -> out.append(c);
      }
    }
  }
}
