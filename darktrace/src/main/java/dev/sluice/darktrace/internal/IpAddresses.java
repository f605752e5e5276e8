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
            char c = i < s.length() ? s.charAt(i) : '.';
            if (c == '.') {
                if (value < 0 || part > 3) {
                    return null;
                }
                out[part++] = (byte) value;
                value = -1;
            } else if (c >= '0' && c <= '9') {
                if (value == 0) {
                    return null; // leading zeros are ambiguous (octal in some parsers)
                }
                value = value < 0 ? c - '0' : value * 10 + (c - '0');
                if (value > 255) {
                    return null;
                }
            } else {
                return null;
            }
        }
        return part == 4 ? out : null;
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
