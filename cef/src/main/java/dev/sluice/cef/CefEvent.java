package dev.sluice.cef;

import dev.sluice.cef.internal.ByteSearch;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One parsed CEF event. Holds byte offsets into the parsed array and decodes strings only when
 * asked (then caches them). Extension pairs keep their order and duplicates: {@link #key(int)} /
 * {@link #value(int)} see every pair, {@link #get(String)} and {@link #extensions()} keep the last
 * value of a duplicated key.
 *
 * <p>Not thread-safe for the first access of lazily decoded fields; safe to share once read.
 */
public final class CefEvent {

  private static final String[] NO_STRINGS = new String[0];

  private final byte[] bytes;
  private final int prefixStart;
  private final int cefStart;
  private final int end;
  private final int version;
  private final int severityNumber;
  private final CefSeverity severityLevel;
  private final int[] meta;
  private final int pairCount;
  private final int headerEscapes;
  private final int unkeyedStart;
  private final int unkeyedEnd;
  private int repairs;
  private boolean lazyRepairsChecked;
  private String[] header = NO_STRINGS;
  private Map<String, String> extensions;

  CefEvent(byte[] bytes, int prefixStart, int cefStart, int end, int version, int severityNumber,
      CefSeverity severityLevel, int[] meta, int pairCount, int headerEscapes, int unkeyedStart,
      int unkeyedEnd, int repairs) {
    this.bytes = bytes;
    this.prefixStart = prefixStart;
    this.cefStart = cefStart;
    this.end = end;
    this.version = version;
    this.severityNumber = severityNumber;
    this.severityLevel = severityLevel;
    this.meta = meta;
    this.pairCount = pairCount;
    this.headerEscapes = headerEscapes;
    this.unkeyedStart = unkeyedStart;
    this.unkeyedEnd = unkeyedEnd;
    this.repairs = repairs;
  }

  /** The CEF version: 0 (CEF 0.x) or 1 (CEF 1.x); other integers are kept as sent. */
  public int version() {
    return version;
  }

  public String deviceVendor() {
    return headerField(1);
  }

  public String deviceProduct() {
    return headerField(2);
  }

  public String deviceVersion() {
    return headerField(3);
  }

  /** Signature ID, a.k.a. Device Event Class ID. */
  public String signatureId() {
    return headerField(4);
  }

  public String name() {
    return headerField(5);
  }

  /** Severity exactly as sent (a number or a word). */
  public String severity() {
    return headerField(6);
  }

  /** Severity 0–10 when it was sent as a number, else -1. */
  public int severityNumber() {
    return severityNumber;
  }

  public CefSeverity severityLevel() {
    return severityLevel;
  }

  /** Whether Device Vendor equals {@code vendor} (compared without decoding a string). */
  public boolean isVendor(String vendor) {
    return (headerEscapes & 1 << 1) == 0 ? asciiEquals(meta[2], meta[3], vendor)
        : deviceVendor().equals(vendor);
  }

  /** Number of extension pairs, duplicates included. */
  public int extensionCount() {
    return pairCount;
  }

  public String key(int index) {
    int slot = pairSlot(index);
    return new String(bytes, meta[slot], meta[slot + 1] - meta[slot], StandardCharsets.US_ASCII);
  }

  /**
   * The array this event was parsed from: the {@code *From}/{@code *To} offsets below index into
   * it, so callers can read keys and values on the bytes without decoding strings. Do not modify.
   */
  public byte[] array() {
    return bytes;
  }

  /** Header field numbers for {@link #headerFrom}: 5 is Name. */
  public static final int NAME_FIELD = 5;

  /**
   * Start (inclusive) of header field {@code field} in {@link #array()} (0 Version, 1 Device
   * Vendor, 2 Device Product, 3 Device Version, 4 Signature ID, 5 Name, 6 Severity), as sent.
   */
  public int headerFrom(int field) {
    return meta[2 * Objects.checkIndex(field, 7)];
  }

  /** End (exclusive) of header field {@code field} in {@link #array()}, as sent. */
  public int headerTo(int field) {
    return meta[2 * Objects.checkIndex(field, 7) + 1];
  }

  /** Whether header field {@code field} has a backslash (its decoded text then differs from its bytes). */
  public boolean headerEscaped(int field) {
    return (headerEscapes & 1 << Objects.checkIndex(field, 7)) != 0;
  }

  /** Start (inclusive) of the key of pair {@code index} in {@link #array()}; keys are ASCII. */
  public int keyFrom(int index) {
    return meta[pairSlot(index)];
  }

  /** End (exclusive) of the key of pair {@code index} in {@link #array()}. */
  public int keyTo(int index) {
    return meta[pairSlot(index) + 1];
  }

  /**
   * Start (inclusive) of the value of pair {@code index} in {@link #array()}, as sent: escapes
   * are not decoded (see {@link #value(int)}) and the bytes are UTF-8.
   */
  public int valueFrom(int index) {
    return meta[pairSlot(index) + 2];
  }

  /** End (exclusive) of the value of pair {@code index} in {@link #array()}, as sent. */
  public int valueTo(int index) {
    return meta[pairSlot(index) + 3];
  }

  /** The value of pair {@code index}, unescaped. */
  public String value(int index) {
    int slot = pairSlot(index);
    return decodeExtension(bytes, meta[slot + 2], meta[slot + 3]);
  }

  /** The value of the last pair with this key, unescaped, or null. */
  public String get(String key) {
    int index = lastIndexOf(key);
    return index < 0 ? null : value(index);
  }

  public boolean has(String key) {
    return lastIndexOf(key) >= 0;
  }

  /** Index of the last pair with this key, or -1. */
  public int lastIndexOf(String key) {
    for (int i = pairCount - 1; i >= 0; i--) {
      int slot = CefParser.HEADER_SLOTS + CefParser.PAIR_SLOTS * i;
      if (asciiEquals(meta[slot], meta[slot + 1], key)) {
        return i;
      }
    }
    return -1;
  }

  /** All pairs as an unmodifiable map in message order; a duplicated key keeps its last value. */
  public Map<String, String> extensions() {
    if (extensions == null) {
      Map<String, String> map = new LinkedHashMap<>();
      for (int i = 0; i < pairCount; i++) {
        map.put(key(i), value(i));
      }
      extensions = Collections.unmodifiableMap(map);
    }
    return extensions;
  }

  /**
   * Custom field pairs ({@code cs1}/{@code cs1Label}, {@code cn1}/{@code cn1Label}, ...), joined
   * whichever came first, in the order their first half appears.
   */
  public List<CefCustomField> customFields() {
    Map<String, String> all = extensions();
    List<CefCustomField> fields = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (String key : all.keySet()) {
      String valueKey = key.endsWith("Label") ? key.substring(0, key.length() - 5) : key;
      if (CefKeys.isCustomValueKey(valueKey) && seen.add(valueKey)) {
        fields.add(new CefCustomField(valueKey, all.get(CefKeys.labelKey(valueKey)),
            all.get(valueKey)));
      }
    }
    return Collections.unmodifiableList(fields);
  }

  /** Extension text before the first key (a sender fault), or null. */
  public String unkeyedText() {
    return unkeyedStart < 0 ? null : decodeExtension(bytes, unkeyedStart, unkeyedEnd);
  }

  /** Text before {@code CEF:} (for example a syslog header); empty when CEF came first. */
  public String prefix() {
    return new String(bytes, prefixStart, cefStart - prefixStart, StandardCharsets.UTF_8);
  }

  /** The CEF text from {@code CEF:} to the end (trailing whitespace trimmed), as sent. */
  public String text() {
    return new String(bytes, cefStart, end - cefStart, StandardCharsets.UTF_8);
  }

  /** Index of {@code CEF:} in the parsed array. */
  public int cefOffset() {
    return cefStart;
  }

  /** The repairs applied while reading this event (empty for a clean message). */
  public Set<CefRepair> repairs() {
    checkLazyRepairs();
    EnumSet<CefRepair> set = EnumSet.noneOf(CefRepair.class);
    for (CefRepair repair : CefRepair.values()) {
      if ((repairs & CefParser.bit(repair)) != 0) {
        set.add(repair);
      }
    }
    return Collections.unmodifiableSet(set);
  }

  private void checkLazyRepairs() {
    if (lazyRepairsChecked) {
      return;
    }
    lazyRepairsChecked = true;
    Set<String> keys = new HashSet<>();
    for (int i = 0; i < pairCount; i++) {
      if (!keys.add(key(i))) {
        repairs |= CefParser.bit(CefRepair.DUPLICATE_KEY);
        break;
      }
    }
    if (ByteSearch.hasNonAscii(bytes, cefStart, end) && !isValidUtf8(bytes, cefStart, end)) {
      repairs |= CefParser.bit(CefRepair.INVALID_UTF8);
    }
  }

  private static boolean isValidUtf8(byte[] b, int from, int to) {
    try {
      StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(b, from, to - from));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  private String headerField(int field) {
    if (header.length == 0) {
      header = new String[7];
    }
    String value = header[field];
    if (value == null) {
      value = decodeHeader(bytes, meta[2 * field], meta[2 * field + 1],
          (headerEscapes & 1 << field) != 0);
      header[field] = value;
    }
    return value;
  }

  private int pairSlot(int index) {
    if (index < 0 || index >= pairCount) {
      throw new IndexOutOfBoundsException("pair " + index + " of " + pairCount);
    }
    return CefParser.HEADER_SLOTS + CefParser.PAIR_SLOTS * index;
  }

  private boolean asciiEquals(int from, int to, String s) {
    if (to - from != s.length()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (bytes[from + i] != s.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** Decodes a header field: {@code \|} and {@code \\} are escapes, anything else is literal. */
  static String decodeHeader(byte[] b, int from, int to, boolean escaped) {
    if (!escaped) {
      return new String(b, from, to - from, StandardCharsets.UTF_8);
    }
    byte[] out = new byte[to - from];
    int n = 0;
    for (int i = from; i < to; i++) {
      byte c = b[i];
      if (c == '\\' && i + 1 < to && (b[i + 1] == '|' || b[i + 1] == '\\')) {
        c = b[++i];
      }
      out[n++] = c;
    }
    return new String(out, 0, n, StandardCharsets.UTF_8);
  }

  /**
   * Decodes an extension value: {@code \=}, {@code \\}, {@code \n}, {@code \r} are escapes; any
   * other backslash sequence is kept as sent.
   */
  static String decodeExtension(byte[] b, int from, int to) {
    int backslash = ByteSearch.indexOfEither(b, from, to, (byte) '\\', (byte) '\\');
    if (backslash < 0) {
      return new String(b, from, to - from, StandardCharsets.UTF_8);
    }
    byte[] out = new byte[to - from];
    int n = backslash - from;
    System.arraycopy(b, from, out, 0, n);
    for (int i = backslash; i < to; i++) {
      byte c = b[i];
      if (c == '\\' && i + 1 < to) {
        byte next = b[i + 1];
        switch (next) {
          case '=', '\\' -> { c = next; i++; }
          case 'n' -> { c = '\n'; i++; }
          case 'r' -> { c = '\r'; i++; }
          default -> { }
        }
      }
      out[n++] = c;
    }
    return new String(out, 0, n, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "CefEvent[" + deviceVendor() + "|" + deviceProduct() + "|" + signatureId() + ", "
        + pairCount + " pairs]";
  }
}
