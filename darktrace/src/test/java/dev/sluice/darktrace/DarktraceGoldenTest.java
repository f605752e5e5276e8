package dev.sluice.darktrace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import dev.sluice.ocsf.OcsfJsonWriter;
import dev.sluice.ocsf.OcsfValidator;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Each corpus message → its golden file {@code golden/<name>.json} (the accepted alert's kind,
 * format, alert type, flags and the OCSF record). Regenerate with
 * {@code -Dsluice.golden.regenerate=true} and review the diff.
 */
class DarktraceGoldenTest {
    private static final boolean REGENERATE = Boolean.getBoolean("sluice.golden.regenerate");
    private static final Path GOLDEN_SOURCE = Path.of("src/test/resources/golden");

    private final DarktracePipeline pipeline = new DarktracePipeline();
    private final OcsfValidator validator = OcsfValidator.detectionFinding();

    @TestFactory
    Stream<DynamicTest> everyCorpusMessageMatchesItsGoldenFile() {
        List<Corpus.Entry> samples = Corpus.samples();
        assertEquals(12, samples.size(), "corpus entries");
        return samples.stream().map(entry -> DynamicTest.dynamicTest(entry.tag(), () -> check(entry)));
    }

    private void check(Corpus.Entry entry) throws IOException {
        DarktraceResult result = pipeline.process(entry.message(), Corpus.RECEIVED, Corpus.tenant(), AcceptedFormats.CEF_AND_JSON);
        DarktraceResult.Accepted accepted = assertInstanceOf(DarktraceResult.Accepted.class, result, () -> result.toString());
        assertEquals(List.of(), validator.validate(OcsfJsonWriter.toJson(accepted.finding())), entry.tag());
        byte[] compact = OcsfJsonWriter.toBytes(accepted.finding());
        assertEquals(new String(jacksonCompact(compact), StandardCharsets.UTF_8), new String(compact, StandardCharsets.UTF_8),
                "compact bytes = what Jackson writes for the same tokens");
        String actual = render(accepted);
        String file = entry.tag() + ".json";
        if (REGENERATE) {
            Files.createDirectories(GOLDEN_SOURCE);
            Files.writeString(GOLDEN_SOURCE.resolve(file), actual, StandardCharsets.UTF_8);
            return;
        }
        try (InputStream in = getClass().getResourceAsStream("/golden/" + file)) {
            if (in == null) {
                throw new AssertionError("no golden file " + file + "; run with -Dsluice.golden.regenerate=true");
            }
            assertEquals(new String(in.readAllBytes(), StandardCharsets.UTF_8), actual, file);
        }
    }

    /** The reference for the compact bytes: Jackson's UTF-8 generator fed the same tokens. */
    private static byte[] jacksonCompact(byte[] json) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        JsonFactory factory = new JsonFactory();
        try (JsonParser p = factory.createParser(json); JsonGenerator g = factory.createGenerator(out)) {
            p.nextToken();
            g.copyCurrentStructure(p);
        }
        return out.toByteArray();
    }

    static String render(DarktraceResult.Accepted a) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.setPrettyPrinter(new DefaultPrettyPrinter()
                    .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                    .withArrayIndenter(new DefaultIndenter("  ", "\n")));
            g.writeStartObject();
            g.writeStringField("kind", a.kind().name());
            g.writeStringField("format", a.format().name());
            g.writeStringField("alert_type", a.alertType());
            g.writeBooleanField("test_alert", a.testAlert());
            if (a.senderHostname() != null) {
                g.writeStringField("sender_hostname", a.senderHostname());
            }
            g.writeFieldName("ocsf");
            OcsfJsonWriter.write(a.finding(), g);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out + "\n";
    }
}
