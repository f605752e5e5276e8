package dev.sluice.syslog;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A state machine over RFC 5424 STRUCTURED-DATA:
 * <pre>
 * STRUCTURED-DATA = 1*SD-ELEMENT
 * SD-ELEMENT      = "[" SD-ID *(SP SD-PARAM) "]"
 * SD-PARAM        = PARAM-NAME "=" %d34 PARAM-VALUE %d34
 * SD-NAME         = 1*32PRINTUSASCII except '=', SP, ']', %d34
 * </pre>
 * Inside PARAM-VALUE, {@code \"}, {@code \\} and {@code \]} are escapes; any other backslash is
 * kept literally, and an unescaped {@code [} is ordinary data.
 */
final class StructuredDataScanner {

  private static final int MAX_NAME = 32;

  private StructuredDataScanner() {}

  /**
   * Scans elements starting at {@code from} (which holds {@code [}); returns the index just past
   * the last element, or -1 if malformed. Adds the elements to {@code out} when it is not null.
   */
  static int scan(byte[] b, int from, int to, List<StructuredDataElement> out) {
    int i = from;
    while (i < to && b[i] == '[') {
      i++;
      int idStart = i;
      i = nameEnd(b, i, to);
      if (i == idStart || i >= to) {
        return -1;
      }
      String id = out == null ? null : ascii(b, idStart, i);
      List<StructuredDataElement.Param> params = out == null ? null : new ArrayList<>();
      while (true) {
        if (i >= to) {
          return -1;
        }
        if (b[i] == ']') {
          i++;
          break;
        }
        if (b[i] != ' ') {
          return -1;
        }
        i++;
        int nameStart = i;
        i = nameEnd(b, i, to);
        if (i == nameStart || i + 1 >= to || b[i] != '=' || b[i + 1] != '"') {
          return -1;
        }
        int nameStop = i;
        i += 2;
        int valueStart = i;
        while (i < to && b[i] != '"') {
          i += b[i] == '\\' ? 2 : 1;
        }
        if (i >= to) {
          return -1;
        }
        if (params != null) {
          params.add(new StructuredDataElement.Param(ascii(b, nameStart, nameStop),
              unescape(b, valueStart, i)));
        }
        i++;
      }
      if (out != null) {
        out.add(new StructuredDataElement(id, params));
      }
    }
    return i == from ? -1 : i;
  }

  private static int nameEnd(byte[] b, int i, int to) {
    int start = i;
    while (i < to && i - start < MAX_NAME) {
      byte c = b[i];
      if (c <= ' ' || c == '=' || c == ']' || c == '"' || c >= 127) {
        break;
      }
      i++;
    }
    return i;
  }

  private static String unescape(byte[] b, int from, int to) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(to - from);
    for (int i = from; i < to; i++) {
      byte c = b[i];
      if (c == '\\' && i + 1 < to && (b[i + 1] == '"' || b[i + 1] == '\\' || b[i + 1] == ']')) {
        c = b[++i];
      }
      out.write(c);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static String ascii(byte[] b, int from, int to) {
    return new String(b, from, to - from, StandardCharsets.US_ASCII);
  }
}
