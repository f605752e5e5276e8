package dev.sluice.darktrace.internal;

import dev.sluice.ocsf.Severity;
import java.util.Locale;

/**
 * Severity rules (documented in docs/darktrace.md):
 * <ul>
 * <li>CEF Severity 0–10: 0 Informational, 1–3 Low, 4–6 Medium, 7–8 High, 9–10 Critical (the CEF
 *     label convention: 0–3 Low, 4–6 Medium, 7–8 High, 9–10 Very-High; 0 means "no severity");
 *     labels Low/Medium/High/Very-High/Unknown map the same way; anything else is Other with the
 *     source text kept.</li>
 * <li>Model priority 0–5 (JSON model breaches): 0 Informational, 1–2 Low, 3 Medium, 4 High, 5 Critical.</li>
 * <li>AI Analyst category: critical → Critical, suspicious → High, compliance → Medium,
 *     informational → Informational.</li>
 * <li>System status priority_level: informational, low, medium, high, critical → 1–5.</li>
 * <li>Score percent (when nothing else is sent): &lt;25 Low, &lt;50 Medium, &lt;75 High, else Critical.</li>
 * </ul>
 */
public final class Severities {
    private Severities() {
    }

    /** Null when the text is neither a number 0–10 nor a CEF label. */
    public static Severity fromCef(String text) {
        if (text == null) {
            return null;
        }
        String s = text.trim();
        if (!s.isEmpty() && s.length() <= 2 && Character.isDigit(s.charAt(0)) && Character.isDigit(s.charAt(s.length() - 1))) {
            int n = Integer.parseInt(s);
            if (n == 0) {
                return Severity.INFORMATIONAL;
            }
            return n <= 3 ? Severity.LOW : n <= 6 ? Severity.MEDIUM : n <= 8 ? Severity.HIGH : n <= 10 ? Severity.CRITICAL : null;
        }
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "low" -> Severity.LOW;
            case "medium" -> Severity.MEDIUM;
            case "high" -> Severity.HIGH;
            case "very-high", "very high" -> Severity.CRITICAL;
            case "unknown" -> Severity.UNKNOWN;
            default -> null;
        };
    }

    public static Severity fromModelPriority(int priority) {
        return priority <= 0 ? Severity.INFORMATIONAL : priority <= 2 ? Severity.LOW : priority == 3 ? Severity.MEDIUM
                : priority == 4 ? Severity.HIGH : Severity.CRITICAL;
    }

    public static Severity fromLevel(String level) {
        if (level == null) {
            return null;
        }
        return switch (level.trim().toLowerCase(Locale.ROOT)) {
            case "informational", "info" -> Severity.INFORMATIONAL;
            case "low" -> Severity.LOW;
            case "medium" -> Severity.MEDIUM;
            case "high" -> Severity.HIGH;
            case "critical" -> Severity.CRITICAL;
            default -> null;
        };
    }

    public static Severity fromAiAnalystCategory(String category) {
        if (category == null) {
            return null;
        }
        return switch (category.trim().toLowerCase(Locale.ROOT)) {
            case "critical" -> Severity.CRITICAL;
            case "suspicious" -> Severity.HIGH;
            case "compliance" -> Severity.MEDIUM;
            case "informational" -> Severity.INFORMATIONAL;
            default -> null;
        };
    }

    public static Severity fromScorePercent(int percent) {
        return percent < 25 ? Severity.LOW : percent < 50 ? Severity.MEDIUM : percent < 75 ? Severity.HIGH : Severity.CRITICAL;
    }

    /**
     * A Darktrace score whose scale is not known from its key, as an integer percent 0–100: "97",
     * "97%", or a fraction 0–1 ("0.871" → 87; "1" without a point is 1 %). Null when it is not a
     * number in range.
     */
    public static Integer scorePercent(String text) {
        Double v = decimal(stripPercent(text));
        if (v == null || v > 100) {
            return null;
        }
        String s = text.trim();
        boolean fraction = v <= 1 && (s.indexOf('.') >= 0 || v == 0);
        return (int) Math.floor(fraction ? v * 100 : v);
    }

    /** A value on a 0–100 scale (AI Analyst {@code aiaScore}, system status {@code priority}): "54", "54.5", "54%" → 54. */
    public static Integer percent(String text) {
        Double v = decimal(stripPercent(text));
        return v == null || v > 100 ? null : (int) Math.floor(v);
    }

    /**
     * Darktrace's breach {@code score}, a fraction 0–1 ("0.871" → 87, "1" → 100). A value above 1
     * (up to 100) can only be a percent and is read as one.
     */
    public static Integer fractionScore(String text) {
        Double v = decimal(stripPercent(text));
        if (v == null || v > 100) {
            return null;
        }
        return (int) Math.floor(v <= 1 ? v * 100 : v);
    }

    private static String stripPercent(String text) {
        if (text == null) {
            return null;
        }
        String s = text.trim();
        return s.endsWith("%") ? s.substring(0, s.length() - 1).trim() : s;
    }

    /**
     * A non-negative plain decimal ({@code 12}, {@code 0.5}, {@code .5}), at most 24 characters;
     * null for anything else (signs, exponents, NaN, hex — which {@link Double#parseDouble} would take).
     */
    public static Double decimal(String text) {
        if (text == null) {
            return null;
        }
        String s = text.trim();
        if (s.isEmpty() || s.length() > 24) {
            return null;
        }
        boolean point = false;
        boolean digit = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '.' && !point) {
                point = true;
            } else if (c >= '0' && c <= '9') {
                digit = true;
            } else {
                return null;
            }
        }
        if (!digit) {
            return null;
        }
        // Up to 15 digits are exact in a double, and so are the powers of ten up to 10^22: one
        // correctly rounded division then gives exactly what Double.parseDouble gives.
        long mantissa = 0;
        int digits = 0;
        int fractionDigits = -1;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '.') {
                fractionDigits = 0;
            } else {
                mantissa = mantissa * 10 + (c - '0');
                digits++;
                if (fractionDigits >= 0) {
                    fractionDigits++;
                }
            }
        }
        if (digits > 15) {
            return Double.parseDouble(s);
        }
        return fractionDigits <= 0 ? (double) mantissa : mantissa / POWERS_OF_TEN[fractionDigits];
    }

    private static final double[] POWERS_OF_TEN = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
}
