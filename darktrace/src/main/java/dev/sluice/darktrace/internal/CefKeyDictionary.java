package dev.sluice.darktrace.internal;

import dev.sluice.ocsf.UnmappedMap;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The CEF extension keys the mapper has met, found on the event's bytes: a key is hashed and
 * compared where it lies in the message, never decoded, and its entry carries everything the
 * mapper asks about a key (its mapping slot, the slot of an {@code ad.<key>} relay, whether it is
 * a custom field or a label, its {@code cef.<key>} name for {@code unmapped}). Shared by all
 * threads: lookups read an immutable table; a new key copies the table (keys are sender-chosen,
 * so the table stops growing at {@value #MAX_KEYS} keys and later new keys get an entry of their
 * own that is not kept).
 */
final class CefKeyDictionary {
    static final int MAX_KEYS = 1024;
    private static final String[] CUSTOM_PREFIXES = {"cs", "cn", "cfp", "c6a", "flexString", "flexNumber", "deviceCustomDate", "flexDate"};
    private static final String LABEL = "Label";
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** One key. */
    static final class Key {
        final byte[] bytes;
        /** The first 16 bytes as two little-endian longs, zero-padded (see {@link #hash}). */
        private final long head0;
        private final long head1;
        final String name;
        /** {@code cef.<name>}, the key's name in {@code unmapped}. */
        final String unmappedName;
        /** {@link UnmappedMap#order} of {@link #unmappedName}. */
        final long unmappedOrder;
        /** The mapper's slot for this key, or -1. */
        final int slot;
        /** Starts with {@code ad.} (a key relayed by an ArcSight connector). */
        final boolean relay;
        /** For {@code ad.<key>}: the slot of {@code <key>}, or -1. */
        final int relayedSlot;
        /** Ends with {@code Label} (a custom field's label, or any key so named). */
        final boolean label;
        /** A custom field's value key ({@code cs1}, {@code flexNumber2}, ...). */
        final boolean customValue;

        private Key(String name) {
            this.bytes = name.getBytes(StandardCharsets.US_ASCII);
            this.head0 = head(bytes, 0, bytes.length, 0);
            this.head1 = head(bytes, 0, bytes.length, 8);
            this.name = name;
            this.unmappedName = "cef." + name;
            this.unmappedOrder = UnmappedMap.order(unmappedName);
            this.slot = CefAlertMapper.Extensions.slot(name);
            this.relay = name.startsWith("ad.");
            this.relayedSlot = relay ? CefAlertMapper.Extensions.slot(name.substring(3)) : -1;
            this.label = name.endsWith(LABEL);
            this.customValue = isCustomValueKey(name);
        }

        /** For a label key: the value key it names ({@code cs1Label} → {@code cs1}) when that is a custom field, else null. */
        String labelledKey() {
            if (!label) {
                return null;
            }
            String valueKey = name.substring(0, name.length() - LABEL.length());
            return isCustomValueKey(valueKey) ? valueKey : null;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** Open addressing: hashes and keys in parallel arrays, null = empty cell. */
    private record Table(int[] hashes, Key[] keys, int size) {
    }

    private static final int CELLS = 4 * MAX_KEYS;
    private static volatile Table table = new Table(new int[CELLS], new Key[CELLS], 0);

    static {
        for (String name : CefAlertMapper.Extensions.NAMES) {
            add(name);
            add("ad." + name);
        }
    }

    private CefKeyDictionary() {
    }

    /** The entry for the ASCII key {@code bytes[from, to)}. */
    static Key lookup(byte[] bytes, int from, int to) {
        int length = to - from;
        long w0;
        long w1;
        if (length <= 16 && from + 16 <= bytes.length) {
            // The usual key: its first 16 bytes in two reads, the bytes past its end masked off.
            w0 = (long) LONGS.get(bytes, from);
            w1 = (long) LONGS.get(bytes, from + 8);
            if (length < 8) {
                w0 &= (1L << (8 * length)) - 1;
                w1 = 0;
            } else if (length < 16) {
                w1 &= (1L << (8 * (length - 8))) - 1;
            }
        } else {
            w0 = head(bytes, from, to, 0);
            w1 = head(bytes, from, to, 8);
        }
        int h = hash(w0, w1, length);
        Table t = table;
        int mask = t.keys.length - 1;
        for (int cell = h & mask; ; cell = (cell + 1) & mask) {
            Key k = t.keys[cell];
            if (k == null) {
                return add(new String(bytes, from, length, StandardCharsets.US_ASCII));
            }
            if (t.hashes[cell] == h && k.head0 == w0 && k.head1 == w1 && k.bytes.length == length
                    && (length <= 16 || tailEquals(k.bytes, bytes, from))) {
                return k;
            }
        }
    }

    private static synchronized Key add(String name) {
        Key key = new Key(name);
        int h = hash(key.head0, key.head1, key.bytes.length);
        Table t = table;
        int mask = t.keys.length - 1;
        int cell = h & mask;
        for (; t.keys[cell] != null; cell = (cell + 1) & mask) {
            if (t.hashes[cell] == h && t.keys[cell].name.equals(name)) {
                return t.keys[cell]; // added by another thread meanwhile
            }
        }
        if (t.size >= MAX_KEYS) {
            return key;
        }
        int[] hashes = t.hashes.clone();
        Key[] keys = t.keys.clone();
        hashes[cell] = h;
        keys[cell] = key;
        table = new Table(hashes, keys, t.size + 1);
        return key;
    }

    /** Bytes {@code at} to {@code at + 8} of the key {@code b[from, to)} as a little-endian long, zero-padded. */
    private static long head(byte[] b, int from, int to, int at) {
        long w = 0;
        for (int i = Math.min(to - from, at + 8) - 1; i >= at; i--) {
            w = w << 8 | (b[from + i] & 0xff);
        }
        return w;
    }

    private static boolean tailEquals(byte[] key, byte[] b, int from) {
        for (int i = 16; i < key.length; i++) {
            if (key[i] != b[from + i]) {
                return false;
            }
        }
        return true;
    }

    private static int hash(long w0, long w1, int length) {
        long x = w0 * 0x9E3779B97F4A7C15L + w1 * 0xC2B2AE3D27D4EB4FL + length;
        x ^= x >>> 29;
        return (int) (x ^ (x >>> 32));
    }

    static boolean isCustomValueKey(String k) {
        for (String p : CUSTOM_PREFIXES) {
            if (k.startsWith(p) && k.length() > p.length() && allDigits(k, p.length())) {
                return true;
            }
        }
        return false;
    }

    private static boolean allDigits(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
