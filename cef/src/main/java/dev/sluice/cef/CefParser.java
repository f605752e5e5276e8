package dev.sluice.cef;

import dev.sluice.cef.internal.ByteSearch;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Parses ArcSight CEF (CEF:0 and CEF:1) from bytes. Never throws on input; thread-safe.
 *
 * <h2>Grammar</h2>
 * <pre>
 * [prefix] CEF:Version|Device Vendor|Device Product|Device Version|Signature ID|Name|Severity|[Extension]
 * </pre>
 * <ul>
 *   <li><b>Start</b>: input that begins with {@code CEF:} is parsed from there; otherwise the
 *       first {@code CEF:<digits>|} followed by 6 more unescaped pipes (so {@code host-CEF:1-box}
 *       in a hostname is skipped). Text before it is the {@linkplain CefEvent#prefix() prefix}.</li>
 *   <li><b>Header</b>: 7 fields split on unescaped {@code |} by a scanner; escapes are only
 *       {@code \|} and {@code \\}; a {@code =} is literal. Version must be an integer. Severity is
 *       kept as sent and normalized ({@link CefSeverity}).</li>
 *   <li><b>Extension</b>: {@code key=value} pairs separated by spaces; values may contain spaces.
 *       A {@code =} starts a new pair only when preceded by {@code SP key} with a key as defined
 *       in {@link CefKeys}; any other unescaped {@code =} stays in the value
 *       ({@link CefRepair#UNESCAPED_EQUALS_IN_VALUE}). Escapes {@code \=}, {@code \\}, {@code \n},
 *       {@code \r} are decoded; others are kept as sent. Leading spaces after the 7th pipe are
 *       skipped; with several spaces before a key, all but the last belong to the previous value
 *       (CEF v26); whitespace after the last value is trimmed. Pipes need no escaping.</li>
 * </ul>
 *
 * <h2>Cost</h2>
 * One pass that records byte offsets (eight bytes at a time between separators); strings are
 * decoded only when a field is asked for. The returned event refers to {@code bytes}: do not
 * modify the array afterwards.
 */
public final class CefParser {

  private static final int HEADER_FIELDS = 7;
  static final int HEADER_SLOTS = 2 * HEADER_FIELDS;
  static final int PAIR_SLOTS = 4;

  public CefParser() {}

  /** Parses {@code bytes[offset, offset + length)}: CEF text, optionally with a prefix. */
  public CefParseResult parse(byte[] bytes, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, bytes.length);
    int end = offset + length;
    int start = locate(bytes, offset, end);
    if (start < 0) {
      return new CefParseResult.Rejected(CefRejectionCode.NOT_CEF,
          "no CEF:<version>| marker", text(bytes, offset, end), List.of());
    }
    // Darktrace pairs average 35-45 bytes; a longer message with short pairs grows the array.
    int[] meta = new int[HEADER_SLOTS + PAIR_SLOTS * (6 + length / 40)];
    int repairs = 0;
    int headerEscapes = 0;
    int i = start + 4;
    for (int field = 0; field < HEADER_FIELDS; field++) {
      int fieldStart = i;
      while (true) {
        int p = ByteSearch.indexOfEither(bytes, i, end, (byte) '|', (byte) '\\');
        if (p < 0) {
          return truncated(bytes, offset, start, end, meta, field, fieldStart, headerEscapes);
        }
        if (bytes[p] == '|') {
          meta[2 * field] = fieldStart;
          meta[2 * field + 1] = p;
          i = p + 1;
          break;
        }
        headerEscapes |= 1 << field;
        if (p + 1 >= end || (bytes[p + 1] != '|' && bytes[p + 1] != '\\')) {
          repairs |= bit(CefRepair.UNDEFINED_ESCAPE_KEPT);
        }
        i = p + 2;
      }
    }
    int version = integer(bytes, meta[0], meta[1]);
    if (version < 0) {
      return new CefParseResult.Rejected(CefRejectionCode.CEF_INVALID_VERSION,
          "CEF version is not an integer", text(bytes, offset, start),
          headerFields(bytes, meta, HEADER_FIELDS, headerEscapes));
    }
    int severityNumber = integer(bytes, meta[12], meta[13]);
    CefSeverity level = severityNumber >= 0
        ? CefSeverity.ofNumber(severityNumber) : severityWord(bytes, meta[12], meta[13]);
    if (level == null || severityNumber > 10) {
      level = CefSeverity.UNKNOWN;
      repairs |= bit(CefRepair.SEVERITY_UNRECOGNIZED);
    }
    return new CefParseResult.Parsed(
        scanExtension(bytes, offset, start, i, end, meta, repairs, headerEscapes, version,
            severityNumber, level));
  }

  public CefParseResult parse(byte[] bytes) {
    return parse(bytes, 0, bytes.length);
  }

  /** Parses text (encoded as UTF-8 first). */
  public CefParseResult parse(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return parse(bytes, 0, bytes.length);
  }

  private static CefEvent scanExtension(byte[] b, int offset, int start, int extensionStart,
      int end, int[] meta, int repairs, int headerEscapes, int version, int severityNumber,
      CefSeverity level) {
    int e = end;
    while (e > extensionStart && isTrailingWhitespace(b[e - 1])) {
      e--;
    }
    if (e < end) {
      repairs |= bit(CefRepair.TRAILING_WHITESPACE_TRIMMED);
    }
    int s = extensionStart;
    while (s < e && b[s] == ' ') {
      s++;
    }
    int pairs = 0;
    int valueStart = -1;
    int escapedAt = -1;
    int unkeyedStart = -1;
    int unkeyedEnd = -1;
    int cursor = s;
    while (cursor < e) {
      int p = ByteSearch.indexOfEither(b, cursor, e, (byte) '=', (byte) '\\');
      if (p < 0) {
        break;
      }
      if (b[p] == '\\') {
        if (p + 1 >= e || !isExtensionEscape(b[p + 1])) {
          repairs |= bit(CefRepair.UNDEFINED_ESCAPE_KEPT);
        }
        escapedAt = p + 1;
        cursor = p + 2;
        continue;
      }
      cursor = p + 1;
      int keyEnd = p;
      boolean spaceBeforeEquals = false;
      if (p > s && b[p - 1] == ' ' && p - 1 != escapedAt && p + 1 < e && b[p + 1] != ' ') {
        keyEnd = p - 1;
        spaceBeforeEquals = true;
      }
      int lower = valueStart < 0 ? s : valueStart;
      int keyStart = keyEnd;
      while (keyStart > lower && keyEnd - keyStart < CefKeys.MAX_KEY_LENGTH
          && CefKeys.isKeyChar(b[keyStart - 1])) {
        keyStart--;
      }
      boolean isKey = keyStart < keyEnd && CefKeys.isKeyStart(b[keyStart])
          && CefKeys.isKeyEnd(b[keyEnd - 1])
          && (keyStart == s && valueStart < 0
              || keyStart > lower && b[keyStart - 1] == ' ' && keyStart - 1 != escapedAt);
      if (!isKey) {
        if (valueStart >= 0) {
          repairs |= bit(CefRepair.UNESCAPED_EQUALS_IN_VALUE);
        }
        continue;
      }
      if (spaceBeforeEquals) {
        repairs |= bit(CefRepair.SPACE_BEFORE_EQUALS);
      }
      int slot = HEADER_SLOTS + PAIR_SLOTS * pairs;
      if (valueStart < 0) {
        if (keyStart > s) {
          unkeyedStart = s;
          unkeyedEnd = keyStart - 1;
          repairs |= bit(CefRepair.TEXT_WITHOUT_KEY);
        }
      } else {
        meta[slot - 1] = keyStart - 1;
      }
      if (slot + PAIR_SLOTS > meta.length) {
        meta = Arrays.copyOf(meta, meta.length * 2);
      }
      meta[slot] = keyStart;
      meta[slot + 1] = keyEnd;
      meta[slot + 2] = p + 1;
      valueStart = p + 1;
      pairs++;
    }
    if (valueStart >= 0) {
      meta[HEADER_SLOTS + PAIR_SLOTS * pairs - 1] = e;
    } else if (s < e) {
      unkeyedStart = s;
      unkeyedEnd = e;
      repairs |= bit(CefRepair.TEXT_WITHOUT_KEY);
    }
    return new CefEvent(b, offset, start, e, version, severityNumber, level, meta, pairs,
        headerEscapes, unkeyedStart, unkeyedEnd, repairs);
  }

  /**
   * Where CEF starts: {@code from} if the input begins with {@code CEF:}; else the first
   * {@code CEF:<digits>|} with a complete header; else the first {@code CEF:<digits>|} (to report
   * its truncated header); else -1.
   */
  private static int locate(byte[] b, int from, int to) {
    if (isCefAt(b, from, to)) {
      return from;
    }
    int first = -1;
    for (int i = from; i + 5 < to; i++) {
      if (b[i] == 'C' && isCefAt(b, i, to) && versionThenPipe(b, i + 4, to)) {
        if (first < 0) {
          first = i;
        }
        if (hasPipes(b, i + 4, to, HEADER_FIELDS)) {
          return i;
        }
      }
    }
    return first;
  }

  private static boolean isCefAt(byte[] b, int i, int to) {
    return i + 4 <= to && b[i] == 'C' && b[i + 1] == 'E' && b[i + 2] == 'F' && b[i + 3] == ':';
  }

  private static boolean versionThenPipe(byte[] b, int i, int to) {
    int j = i;
    while (j < to && b[j] >= '0' && b[j] <= '9') {
      j++;
    }
    return j > i && j < to && b[j] == '|';
  }

  private static boolean hasPipes(byte[] b, int i, int to, int wanted) {
    int found = 0;
    while (found < wanted) {
      int p = ByteSearch.indexOfEither(b, i, to, (byte) '|', (byte) '\\');
      if (p < 0) {
        return false;
      }
      if (b[p] == '|') {
        found++;
        i = p + 1;
      } else {
        i = p + 2;
      }
    }
    return true;
  }

  private static CefParseResult truncated(byte[] b, int offset, int start, int end, int[] meta,
      int fieldsRead, int remainderStart, int headerEscapes) {
    List<String> fields = new ArrayList<>(headerFields(b, meta, fieldsRead, headerEscapes));
    if (remainderStart < end) {
      fields.add(CefEvent.decodeHeader(b, remainderStart, end, true));
    }
    return new CefParseResult.Rejected(CefRejectionCode.CEF_TRUNCATED_HEADER,
        "CEF header has " + fieldsRead + " of 7 pipe-terminated fields",
        text(b, offset, start), fields);
  }

  private static List<String> headerFields(byte[] b, int[] meta, int count, int escapes) {
    List<String> fields = new ArrayList<>(count);
    for (int f = 0; f < count; f++) {
      fields.add(CefEvent.decodeHeader(b, meta[2 * f], meta[2 * f + 1], (escapes & 1 << f) != 0));
    }
    return fields;
  }

  /** A non-negative integer of 1–9 digits, or -1. */
  private static int integer(byte[] b, int from, int to) {
    if (from == to || to - from > 9) {
      return -1;
    }
    int value = 0;
    for (int i = from; i < to; i++) {
      if (b[i] < '0' || b[i] > '9') {
        return -1;
      }
      value = value * 10 + (b[i] - '0');
    }
    return value;
  }

  private static final String[] SEVERITY_WORDS = {"Unknown", "Low", "Medium", "High", "Very-High"};

  private static CefSeverity severityWord(byte[] b, int from, int to) {
    for (int w = 0; w < SEVERITY_WORDS.length; w++) {
      String word = SEVERITY_WORDS[w];
      if (word.length() == to - from && equalsIgnoreCase(b, from, word)) {
        return CefSeverity.values()[w];
      }
    }
    return null;
  }

  private static boolean equalsIgnoreCase(byte[] b, int from, String word) {
    for (int k = 0; k < word.length(); k++) {
      if (Character.toLowerCase((char) b[from + k]) != Character.toLowerCase(word.charAt(k))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isExtensionEscape(byte c) {
    return c == '=' || c == '\\' || c == 'n' || c == 'r';
  }

  private static boolean isTrailingWhitespace(byte c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
  }

  static int bit(CefRepair repair) {
    return 1 << repair.ordinal();
  }

  private static String text(byte[] b, int from, int to) {
    return new String(b, from, to - from, StandardCharsets.UTF_8);
  }
}
