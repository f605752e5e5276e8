package dev.sluice.darktrace.internal;

/**
 * The alert type: the CEF Name (model path), sanitised so one model always gives one string.
 * Darktrace writes model paths with {@code ::} in JSON and {@code /} in CEF, and AI Analyst
 * lists them as {@code "A / B"}; all become {@code A/B}. Control characters become spaces,
 * runs of whitespace collapse to one space, the ends are trimmed and the result is cut at
 * {@link #MAX_LENGTH} characters.
 */
public final class AlertTypes {
    public static final int MAX_LENGTH = 256;

    private AlertTypes() {
    }

    public static String sanitise(String name) {
        if (name == null) {
            return "";
        }
        if (isClean(name)) {
            return name;
        }
        StringBuilder out = new StringBuilder(Math.min(name.length(), MAX_LENGTH));
        boolean pendingSpace = false;
        for (int i = 0; i < name.length() && out.length() < MAX_LENGTH; i++) {
            char c = name.charAt(i);
            if (c == ':' && i + 1 < name.length() && name.charAt(i + 1) == ':') {
                c = '/';
                i++;
            }
            if (c < 0x20 || c == 0x7f || Character.isWhitespace(c)) {
                pendingSpace = out.length() > 0;
                continue;
            }
            if (c == '/') {
                pendingSpace = false;
                out.append('/');
                while (i + 1 < name.length() && Character.isWhitespace(name.charAt(i + 1))) {
                    i++;
                }
                continue;
            }
            if (pendingSpace) {
                out.append(' ');
                pendingSpace = false;
                if (out.length() >= MAX_LENGTH) {
                    break;
                }
            }
            out.append(c);
        }
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == ' ') {
            end--;
        }
        out.setLength(end);
        return out.toString();
    }

    private static boolean isClean(String s) {
        int n = s.length();
        if (n == 0 || n > MAX_LENGTH || s.charAt(0) == ' ' || s.charAt(n - 1) == ' ') {
            return n == 0;
        }
        char previous = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c > ' ' && c < 0x7f && c != '/' && c != ':') {
                previous = c; // printable ASCII other than space, '/' and ':' is always clean
                continue;
            }
            if (c < 0x20 || c == 0x7f || (Character.isWhitespace(c) && c != ' ')) {
                return false;
            }
            if ((c == ' ' && (previous == ' ' || previous == '/')) || (c == '/' && previous == ' ') || (c == ':' && previous == ':')) {
                return false;
            }
            previous = c;
        }
        return true;
    }

    /**
     * A title as Darktrace sent it: the text trimmed, nothing else changed (so
     * {@code "Compromise/DNS / Possible DNS Tunnelling"} stays so); null when blank.
     */
    public static String asSent(String name) {
        return name == null || name.isBlank() ? null : name.trim();
    }

    /**
     * A JSON model name ({@code Category::Name}) written the way Darktrace writes it in CEF, with
     * {@code ::} as {@code /} and nothing else changed; null when blank.
     */
    public static String modelPath(String name) {
        String s = asSent(name);
        return s == null ? null : s.replace("::", "/");
    }

    /** The part before the first {@code /} (the model category, e.g. "Anomalous Connection"), or the whole type. */
    public static String category(String alertType) {
        int slash = alertType.indexOf('/');
        return slash > 0 ? alertType.substring(0, slash) : alertType;
    }
}
