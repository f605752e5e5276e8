package dev.sluice.darktrace.internal;

import dev.sluice.cef.CefEvent;
import dev.sluice.ocsf.Product;
import java.util.Arrays;

/**
 * CEF Device Product and Device Version as the mapper uses them (trimmed product, version as
 * sent, the OCSF {@link Product}), remembered by the bytes of the two fields: an integration sends
 * the same one or two products over and over. Shared by all threads: a small direct-mapped table
 * of immutable entries, replaced racily (an entry is complete or absent for any reader).
 */
final class ProductNames {
    private static final int PRODUCT = 2;
    private static final int VERSION = 3;
    private static final int CELLS = 64;

    /** What the mapper reads from the two fields; {@code ocsf} is null for a blank product (not a valid one). */
    record Names(String product, String version, Product ocsf) {
        static Names of(CefEvent event) {
            String product = event.deviceProduct().trim();
            String version = event.deviceVersion();
            return new Names(product, version, product.isEmpty() ? null : new Product(FindingDraft.VENDOR, product, version));
        }
    }

    private record Entry(byte[] bytes, Names names) {
    }

    private static final Entry[] TABLE = new Entry[CELLS];

    private ProductNames() {
    }

    /** The names of the event's Device Product and Device Version (the same as {@link Names#of}). */
    static Names of(CefEvent event) {
        if (event.headerEscaped(PRODUCT) || event.headerEscaped(VERSION)) {
            return Names.of(event);
        }
        byte[] b = event.array();
        int from = event.headerFrom(PRODUCT);
        int to = event.headerTo(VERSION);
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + b[i];
        }
        int cell = (h ^ h >>> 16) & (CELLS - 1);
        Entry e = TABLE[cell];
        if (e != null && Arrays.equals(e.bytes, 0, e.bytes.length, b, from, to)) {
            return e.names;
        }
        Names names = Names.of(event);
        TABLE[cell] = new Entry(Arrays.copyOfRange(b, from, to), names);
        return names;
    }
}
