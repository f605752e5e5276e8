package dev.sluice.darktrace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.sluice.cef.CefRecord;
import dev.sluice.cef.CefWriter;
import dev.sluice.ocsf.OcsfJsonWriter;
import dev.sluice.ocsf.OcsfValidator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Every record the normalizer emits for valid Darktrace CEF passes the OCSF schema facts; nothing throws. */
class DarktracePipelineProperties {
    private static final OcsfValidator VALIDATOR = OcsfValidator.detectionFinding();
    private static final DarktracePipeline PIPELINE = new DarktracePipeline();
    private static final TenantContext TENANT = new TenantContext("t", List.of("corp.example"), List.of(IpRange.parse("203.0.113.0/24")));

    @Property(tries = 400, seed = "20261127")
    void everyNormalizedRecordPassesSchemaValidation(@ForAll("darktraceCef") String frame) {
        DarktraceResult result = PIPELINE.process(frame, Corpus.RECEIVED, TENANT, AcceptedFormats.CEF_ONLY);
        DarktraceResult.Accepted accepted = assertInstanceOf(DarktraceResult.Accepted.class, result, () -> frame + " -> " + result);
        assertEquals(List.of(), VALIDATOR.validate(OcsfJsonWriter.toJson(accepted.finding())), frame);
    }

    @Property(tries = 300, seed = "20261128")
    void neverThrowsOnArbitraryBytes(@ForAll("frames") byte[] frame) {
        assertNotNull(PIPELINE.process(frame, 0, frame.length, Corpus.RECEIVED, TENANT, AcceptedFormats.CEF_AND_JSON));
    }

    /**
     * The mapper reads plain addresses, MACs and ports on the bytes and everything else on the
     * decoded text: the same value sent plainly and sent with escaped whitespace around it (which
     * the decoded text trims) must give the same device, endpoints, observables and unmapped keys.
     */
    @Property(tries = 400, seed = "20261129")
    void valuesReadOnTheBytesNormalizeAsTheirDecodedText(@ForAll("endpointValues") List<String> values,
                                                        @ForAll("paddings") List<String> paddings) {
        Map<String, String> plain = new LinkedHashMap<>();
        Map<String, String> padded = new LinkedHashMap<>();
        plain.put("externalId", "1400001");
        padded.put("externalId", "1400001");
        for (int i = 0; i < ENDPOINT_KEYS.size(); i++) {
            String v = values.get(i);
            if (v != null) {
                plain.put(ENDPOINT_KEYS.get(i), v);
                String pad = paddings.get(i);
                padded.put(ENDPOINT_KEYS.get(i), pad.startsWith("\r") ? "\r" + v : v + pad);
            }
        }
        plain.put("msg", "end");
        padded.put("msg", "end");
        var a = normalize(plain).finding();
        var b = normalize(padded).finding();
        String context = plain + " / " + padded;
        assertEquals(a.device(), b.device(), context);
        assertEquals(a.evidences(), b.evidences(), context);
        assertEquals(a.observables(), b.observables(), context);
        assertEquals(a.unmapped().keySet(), b.unmapped().keySet(), context);
    }

    private static final List<String> ENDPOINT_KEYS = List.of("dvc", "deviceMacAddress", "src", "smac", "spt", "dst", "dpt", "dvchost");

    private static DarktraceResult.Accepted normalize(Map<String, String> extensions) {
        String frame = CefWriter.write(CefRecord.of("Darktrace", "Enterprise Immune System", "6.1", "349",
                "Anomalous Connection/New Host", "5", extensions));
        DarktraceResult r = PIPELINE.process(frame, Corpus.RECEIVED, TENANT, AcceptedFormats.CEF_ONLY);
        return assertInstanceOf(DarktraceResult.Accepted.class, r, () -> frame + " -> " + r);
    }

    @Provide
    Arbitrary<List<String>> endpointValues() {
        Arbitrary<String> port = Arbitraries.oneOf(Arbitraries.integers().between(0, 70_000).map(String::valueOf),
                Arbitraries.of("080", "443x", "٣", "-1", "999999", ""));
        Arbitrary<String> odd = Arbitraries.of("1.2.3.04", "١٠.0.0.1", "fe80::1%eth0", "::ffff:10.0.0.1", "10.0.0.1 ", "a\\b");
        Arbitrary<String> address = Arbitraries.oneOf(ip(), odd);
        Arbitrary<String> macs = Arbitraries.oneOf(mac(), Arbitraries.of("C8:FF:28:B6:2C:D7", "c8:ff:28:b6:2c:d", "ｃ8:ff:28:b6:2c:d7"));
        return Combinators.combine(List.of(optional(address), optional(macs), optional(address), optional(macs), optional(port),
                optional(address), optional(port), optional(hostname()))).as(l -> l);
    }

    @Provide
    Arbitrary<List<String>> paddings() {
        return Arbitraries.of("\n", "\r", " ", "\t").list().ofSize(ENDPOINT_KEYS.size());
    }

    @Provide
    Arbitrary<byte[]> frames() {
        Arbitrary<byte[]> noise = Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
        Arbitrary<byte[]> cefish = Arbitraries.strings().withChars("CEF:0|Darktrace{}\":=\\ ,.<>165abc\n").ofMaxLength(200)
                .map(s -> s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return Arbitraries.oneOf(noise, cefish);
    }

    @Provide
    Arbitrary<String> darktraceCef() {
        Arbitrary<String> product = Arbitraries.of("DCIP", "Enterprise Immune System", "AI Analyst", "dcip");
        Arbitrary<String> word = Arbitraries.strings().alpha().numeric().withChars(' ', '-', '(', ')').ofMinLength(1).ofMaxLength(20);
        Arbitrary<String> name = Combinators.combine(Arbitraries.of("Anomalous Connection", "Compromise", "Device", "System", "SaaS", "Antigena/Network"),
                word).as((a, b) -> a + "/" + b);
        Arbitrary<String> severity = Arbitraries.oneOf(Arbitraries.integers().between(0, 10).map(String::valueOf),
                Arbitraries.of("Low", "Medium", "High", "Very-High", "Unknown", "Severe"));
        List<String> keys = List.of("externalId", "dvc", "dvchost", "deviceMacAddress", "dst", "dhost", "dpt", "message", "rt",
                "mitreId", "percentscore", "lat", "cs1Label", "cs1");
        List<Arbitrary<String>> values = List.of(
                optional(Arbitraries.longs().between(1, 99_999_999).map(String::valueOf)),
                optional(ip()), optional(hostname()), optional(mac()), optional(ip()), optional(hostname()),
                optional(Arbitraries.integers().between(0, 70_000).map(String::valueOf)),
                optional(text()), optional(time()), optional(Arbitraries.of("T1568.002", "T1071", "T1071,T1573", "bogus")),
                optional(Arbitraries.of("0.87", "97", "97%", "1.5", "x", "150")), optional(Arbitraries.of("51.5", "-0.12")),
                optional(Arbitraries.of("score", "pbid", "Model UUID")), optional(text()));
        Arbitrary<Map<String, String>> extensions = Combinators.combine(values).as(list -> {
            Map<String, String> m = new LinkedHashMap<>();
            for (int i = 0; i < keys.size(); i++) {
                put(m, keys.get(i), list.get(i));
            }
            if (list.get(0) != null) {
                m.put("darktraceUrl", "https://dt.corp.example/#modelbreach/" + list.get(0));
            }
            return m;
        });
        Arbitrary<String> header = Arbitraries.of("", "<165>Nov 27 09:58:12 dt-master.corp.example darktrace ",
                "<165>1 2026-11-27T09:58:12.123+01:00 dt-master darktrace - - - ", "Jan  1 00:00:01 dt ");
        return Combinators.combine(header, product, name, severity, extensions).as((h, p, n, s, x) ->
                h + CefWriter.write(CefRecord.of("Darktrace", p, "6.1", "349", n, s, x)));
    }

    private static void put(Map<String, String> m, String key, String value) {
        if (value != null) {
            m.put(key, value);
        }
    }

    private static <T> Arbitrary<T> optional(Arbitrary<T> a) {
        return a.injectNull(0.3);
    }

    private static Arbitrary<String> ip() {
        Arbitrary<String> v4 = Arbitraries.integers().between(0, 255).list().ofSize(4)
                .map(l -> l.get(0) + "." + l.get(1) + "." + l.get(2) + "." + l.get(3));
        return Arbitraries.<String>oneOf(v4, Arbitraries.of("0.0.0.0", "fe80::1", "2001:db8::7", "::1", "203.0.113.77", "not-an-ip", "10.0.0"));
    }

    private static Arbitrary<String> hostname() {
        return Arbitraries.<String>oneOf(Arbitraries.strings().alpha().numeric().withChars('-', '.').ofMinLength(1).ofMaxLength(30)
                .filter(s -> !s.isBlank()), Arbitraries.of("ws-1.corp.example", "SaaS::Office365: user@corp.example", "#C-sensor"));
    }

    private static Arbitrary<String> mac() {
        return Arbitraries.of("c8:ff:28:b6:2c:d7", "1:1:1:1:1:1", "00-00-5E-00-53-00", "zz");
    }

    private static Arbitrary<String> text() {
        return Arbitraries.strings().ofMaxLength(60).filter(s -> s.isEmpty() || !Character.isWhitespace(s.charAt(s.length() - 1)))
                .filter(s -> s.chars().noneMatch(c -> Character.isSurrogate((char) c)));
    }

    private static Arbitrary<String> time() {
        return Arbitraries.<String>oneOf(Arbitraries.longs().between(0, 4_000_000_000_000L).map(String::valueOf),
                Arbitraries.of("Nov 27 2026 09:00:00 UTC", "Feb 29 10:00:00", "Dec 31 23:59:59.999", "2026-11-27T09:00:00Z", "yesterday", "Nov 27 2026 09:00:00 CountryA"));
    }
}
