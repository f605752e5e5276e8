package dev.sluice.darktrace;

import dev.sluice.darktrace.internal.IpAddresses;
import java.util.Arrays;
import java.util.Objects;

/**
 * An IPv4 or IPv6 CIDR range such as {@code 10.0.0.0/8} or {@code fc00::/7}. A bare address
 * means a single host ({@code /32} or {@code /128}). Host bits below the prefix are ignored.
 */
public final class IpRange {
    private final byte[] network;
    private final int prefix;
    private final String text;
    /** For an IPv4 range: the network and the prefix mask as big-endian ints (one compare per address). */
    private final int network4;
    private final int mask4;

    private IpRange(byte[] network, int prefix, String text) {
        this.network = network;
        this.prefix = prefix;
        this.text = text;
        this.mask4 = prefix == 0 ? 0 : -1 << (32 - prefix);
        this.network4 = network.length == 4 ? ipv4(network) & mask4 : 0;
    }

    /** The 4 bytes of an IPv4 address as a big-endian int. */
    static int ipv4(byte[] address) {
        return (address[0] & 0xff) << 24 | (address[1] & 0xff) << 16 | (address[2] & 0xff) << 8 | (address[3] & 0xff);
    }

    /** Parses CIDR notation; throws {@link IllegalArgumentException} on anything else. Never resolves names. */
    public static IpRange parse(String cidr) {
        Objects.requireNonNull(cidr, "cidr");
        String s = cidr.trim();
        int slash = s.indexOf('/');
        byte[] address = IpAddresses.parse(slash < 0 ? s : s.substring(0, slash));
        if (address == null) {
            throw new IllegalArgumentException("not an IP range (CIDR): " + cidr);
        }
        int max = address.length * 8;
        int prefix = max;
        if (slash >= 0) {
            String bits = s.substring(slash + 1);
            if (bits.isEmpty() || bits.length() > 3 || !bits.chars().allMatch(Character::isDigit)) {
                throw new IllegalArgumentException("bad prefix length in " + cidr);
            }
            prefix = Integer.parseInt(bits);
            if (prefix > max) {
                throw new IllegalArgumentException("prefix longer than " + max + " in " + cidr);
            }
        }
        return new IpRange(mask(address, prefix), prefix, s);
    }

    private static byte[] mask(byte[] address, int prefix) {
        byte[] out = address.clone();
        for (int i = 0; i < out.length; i++) {
            int keep = Math.max(0, Math.min(8, prefix - i * 8));
            out[i] = (byte) (out[i] & (0xff << (8 - keep)));
        }
        return out;
    }

    /** True when {@code address} (4 or 16 bytes) lies in this range; IPv4 never matches an IPv6 range. */
    public boolean contains(byte[] address) {
        if (address == null || address.length != network.length) {
            return false;
        }
        if (network.length == 4) {
            return containsIpv4(ipv4(address));
        }
        int full = prefix / 8;
        for (int i = 0; i < full; i++) {
            if (address[i] != network[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int m = 0xff << (8 - rest) & 0xff;
        return (address[full] & m) == (network[full] & 0xff);
    }

    /** {@link #contains} for an IPv4 address given as {@link #ipv4}; false for an IPv6 range. */
    boolean containsIpv4(int address) {
        return network.length == 4 && (address & mask4) == network4;
    }

    public int prefixLength() {
        return prefix;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IpRange r && r.prefix == prefix && Arrays.equals(r.network, network);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(network) + prefix;
    }

    @Override
    public String toString() {
        return text.indexOf('/') < 0 ? text + "/" + prefix : text;
    }
}
