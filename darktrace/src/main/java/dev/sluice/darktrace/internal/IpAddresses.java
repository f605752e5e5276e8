package dev.sluice.darktrace.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Parses IP address literals into bytes without ever resolving a name. */
public final class IpAddresses {
    private IpAddresses() {
    }

    /** 4 bytes for IPv4, 16 for IPv6, or null when {@code text} is not an address literal. */
    public static byte[] parse(CharSequence text) {
        if (text == null) {
            return null;
        }
        String s = text.toString().trim();
        if (s.isEmpty() || s.length() > 45) {
            return null;
        }
        if (s.indexOf(':') < 0) {
            return parseIpv4(s);
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = c == ':' || c == '.' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            if (!ok) {
                return null;
            }
        }
        try {
            // Only hex digits, ':' and '.' reach here, so this is a literal and no lookup happens.
            byte[] bytes = InetAddress.getByName(s).getAddress();
            return bytes.length == 16 ? bytes : null;
        } catch (UnknownHostException | IllegalArgumentException e) {
            return null;
        }
    }

    private static byte[] parseIpv4(String s) {
        byte[] out = new byte[4];
        int part = 0;
        int value = -1;
        for (int i = 0; i <= s.length(); i++) {
            int c = i < s.length() ? s.charAt(i) : '.';
            if (c > 0x7f) {
                return null;
            }
            part = ipv4Step(out, part, value, c);
            if (part < 0) {
                return null;
            }
            value = c == '.' ? -1 : value < 0 ? c - '0' : value * 10 + (c - '0');
        }
        return part == 4 ? out : null;
    }

    /**
     * The same as {@link #parse} for text that is exactly {@code b[from, to)} read as ASCII and is
     * a dotted quad: 4 bytes, or null when the bytes are not a dotted quad as they stand (no
     * trimming, no other form; the caller then asks {@link #parse} about the decoded text).
     */
    public static byte[] parseIpv4(byte[] b, int from, int to) {
        if (to - from < 7 || to - from > 15) {
            return null;
        }
        byte[] out = new byte[4];
        int part = 0;
        int value = 0;
        int digits = 0;
        for (int i = from; i < to; i++) {
            int c = b[i];
            if (c == '.') {
                if (digits == 0 || part == 3) {
                    return null;
                }
                out[part++] = (byte) value;
                value = 0;
                digits = 0;
                continue;
            }
            int digit = c - '0';
            // A non-digit (non-ASCII bytes are negative), a leading zero, or a part above 255.
            if (digit < 0 || digit > 9 || (digits > 0 && value == 0)) {
                return null;
            }
            value = value * 10 + digit;
            if (value > 255) {
                return null;
            }
            digits++;
        }
        if (digits == 0 || part != 3) {
            return null;
        }
        out[3] = (byte) value;
        return out;
    }

    /**
     * One character of a dotted quad given the value read so far of the current part (-1 =
     * none): the number of parts stored after it, or -1 when the text is not a dotted quad
     * (non-digit, empty part, leading zero — ambiguous, octal in some parsers —, part above 255,
     * more than 4 parts).
     */
    private static int ipv4Step(byte[] out, int part, int value, int c) {
        if (c == '.') {
            if (value < 0 || part > 3) {
                return -1;
            }
            out[part] = (byte) value;
            return part + 1;
        }
        if (c < '0' || c > '9' || value == 0 || (value >= 0 && value * 10 + (c - '0') > 255)) {
            return -1;
        }
        return part;
    }

    /** True for 0.0.0.0 and :: (Darktrace sends {@code dvc=0.0.0.0} for system models). */
    public static boolean isUnspecified(byte[] address) {
        if (address == null) {
            return false;
        }
        for (byte b : address) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }
}
