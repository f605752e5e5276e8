package dev.sluice.darktrace.internal;

import dev.sluice.cef.CefEvent;
import java.util.Arrays;

/**
 * What the mapper derives from a CEF Name (alert type, title, category), remembered by the
 * Name's bytes: Darktrace sends a few hundred model names over and over, so a repeated name is
 * found where it lies in the message instead of being decoded, sanitised and cut again. Shared by
 * all threads (an immutable table, copied when a name is added); names are sender-chosen, so it
 * stops growing at {@value #MAX_NAMES} names and later ones are derived every time.
 */
final class AlertNames {
    static final int MAX_NAMES = 1024;

    /** The derived texts of one Name; {@code category} is null for an empty alert type. */
    record Name(String alertType, String title, String category) {
        static Name of(String name) {
            String type = AlertTypes.sanitise(name);
            return new Name(type, AlertTypes.asSent(name), type.isEmpty() ? null : AlertTypes.category(type));
        }
    }

    private record Entry(byte[] bytes, int hash, Name name) {
    }

    private static final int CELLS = 2 * MAX_NAMES;
    private static volatile Entry[] table = new Entry[CELLS];
    private static int size;

    private AlertNames() {
    }

    /** The derived texts of the event's Name (the same as {@link Name#of} of {@link CefEvent#name()}). */
    static Name of(CefEvent event) {
        if (event.headerEscaped(CefEvent.NAME_FIELD)) {
            return Name.of(event.name());
        }
        byte[] b = event.array();
        int from = event.headerFrom(CefEvent.NAME_FIELD);
        int to = event.headerTo(CefEvent.NAME_FIELD);
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + b[i];
        }
        Entry[] t = table;
        int mask = t.length - 1;
        for (int cell = (h ^ h >>> 16) & mask; t[cell] != null; cell = (cell + 1) & mask) {
            Entry e = t[cell];
            if (e.hash == h && Arrays.equals(e.bytes, 0, e.bytes.length, b, from, to)) {
                return e.name;
            }
        }
        Name name = Name.of(event.name());
        add(new Entry(Arrays.copyOfRange(b, from, to), h, name));
        return name;
    }

    private static synchronized void add(Entry entry) {
        if (size >= MAX_NAMES) {
            return;
        }
        Entry[] t = table.clone();
        int mask = t.length - 1;
        int cell = (entry.hash ^ entry.hash >>> 16) & mask;
        for (; t[cell] != null; cell = (cell + 1) & mask) {
            if (t[cell].hash == entry.hash && Arrays.equals(t[cell].bytes, entry.bytes)) {
                return; // added by another thread meanwhile
            }
        }
        t[cell] = entry;
        size++;
        table = t;
    }
}
