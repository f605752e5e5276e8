package dev.sluice.cef;

import java.util.Map;

/**
 * The CEF extension key grammar and the dictionary of short names.
 *
 * <p>Keys accepted by the parser (and required by the writer): a first character in
 * {@code [A-Za-z0-9_]}, then {@code [A-Za-z0-9_.\-\[\],]}, not ending in {@code .}, {@code -} or
 * {@code ,}, at most {@value #MAX_KEY_LENGTH} characters. The spec says alphanumeric, but real
 * senders use {@code ad.darktraceUrl}, {@code _cefVer} and {@code ad.X-User-Identity}; a key
 * ending in a dot ({@code ad.=>}) is garbage, not a key.
 */
public final class CefKeys {

  public static final int MAX_KEY_LENGTH = 255;

  private static final boolean[] KEY_CHAR = new boolean[256];

  static {
    for (int c = 0; c < 256; c++) {
      KEY_CHAR[c] = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
          || c == '_' || c == '.' || c == '-' || c == '[' || c == ']' || c == ',';
    }
  }

  private static final Map<String, String> FULL_NAMES = Map.ofEntries(
      Map.entry("act", "deviceAction"),
      Map.entry("app", "applicationProtocol"),
      Map.entry("art", "agentReceiptTime"),
      Map.entry("c6a1", "deviceCustomIPv6Address1"),
      Map.entry("c6a2", "deviceCustomIPv6Address2"),
      Map.entry("c6a3", "deviceCustomIPv6Address3"),
      Map.entry("c6a4", "deviceCustomIPv6Address4"),
      Map.entry("cat", "deviceEventCategory"),
      Map.entry("cfp1", "deviceCustomFloatingPoint1"),
      Map.entry("cfp2", "deviceCustomFloatingPoint2"),
      Map.entry("cfp3", "deviceCustomFloatingPoint3"),
      Map.entry("cfp4", "deviceCustomFloatingPoint4"),
      Map.entry("cn1", "deviceCustomNumber1"),
      Map.entry("cn2", "deviceCustomNumber2"),
      Map.entry("cn3", "deviceCustomNumber3"),
      Map.entry("cnt", "baseEventCount"),
      Map.entry("cs1", "deviceCustomString1"),
      Map.entry("cs2", "deviceCustomString2"),
      Map.entry("cs3", "deviceCustomString3"),
      Map.entry("cs4", "deviceCustomString4"),
      Map.entry("cs5", "deviceCustomString5"),
      Map.entry("cs6", "deviceCustomString6"),
      Map.entry("dhost", "destinationHostName"),
      Map.entry("dmac", "destinationMacAddress"),
      Map.entry("dntdom", "destinationNtDomain"),
      Map.entry("dpid", "destinationProcessId"),
      Map.entry("dpriv", "destinationUserPrivileges"),
      Map.entry("dproc", "destinationProcessName"),
      Map.entry("dpt", "destinationPort"),
      Map.entry("dst", "destinationAddress"),
      Map.entry("dtz", "deviceTimeZone"),
      Map.entry("duid", "destinationUserId"),
      Map.entry("duser", "destinationUserName"),
      Map.entry("dvc", "deviceAddress"),
      Map.entry("dvchost", "deviceHostName"),
      Map.entry("dvcmac", "deviceMacAddress"),
      Map.entry("dvcpid", "deviceProcessId"),
      Map.entry("end", "endTime"),
      Map.entry("fname", "fileName"),
      Map.entry("fsize", "fileSize"),
      Map.entry("in", "bytesIn"),
      Map.entry("msg", "message"),
      Map.entry("out", "bytesOut"),
      Map.entry("outcome", "eventOutcome"),
      Map.entry("proto", "transportProtocol"),
      Map.entry("request", "requestUrl"),
      Map.entry("rt", "deviceReceiptTime"),
      Map.entry("shost", "sourceHostName"),
      Map.entry("smac", "sourceMacAddress"),
      Map.entry("sntdom", "sourceNtDomain"),
      Map.entry("spid", "sourceProcessId"),
      Map.entry("spriv", "sourceUserPrivileges"),
      Map.entry("sproc", "sourceProcessName"),
      Map.entry("spt", "sourcePort"),
      Map.entry("src", "sourceAddress"),
      Map.entry("start", "startTime"),
      Map.entry("suid", "sourceUserId"),
      Map.entry("suser", "sourceUserName"));

  private CefKeys() {}

  /** Whether {@code c} may appear in a key. */
  public static boolean isKeyChar(byte c) {
    return KEY_CHAR[c & 0xff];
  }

  /** Whether a key may start with {@code c}. */
  public static boolean isKeyStart(byte c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
  }

  /** Whether a key may end with {@code c}. */
  public static boolean isKeyEnd(byte c) {
    return isKeyChar(c) && c != '.' && c != '-' && c != ',';
  }

  /** Whether {@code key} is a key the parser recognizes (see the class comment). */
  public static boolean isValidKey(String key) {
    int length = key.length();
    if (length == 0 || length > MAX_KEY_LENGTH) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      char c = key.charAt(i);
      if (c > 127 || !isKeyChar((byte) c)) {
        return false;
      }
    }
    return isKeyStart((byte) key.charAt(0)) && isKeyEnd((byte) key.charAt(length - 1));
  }

  /**
   * The full dictionary name of a short key ({@code rt} → {@code deviceReceiptTime}); a key
   * without a short form is returned unchanged.
   */
  public static String fullName(String key) {
    return FULL_NAMES.getOrDefault(key, key);
  }

  /** Whether {@code key} holds the value of a custom field (cs1..6, cn1..3, cfp1..4, ...). */
  public static boolean isCustomValueKey(String key) {
    return customIndex(key, "cs", 6) || customIndex(key, "cn", 3) || customIndex(key, "cfp", 4)
        || customIndex(key, "c6a", 4) || customIndex(key, "deviceCustomDate", 2)
        || customIndex(key, "flexString", 2) || customIndex(key, "flexNumber", 2)
        || customIndex(key, "flexDate", 1);
  }

  /** The label key of a custom value key ({@code cs1} → {@code cs1Label}). */
  public static String labelKey(String customValueKey) {
    return customValueKey + "Label";
  }

  private static boolean customIndex(String key, String stem, int max) {
    if (key.length() != stem.length() + 1 || !key.startsWith(stem)) {
      return false;
    }
    char digit = key.charAt(stem.length());
    return digit >= '1' && digit <= '0' + max;
  }
}
