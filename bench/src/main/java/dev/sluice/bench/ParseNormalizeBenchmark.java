package dev.sluice.bench;

import dev.sluice.cef.CefEvent;
import dev.sluice.cef.CefParseResult;
import dev.sluice.cef.CefParser;
import dev.sluice.darktrace.AcceptedFormats;
import dev.sluice.darktrace.DarktracePipeline;
import dev.sluice.darktrace.DarktraceResult;
import dev.sluice.darktrace.IpRange;
import dev.sluice.darktrace.TenantContext;
import dev.sluice.darktracesim.Framing;
import dev.sluice.darktracesim.HeaderFormat;
import dev.sluice.darktracesim.MessageFormat;
import dev.sluice.darktracesim.SyslogCefSettings;
import dev.sluice.darktracesim.Transport;
import dev.sluice.darktracesim.alert.AlertGenerator;
import dev.sluice.darktracesim.alert.AlertMix;
import dev.sluice.darktracesim.render.SyslogMessageWriter;
import dev.sluice.ocsf.OcsfJsonWriter;
import dev.sluice.ocsf.OcsfValidator;
import dev.sluice.syslog.FrameHandler;
import dev.sluice.syslog.SyslogFramer;
import dev.sluice.syslog.SyslogMessage;
import dev.sluice.syslog.SyslogParser;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Parse + OCSF normalization, next to parse only, over the same LF-framed stream: framing + syslog
 * header + CEF + Darktrace recognition, mapping, tenant enrichment and the OCSF record. Run it in
 * the same JMH run as {@link ParserBenchmark} (whose {@code sluice}/{@code sluiceAllFields} are
 * the parse-only baselines on the {@code parser} input). One operation is one message.
 *
 * <ul>
 * <li>{@code input=parser}: {@link DarktraceMix} with {@link ParserBenchmark}'s size and seed (the
 *     very messages of the parser benchmark); {@code input=emulator}: the Darktrace emulator's
 *     typical mix (85 % model breaches, 10 % AI Analyst, 5 % system status, RFC 3164).</li>
 * <li>{@code parseAllFields}: this class's own parse-only baseline (framing, syslog, CEF, every
 *     header string and extension value decoded — what normalization reads).</li>
 * <li>{@code parseAndNormalize}: {@code DarktracePipeline.process} per frame.</li>
 * <li>{@code parseNormalizeAndSerialize}: plus the compact OCSF JSON into a reused buffer.</li>
 * </ul>
 * Setup fails unless every message of the input is accepted and its record passes
 * {@link OcsfValidator}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class ParseNormalizeBenchmark {
    private static final int MESSAGES = ParserBenchmark.MESSAGES;

    @Param({"parser", "emulator"})
    public String input;

    private byte[] stream;
    private long receivedAt;
    private final SyslogParser syslogParser = new SyslogParser();
    private final CefParser cefParser = new CefParser();
    private final DarktracePipeline pipeline = new DarktracePipeline();
    private final TenantContext tenant = new TenantContext("bench", List.of("corp.example", "corp.example.com"),
            List.of(IpRange.parse("203.0.113.0/24")));
    private final ByteArrayOutputStream json = new ByteArrayOutputStream(8192);

    @Setup
    public void setUp() {
        receivedAt = Instant.parse("2026-11-27T12:00:00Z").toEpochMilli();
        stream = input.equals("parser") ? new DarktraceMix(MESSAGES, ParserBenchmark.SEED).lfStream : emulatorStream();
        OcsfValidator validator = OcsfValidator.detectionFinding();
        int[] accepted = new int[1];
        SyslogFramer framer = new SyslogFramer((bytes, offset, length, framing) -> {
            DarktraceResult r = pipeline.process(bytes, offset, length, receivedAt, tenant, AcceptedFormats.CEF_ONLY);
            if (!(r instanceof DarktraceResult.Accepted a)) {
                throw new IllegalStateException("not accepted: " + r + ": " + new String(bytes, offset, length, StandardCharsets.UTF_8));
            }
            List<OcsfValidator.Violation> violations = validator.validate(OcsfJsonWriter.toJson(a.finding()));
            if (!violations.isEmpty()) {
                throw new IllegalStateException(violations + ": " + new String(bytes, offset, length, StandardCharsets.UTF_8));
            }
            accepted[0]++;
        });
        framer.feed(stream);
        framer.endOfStream();
        if (accepted[0] != MESSAGES) {
            throw new IllegalStateException("framed " + accepted[0] + " of " + MESSAGES);
        }
        System.out.printf("%nAll %d %s messages accepted as Darktrace alerts; every OCSF record valid.%n", MESSAGES, input);
    }

    private static byte[] emulatorStream() {
        Instant start = Instant.parse("2026-11-27T11:00:00Z");
        SyslogMessageWriter writer = new SyslogMessageWriter(new SyslogCefSettings("127.0.0.1", 514, Transport.TCP,
                true, 0, 0, true, 0, 0, true, 0, HeaderFormat.RFC3164, Framing.LF, MessageFormat.CEF,
                SyslogCefSettings.DEFAULT_HOSTNAME, SyslogCefSettings.DEFAULT_SOFTWARE_VERSION));
        AlertGenerator generator = new AlertGenerator(1, start, AlertMix.TYPICAL);
        ByteArrayOutputStream out = new ByteArrayOutputStream(MESSAGES * 600);
        for (int i = 0; i < MESSAGES; i++) {
            out.writeBytes(writer.frame(generator.next()));
        }
        return out.toByteArray();
    }

    private void run(FrameHandler handler) {
        SyslogFramer framer = new SyslogFramer(handler);
        framer.feed(stream);
        framer.endOfStream();
    }

    @Benchmark
    @OperationsPerInvocation(MESSAGES)
    public void parseAllFields(Blackhole bh) {
        run((bytes, offset, length, framing) -> {
            SyslogMessage syslog = syslogParser.parse(bytes, offset, length, receivedAt);
            CefEvent event = ((CefParseResult.Parsed) cefParser.parse(bytes, syslog.messageOffset(),
                    syslog.messageEnd() - syslog.messageOffset())).event();
            bh.consume(syslog.timestampEpochSecond());
            bh.consume(syslog.hostname());
            bh.consume(syslog.appName());
            bh.consume(event.deviceVendor());
            bh.consume(event.deviceProduct());
            bh.consume(event.deviceVersion());
            bh.consume(event.signatureId());
            bh.consume(event.name());
            bh.consume(event.severity());
            bh.consume(event.extensions());
        });
    }

    @Benchmark
    @OperationsPerInvocation(MESSAGES)
    public void parseAndNormalize(Blackhole bh) {
        run((bytes, offset, length, framing) ->
                bh.consume(pipeline.process(bytes, offset, length, receivedAt, tenant, AcceptedFormats.CEF_ONLY)));
    }

    @Benchmark
    @OperationsPerInvocation(MESSAGES)
    public void parseNormalizeAndSerialize(Blackhole bh) {
        run((bytes, offset, length, framing) -> {
            DarktraceResult r = pipeline.process(bytes, offset, length, receivedAt, tenant, AcceptedFormats.CEF_ONLY);
            json.reset();
            OcsfJsonWriter.writeTo(((DarktraceResult.Accepted) r).finding(), json);
            bh.consume(json.size());
        });
    }
}
