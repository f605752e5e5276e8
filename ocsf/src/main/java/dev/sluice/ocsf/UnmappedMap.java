package dev.sluice.ocsf;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * The immutable, key-sorted {@code map<string, string>} behind {@link DetectionFinding#unmapped}:
 * two parallel sorted arrays (binary search, no per-entry objects). Keys and values are never null.
 * Built once per record, so it is made for cheap construction: a {@link Builder} collects entries in
 * any order and sorts them once; {@link #copyOf} takes any other map.
 */
public final class UnmappedMap extends AbstractMap<String, String> implements SortedMap<String, String> {
    private static final String[] NONE = new String[0];
    private static final UnmappedMap EMPTY = new UnmappedMap(NONE, NONE, 0, 0);

    private final String[] keys;
    private final String[] values;
    private final int from;
    private final int to;

    private UnmappedMap(String[] keys, String[] values, int from, int to) {
        this.keys = keys;
        this.values = values;
        this.from = from;
        this.to = to;
    }

    /** The empty map. */
    public static UnmappedMap of() {
        return EMPTY;
    }

    /** {@code map} itself when it already is an {@code UnmappedMap}, else a sorted copy (null → empty). */
    public static UnmappedMap copyOf(Map<String, String> map) {
        if (map instanceof UnmappedMap u) {
            return u;
        }
        if (map == null || map.isEmpty()) {
            return EMPTY;
        }
        SortedMap<String, String> sorted = map instanceof SortedMap<String, String> s && s.comparator() == null
                ? s : new TreeMap<>(map);
        String[] k = new String[sorted.size()];
        String[] v = new String[k.length];
        int n = 0;
        for (Map.Entry<String, String> e : sorted.entrySet()) {
            k[n] = Objects.requireNonNull(e.getKey(), "unmapped key");
            v[n++] = Objects.requireNonNull(e.getValue(), () -> "unmapped value of " + e.getKey());
        }
        return new UnmappedMap(k, v, 0, n);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * A number that sorts like {@code key} as far as its first 9 characters tell: 7 bits a
     * character, {@code c + 1} for characters below {@code '~'}, 0 past the end of the key, and
     * {@code 0x7f} (then zeros) from the first other character on. When the numbers of two keys
     * differ they order the keys as {@link String#compareTo} does; when they are equal,
     * {@code compareTo} decides. A caller putting the same keys again and again can compute it once
     * per key and pass it to {@link Builder#put(String, long, String)}.
     */
    public static long order(String key) {
        long order = 0;
        int n = Math.min(key.length(), 9);
        for (int i = 0; i < n; i++) {
            int c = key.charAt(i);
            if (c >= '~') {
                return ((order << 7) | 0x7f) << (7 * (8 - i));
            }
            order = (order << 7) | (c + 1);
        }
        return order << (7 * (9 - n));
    }

    @Override
    public int size() {
        return to - from;
    }

    @Override
    public boolean isEmpty() {
        return to == from;
    }

    /** The {@code i}-th key in sort order (0-based), for the JSON writer. */
    String keyAt(int i) {
        return keys[from + i];
    }

    /** The value of {@link #keyAt}. */
    String valueAt(int i) {
        return values[from + i];
    }

    @Override
    public String get(Object key) {
        int i = key instanceof String s ? Arrays.binarySearch(keys, from, to, s) : -1;
        return i >= 0 ? values[i] : null;
    }

    @Override
    public boolean containsKey(Object key) {
        return key instanceof String s && Arrays.binarySearch(keys, from, to, s) >= 0;
    }

    @Override
    public void forEach(BiConsumer<? super String, ? super String> action) {
        for (int i = from; i < to; i++) {
            action.accept(keys[i], values[i]);
        }
    }

    @Override
    public Set<Map.Entry<String, String>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<String, String>> iterator() {
                return new Iterator<>() {
                    private int i = from;

                    @Override
                    public boolean hasNext() {
                        return i < to;
                    }

                    @Override
                    public Map.Entry<String, String> next() {
                        if (i >= to) {
                            throw new NoSuchElementException();
                        }
                        Map.Entry<String, String> e = new SimpleImmutableEntry<>(keys[i], values[i]);
                        i++;
                        return e;
                    }
                };
            }

            @Override
            public int size() {
                return to - from;
            }
        };
    }

    @Override
    public Comparator<? super String> comparator() {
        return null;
    }

    @Override
    public SortedMap<String, String> subMap(String fromKey, String toKey) {
        if (fromKey.compareTo(toKey) > 0) {
            throw new IllegalArgumentException("fromKey > toKey");
        }
        return range(lowerBound(fromKey), lowerBound(toKey));
    }

    @Override
    public SortedMap<String, String> headMap(String toKey) {
        return range(from, lowerBound(toKey));
    }

    @Override
    public SortedMap<String, String> tailMap(String fromKey) {
        return range(lowerBound(fromKey), to);
    }

    @Override
    public String firstKey() {
        if (isEmpty()) {
            throw new NoSuchElementException();
        }
        return keys[from];
    }

    @Override
    public String lastKey() {
        if (isEmpty()) {
            throw new NoSuchElementException();
        }
        return keys[to - 1];
    }

    private UnmappedMap range(int start, int end) {
        return start >= end ? EMPTY : new UnmappedMap(keys, values, start, end);
    }

    /** Index of the first key {@code >= key}. */
    private int lowerBound(String key) {
        int i = Arrays.binarySearch(keys, from, to, Objects.requireNonNull(key, "key"));
        return i >= 0 ? i : -i - 1;
    }

    /**
     * Collects entries in any order; {@link #build} sorts them once (stable, so the rules below
     * hold) and resolves repeated keys: the last {@link #put} wins, and a {@link #putIfAbsent}
     * counts only when no {@code put} of that key exists and no earlier {@code putIfAbsent} did —
     * the same result as applying the calls to a {@code Map} in order. Not thread-safe; single use.
     */
    public static final class Builder {
        private static final int INSERTION_SORT_MAX = 48;

        private String[] keys = new String[16];
        private String[] values = new String[16];
        private boolean[] weak = new boolean[16];
        /** Per entry: {@link UnmappedMap#order} of its key, so most comparisons in the sort are of two longs. */
        private long[] orders = new long[16];
        private int size;

        private Builder() {
        }

        /** Sets {@code key} (replacing an earlier value). */
        public Builder put(String key, String value) {
            add(key, key == null ? 0 : order(key), value, false);
            return this;
        }

        /** {@link #put(String, String)} with {@code order} = {@link UnmappedMap#order}{@code (key)}, computed by the caller. */
        public Builder put(String key, long order, String value) {
            add(key, order, value, false);
            return this;
        }

        /** Sets {@code key} unless it is set already. */
        public Builder putIfAbsent(String key, String value) {
            add(key, key == null ? 0 : order(key), value, true);
            return this;
        }

        /** {@link #putIfAbsent(String, String)} with {@code order} = {@link UnmappedMap#order}{@code (key)}, computed by the caller. */
        public Builder putIfAbsent(String key, long order, String value) {
            add(key, order, value, true);
            return this;
        }

        private void add(String key, long order, String value, boolean isWeak) {
            if (keys == null) {
                throw new IllegalStateException("already built");
            }
            if (key == null || value == null) {
                throw new NullPointerException(key == null ? "key" : "value of " + key);
            }
            if (size == keys.length) {
                keys = Arrays.copyOf(keys, size * 2);
                values = Arrays.copyOf(values, size * 2);
                weak = Arrays.copyOf(weak, size * 2);
                orders = Arrays.copyOf(orders, size * 2);
            }
            keys[size] = key;
            values[size] = value;
            weak[size] = isWeak;
            orders[size] = order;
            size++;
        }

        /** Entry {@code i} against a key and its order: negative, zero or positive as in {@code compareTo}. */
        private int compare(int i, long order, String key) {
            long o = orders[i];
            return o != order ? Long.compare(o, order) : keys[i].compareTo(key);
        }

        /** The map; the builder's arrays become the map's, so the builder cannot be used afterwards. */
        public UnmappedMap build() {
            if (keys == null) {
                throw new IllegalStateException("already built");
            }
            if (size == 0) {
                keys = null;
                return EMPTY;
            }
            boolean repeated = sort();
            String[] k = keys;
            String[] v = values;
            keys = null;
            orders = null;
            if (!repeated) {
                values = null;
                weak = null;
                return new UnmappedMap(k, v, 0, size);
            }
            int n = 0;
            for (int i = 0; i < size; ) {
                int j = i + 1;
                while (j < size && k[j].equals(k[i])) {
                    j++;
                }
                String value = v[winner(i, j)];
                k[n] = k[i];
                v[n++] = value;
                i = j;
            }
            if (n < size) {
                Arrays.fill(k, n, size, null);
                Arrays.fill(v, n, size, null);
            }
            values = null;
            weak = null;
            return new UnmappedMap(k, v, 0, n);
        }

        /** Among the equal keys {@code [i, j)} (in call order): the last strong put, else the first weak one. */
        private int winner(int i, int j) {
            for (int w = j - 1; w >= i; w--) {
                if (!weak[w]) {
                    return w;
                }
            }
            return i;
        }

        /**
         * Stable sort. Insertion sort for the usual few entries (they arrive in short sorted runs);
         * a merge sort of the indices beyond that, so a message with very many keys stays n log n.
         * Returns whether a key may occur more than once (then {@link #build} resolves repeats).
         */
        private boolean sort() {
            if (size > INSERTION_SORT_MAX) {
                Integer[] order = new Integer[size];
                for (int i = 0; i < size; i++) {
                    order[i] = i;
                }
                Arrays.sort(order, Comparator.comparing(i -> keys[i]));
                String[] k = new String[size];
                String[] v = new String[size];
                boolean[] w = new boolean[size];
                for (int i = 0; i < size; i++) {
                    k[i] = keys[order[i]];
                    v[i] = values[order[i]];
                    w[i] = weak[order[i]];
                }
                keys = k;
                values = v;
                weak = w;
                return true; // not tracked on this path: let build look
            }
            boolean repeated = false;
            for (int i = 1; i < size; i++) {
                String key = keys[i];
                long order = orders[i];
                int c = compare(i - 1, order, key);
                if (c <= 0) {
                    repeated |= c == 0;
                    continue;
                }
                String value = values[i];
                boolean isWeak = weak[i];
                int j = i - 1;
                while (c > 0) {
                    keys[j + 1] = keys[j];
                    values[j + 1] = values[j];
                    weak[j + 1] = weak[j];
                    orders[j + 1] = orders[j];
                    j--;
                    c = j >= 0 ? compare(j, order, key) : -1;
                }
                // The left neighbour now sorts at or before key: equal means a repeated key.
                repeated |= c == 0;
                keys[j + 1] = key;
                values[j + 1] = value;
                weak[j + 1] = isWeak;
                orders[j + 1] = order;
            }
            return repeated;
        }
    }
}
