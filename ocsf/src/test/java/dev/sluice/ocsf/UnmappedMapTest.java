package dev.sluice.ocsf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class UnmappedMapTest {

    @Test
    void buildsASortedMapWhateverTheOrderOfTheCalls() {
        UnmappedMap m = UnmappedMap.builder().put("syslog.hostname", "h").put("cef.lat", "1").put("cef.foo", "x")
                .put("darktrace.a", "b").build();
        assertEquals(List.of("cef.foo", "cef.lat", "darktrace.a", "syslog.hostname"), List.copyOf(m.keySet()));
        assertEquals(new TreeMap<>(Map.of("syslog.hostname", "h", "cef.lat", "1", "cef.foo", "x", "darktrace.a", "b")), m);
        assertEquals("1", m.get("cef.lat"));
        assertEquals(null, m.get("cef.long"));
    }

    @Test
    void resolvesRepeatedKeysLikeAMapInCallOrder() {
        assertEquals("2", UnmappedMap.builder().put("k", "1").put("k", "2").build().get("k"));
        assertEquals("1", UnmappedMap.builder().put("k", "1").putIfAbsent("k", "2").build().get("k"));
        assertEquals("2", UnmappedMap.builder().putIfAbsent("k", "1").put("k", "2").putIfAbsent("k", "3").build().get("k"));
        assertEquals("1", UnmappedMap.builder().putIfAbsent("k", "1").putIfAbsent("k", "2").build().get("k"));
        assertEquals(1, UnmappedMap.builder().put("k", "1").put("k", "2").build().size());
    }

    @Test
    void agreesWithATreeMapOnRandomCalls() {
        SplittableRandom random = new SplittableRandom(7);
        for (int round = 0; round < 200; round++) {
            TreeMap<String, String> expected = new TreeMap<>();
            UnmappedMap.Builder builder = UnmappedMap.builder();
            int calls = random.nextInt(0, 90);
            for (int i = 0; i < calls; i++) {
                String key = "k" + random.nextInt(0, 40);
                String value = Integer.toString(i);
                if (random.nextBoolean()) {
                    expected.put(key, value);
                    builder.put(key, value);
                } else {
                    expected.putIfAbsent(key, value);
                    builder.putIfAbsent(key, value);
                }
            }
            UnmappedMap built = builder.build();
            assertEquals(expected, built);
            assertEquals(List.copyOf(expected.keySet()), List.copyOf(built.keySet()));
        }
    }

    @Test
    void ordersKeysAsCompareToDoesWhereTheirNumbersDiffer() {
        SplittableRandom random = new SplittableRandom(13);
        String alphabet = "ac.z_~\u007f\u00e9\u01fd\u4e2d\u0000 A";
        for (int round = 0; round < 20000; round++) {
            String a = randomKey(random, alphabet);
            String b = random.nextInt(4) == 0 ? a.substring(0, random.nextInt(a.length() + 1)) + randomKey(random, alphabet)
                    : randomKey(random, alphabet);
            long oa = UnmappedMap.order(a);
            long ob = UnmappedMap.order(b);
            if (oa != ob) {
                assertEquals(Integer.signum(a.compareTo(b)), Long.signum(Long.compare(oa, ob)), a + " / " + b);
            }
            if (a.equals(b)) {
                assertEquals(oa, ob);
            }
        }
    }

    private static String randomKey(SplittableRandom random, String alphabet) {
        StringBuilder s = new StringBuilder();
        for (int i = random.nextInt(0, 13); i > 0; i--) {
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return s.toString();
    }

    @Test
    void givesTheSameMapWithOrdersComputedByTheCaller() {
        SplittableRandom random = new SplittableRandom(17);
        for (int round = 0; round < 200; round++) {
            UnmappedMap.Builder plain = UnmappedMap.builder();
            UnmappedMap.Builder ordered = UnmappedMap.builder();
            for (int i = random.nextInt(0, 60); i > 0; i--) {
                String key = (random.nextBoolean() ? "cef." : "syslog.") + "k" + random.nextInt(0, 30);
                String value = Integer.toString(i);
                if (random.nextBoolean()) {
                    plain.put(key, value);
                    ordered.put(key, UnmappedMap.order(key), value);
                } else {
                    plain.putIfAbsent(key, value);
                    ordered.putIfAbsent(key, UnmappedMap.order(key), value);
                }
            }
            UnmappedMap expected = plain.build();
            UnmappedMap built = ordered.build();
            assertEquals(expected, built);
            assertEquals(List.copyOf(expected.entrySet()), List.copyOf(built.entrySet()));
        }
    }

    @Test
    void offersTheSortedMapViews() {
        UnmappedMap m = UnmappedMap.copyOf(Map.of("a", "1", "b", "2", "c", "3", "d", "4"));
        assertEquals("a", m.firstKey());
        assertEquals("d", m.lastKey());
        assertEquals(List.of("b", "c"), List.copyOf(m.subMap("b", "d").keySet()));
        assertEquals(List.of("a", "b"), List.copyOf(m.headMap("bb").keySet()));
        assertEquals(List.of("c", "d"), List.copyOf(m.tailMap("c").keySet()));
        assertTrue(m.tailMap("e").isEmpty());
        assertThrows(UnsupportedOperationException.class, () -> m.put("e", "5"));
    }

    @Test
    void copiesOtherMapsButNotItself() {
        UnmappedMap m = UnmappedMap.copyOf(new LinkedHashMap<>(Map.of("z", "1", "a", "2")));
        assertEquals(List.of("a", "z"), List.copyOf(m.keySet()));
        assertSame(m, UnmappedMap.copyOf(m));
        assertSame(UnmappedMap.of(), UnmappedMap.copyOf(null));
        Map<String, String> withNull = new LinkedHashMap<>();
        withNull.put("a", null);
        assertThrows(NullPointerException.class, () -> UnmappedMap.copyOf(withNull));
    }
}
