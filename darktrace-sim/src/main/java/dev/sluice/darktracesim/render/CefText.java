package dev.sluice.darktracesim.render;

import java.util.Map;

/**
 * Writes a {@link CefEvent} as CEF text: header fields escape {@code \} and {@code |};
 * extension values escape {@code \}, {@code =}, LF ({@code \n}) and CR ({@code \r}).
 */
final class CefText {
  private CefText() {}

  static String write(CefEvent e) {
    StringBuilder sb = new StringBuilder(512);
    sb.append("CEF:0|");
    header(sb, e.vendor());
    header(sb, e.product());
    header(sb, e.version());
    header(sb, e.signatureId());
    header(sb, e.name());
    header(sb, e.severity());
    boolean first = true;
    for (Map.Entry<String, String> kv : e.extensions().entrySet()) {
      if (!first) {
        sb.append(' ');
      }
      first = false;
      sb.append(kv.getKey()).append('=');
      extensionValue(sb, kv.getValue());
    }
    return sb.toString();
  }

  private static void header(StringBuilder sb, String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\' || c == '|') {
        sb.append('\\');
      }
      sb.append(c);
    }
    sb.append('|');
  }

  private static void extensionValue(StringBuilder sb, String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> sb.append("\\\\");
        case '=' -> sb.append("\\=");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        default -> sb.append(c);
      }
    }
  }
}
