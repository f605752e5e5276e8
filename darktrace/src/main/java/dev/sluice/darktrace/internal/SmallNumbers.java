package dev.sluice.darktrace.internal;

import java.nio.charset.StandardCharsets;

/**
 * The text of small decimal numbers, shared: CEF Signature IDs (Darktrace model ids) and
 * severities are such numbers, and the same few hundred come again and again, so their text is
 * made once instead of being decoded from every message; so are the syslog facility and severity
 * numbers and the CEF version. Filled as numbers are met (racily: a {@code String} is immutable,
 * so a reader sees either null or a complete one).
 */
public final class SmallNumbers {
    static final int MAX = 9999;
    private static final String[] TEXTS = new String[MAX + 1];

    private SmallNumbers() {
    }

    /**
     * The text of {@code b[from, to)} when it is a number 0-{@value #MAX} written as 1-4 ASCII
     * digits without a leading zero (then it equals the decoded bytes), else null.
     */
    static String text(byte[] b, int from, int to) {
        int length = to - from;
        if (length < 1 || length > 4 || (b[from] == '0' && length > 1)) {
            return null;
        }
        int n = 0;
        for (int i = from; i < to; i++) {
            int digit = b[i] - '0';
            if (digit < 0 || digit > 9) {
                return null;
            }
            n = n * 10 + digit;
        }
        String text = TEXTS[n];
        if (text == null) {
            text = new String(b, from, length, StandardCharsets.US_ASCII);
            TEXTS[n] = text;
        }
        return text;
    }

    /** {@code Integer.toString(n)}, shared for 0-{@value #MAX}. */
    public static String of(int n) {
        if (n < 0 || n > MAX) {
            return Integer.toString(n);
        }
        String text = TEXTS[n];
        if (text == null) {
            text = Integer.toString(n);
            TEXTS[n] = text;
        }
        return text;
    }
}
