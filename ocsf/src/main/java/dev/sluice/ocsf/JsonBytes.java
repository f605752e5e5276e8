package dev.sluice.ocsf;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable UTF-8 buffer that writes compact JSON: commas are placed by the buffer, names and
 * whole name/value pairs can be pre-encoded once ({@link #encodeName}, {@link #pair}) and copied
 * in. Strings are escaped exactly as Jackson's UTF-8 generator does with its defaults, so output
 * matches what Jackson would write for the same tokens: {@code "} and {@code \} escaped, {@code \b
 * \t \n \f \r} in short form, other control characters as <code>&#92;u00XX</code>, every UTF-16 surrogate
 * as <code>&#92;uXXXX</code> (upper-case hex), everything else as UTF-8. Not thread-safe; reusable after
 * {@link #reset}.
 */
final class JsonBytes {
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
    /** Per ASCII character: 0 written as is, -1 written as <code>&#92;u00XX</code>, else the letter after a backslash. */
    private static final byte[] ESCAPE = new byte[128];
    /** Bytes {@link #plainEnd} stops at. */
    private static final boolean[] NOT_PLAIN = new boolean[256];

    static {
        for (int c = 0; c < 0x20; c++) {
            ESCAPE[c] = -1;
        }
        ESCAPE['\b'] = 'b';
        ESCAPE['\t'] = 't';
        ESCAPE['\n'] = 'n';
        ESCAPE['\f'] = 'f';
        ESCAPE['\r'] = 'r';
        ESCAPE['"'] = '"';
        ESCAPE['\\'] = '\\';
        for (int c = 0; c < 256; c++) {
            NOT_PLAIN[c] = c < 0x20 || c >= 0x80 || c == '"' || c == '\\' || c == '?';
        }
    }

    /** Strings at least this long are first copied out as Latin-1 bytes and copied on as far as they are plain. */
    private static final int BULK_MIN = 16;

    /**
     * Strings written since {@link #reset} and where their encoded form is: a record repeats many
     * of its values (the title as the analytic's name, the device's address and name in the
     * resource, the evidence and the observables), and a repeat is copied from the first.
     */
    private static final int MEMO = 16;
    /** Only strings at least this long are remembered (shorter ones encode as fast as they are found). */
    private static final int MEMO_MIN = 6;

    private final String[] memoStrings = new String[MEMO];
    private final int[] memoStart = new int[MEMO];
    private final int[] memoEnd = new int[MEMO];
    private int memoCount;
    private byte[] bytes;
    private int size;
    /** Whether the next value or name needs a comma before it. */
    private boolean comma;

    JsonBytes(int initialCapacity) {
        bytes = new byte[Math.max(64, initialCapacity)];
    }

    /** {@code "name":} as bytes, for {@link #name(byte[])}. */
    static byte[] encodeName(String name) {
        JsonBytes b = new JsonBytes(name.length() + 8);
        b.rawString(name);
        b.bytes[b.size++] = ':';
        return b.toByteArray();
    }

    /** A complete {@code "name":"value"} (or any pre-encoded member list) for {@link #pair}. */
    static byte[] stringPair(String name, String value) {
        JsonBytes b = new JsonBytes(64);
        b.name(encodeName(name));
        b.string(value);
        return b.toByteArray();
    }

    /** {@code "idName":id,"captionName":"caption"} for {@link #pair}. */
    static byte[] enumPair(String idName, String captionName, OcsfEnum value) {
        JsonBytes b = new JsonBytes(64);
        b.name(encodeName(idName));
        b.number(value.id());
        b.name(encodeName(captionName));
        b.string(value.caption());
        return b.toByteArray();
    }

    void reset() {
        size = 0;
        comma = false;
        Arrays.fill(memoStrings, 0, Math.min(memoCount, MEMO), null);
        memoCount = 0;
    }

    int size() {
        return size;
    }

    /** The internal array (valid up to {@link #size}). */
    byte[] array() {
        return bytes;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    /** Gives back an array that grew beyond {@code maxBytes}. */
    void trim(int maxBytes) {
        if (bytes.length > maxBytes) {
            bytes = new byte[maxBytes / 4];
            reset();
        }
    }

    private void ensure(int more) {
        if (bytes.length - size < more) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }

    private void separate() {
        if (comma) {
            ensure(1);
            bytes[size++] = ',';
        }
    }

    /** A pre-encoded {@code "name":} (from {@link #encodeName}). */
    void name(byte[] encodedName) {
        ensure(encodedName.length + 1);
        if (comma) {
            bytes[size++] = ',';
        }
        System.arraycopy(encodedName, 0, bytes, size, encodedName.length);
        size += encodedName.length;
        comma = false;
    }

    /** A name that is not known in advance (an {@code unmapped} key). */
    void name(String name) {
        separate();
        rawString(name);
        ensure(1);
        bytes[size++] = ':';
        comma = false;
    }

    /** Pre-encoded members ({@code "a":1,"b":"x"}) as one unit. */
    void pair(byte[] members) {
        ensure(members.length + 1);
        if (comma) {
            bytes[size++] = ',';
        }
        System.arraycopy(members, 0, bytes, size, members.length);
        size += members.length;
        comma = true;
    }

    void startObject() {
        separate();
        ensure(1);
        bytes[size++] = '{';
        comma = false;
    }

    void endObject() {
        ensure(1);
        bytes[size++] = '}';
        comma = true;
    }

    void startArray() {
        separate();
        ensure(1);
        bytes[size++] = '[';
        comma = false;
    }

    void endArray() {
        ensure(1);
        bytes[size++] = ']';
        comma = true;
    }

    void bool(boolean value) {
        separate();
        ensure(5);
        if (value) {
            bytes[size++] = 't';
            bytes[size++] = 'r';
            bytes[size++] = 'u';
            bytes[size++] = 'e';
        } else {
            bytes[size++] = 'f';
            bytes[size++] = 'a';
            bytes[size++] = 'l';
            bytes[size++] = 's';
            bytes[size++] = 'e';
        }
        comma = true;
    }

    void number(long value) {
        separate();
        ensure(20);
        if (value < 0) {
            if (value == Long.MIN_VALUE) {
                byte[] min = Long.toString(value).getBytes(StandardCharsets.US_ASCII);
                System.arraycopy(min, 0, bytes, size, min.length);
                size += min.length;
                comma = true;
                return;
            }
            bytes[size++] = '-';
            value = -value;
        }
        int digits = 1;
        for (long v = value; v >= 10; v /= 10) {
            digits++;
        }
        int p = size + digits;
        size = p;
        do {
            bytes[--p] = (byte) ('0' + (int) (value % 10));
            value /= 10;
        } while (value != 0);
        comma = true;
    }

    void string(String value) {
        separate();
        if (value.length() < MEMO_MIN) {
            rawString(value);
        } else {
            int known = Math.min(memoCount, MEMO);
            int k = 0;
            while (k < known && memoStrings[k] != value) {
                k++;
            }
            if (k < known) {
                int length = memoEnd[k] - memoStart[k];
                ensure(length);
                System.arraycopy(bytes, memoStart[k], bytes, size, length);
                size += length;
            } else {
                int slot = memoCount++ % MEMO;
                memoStrings[slot] = value;
                memoStart[slot] = size;
                rawString(value);
                memoEnd[slot] = size;
            }
        }
        comma = true;
    }

    /** The quoted, escaped string without comma handling. */
    private void rawString(String s) {
        int n = s.length();
        // Worst case six bytes per char (backslash-u00XX, backslash-uD800); UTF-8 needs at most three.
        ensure(6 * n + 2);
        byte[] b = bytes;
        int p = size;
        b[p++] = '"';
        if (n >= BULK_MIN) {
            // A Latin-1 string's bytes as they are (a vectorized copy); a character beyond Latin-1
            // becomes '?', which the scan stops at, as at anything else that is not plain ASCII.
            // Plain runs are copied in bulk; each character between them is encoded on its own. A
            // surrogate pair becomes one '?', so past the first pair the bytes no longer line up
            // with the characters: then the rest is encoded character by character.
            byte[] latin1 = s.getBytes(StandardCharsets.ISO_8859_1);
            boolean aligned = latin1.length == n;
            int i = 0;
            while (true) {
                int end = plainEnd(latin1, i, latin1.length);
                System.arraycopy(latin1, i, b, p, end - i);
                p += end - i;
                if (end == n) {
                    break;
                }
                if (!aligned) {
                    for (int k = end; k < n; k++) {
                        p = encode(s.charAt(k), b, p);
                    }
                    break;
                }
                p = encode(s.charAt(end), b, p);
                i = end + 1;
            }
        } else {
            for (int i = 0; i < n; i++) {
                p = encode(s.charAt(i), b, p);
            }
        }
        b[p++] = '"';
        size = p;
    }

    /**
     * Where the run of {@code x[from, n)} that is printable ASCII other than {@code "}, {@code \}
     * and {@code ?} ends. (A plain table loop: on this JIT it is as fast as comparing eight bytes at
     * a time.)
     */
    static int plainEnd(byte[] x, int from, int n) {
        for (int i = from; i < n; i++) {
            if (NOT_PLAIN[x[i] & 0xFF]) {
                return i;
            }
        }
        return n;
    }

    /** Writes one UTF-16 code unit into {@code b} at {@code p}, escaped; returns the new position. */
    private static int encode(char c, byte[] b, int p) {
        if (c < 0x80) {
            byte e = ESCAPE[c];
            if (e == 0) {
                b[p++] = (byte) c;
            } else if (e > 0) {
                b[p++] = '\\';
                b[p++] = e;
            } else {
                p = unicodeEscape(b, p, c);
            }
        } else if (c < 0x800) {
            b[p++] = (byte) (0xC0 | (c >> 6));
            b[p++] = (byte) (0x80 | (c & 0x3F));
        } else if (Character.isSurrogate(c)) {
            p = unicodeEscape(b, p, c);
        } else {
            b[p++] = (byte) (0xE0 | (c >> 12));
            b[p++] = (byte) (0x80 | ((c >> 6) & 0x3F));
            b[p++] = (byte) (0x80 | (c & 0x3F));
        }
        return p;
    }

    private static int unicodeEscape(byte[] b, int p, char c) {
        b[p++] = '\\';
        b[p++] = 'u';
        b[p++] = HEX[(c >> 12) & 0xF];
        b[p++] = HEX[(c >> 8) & 0xF];
        b[p++] = HEX[(c >> 4) & 0xF];
        b[p++] = HEX[c & 0xF];
        return p;
    }
}
