package dev.sluice.bench;

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
import dev.sluice.syslog.SyslogMessage;
import dev.sluice.syslog.SyslogParser;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Parse + OCSF normalization against parse only, on the same messages in the same run: the
 * Darktrace emulator's typical mix (85 % model breaches, 10 % AI Analyst, 5 % system status) in
 * Syslog CEF with RFC 3164 headers, pre-framed in memory. One operation = one message.
 *
 * <ul>
 * <li>{@code parseOnly}: syslog header + CEF header and every extension pair decoded (what the
 *     normalizer needs to read), no OCSF.</li>
 * <li>{@code parseAndNormalize}: {@code DarktracePipeline.process}, i.e. the same parsing plus
 *     recognition, mapping, enrichment from a tenant context and the OCSF record.</li>
 * <li>{@code parseNormalizeAndSerialize}: plus the OCSF JSON bytes (what the appliance spools).</li>
 * </ul>
 * Setup checks that every message is accepted and every record passes the OCSF validator.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ParseNormalizeBenchmark {
    private static final int MESSAGES = 4096;

    @Param({"RFC3164"})
    public String header;

    private byte[][] frames;
    private long receivedAt;
    private int next;
    private final SyslogParser syslogParser = new SyslogParser();
    private final CefParser cefParser = new CefParser();
    private final DarktracePipeline pipeline = new DarktracePipeline();
    private final TenantContext tenant = new TenantContext("bench", List.of("corp.example", "corp.example.com"),
            List.of(IpRange.parse("203.0.113.0/24")));

    @Setup(Level.Trial)
    public void render() {
        Instant start = Instant.parse("2026-11-27T09:00:00Z");
        SyslogCefSettings settings = new SyslogCefSettings("127.0.0.1", 514, Transport.TCP, true, 0, 0, true, 0, 0, true, 0,
                HeaderFormat.valueOf(header), Framing.LF, MessageFormat.CEF, SyslogCefSettings.DEFAULT_HOSTNAME,
                SyslogCefSettings.DEFAULT_SOFTWARE_VERSION);
        SyslogMessageWriter writer = new SyslogMessageWriter(settings);
        AlertGenerator generator = new AlertGenerator(1, start, AlertMix.TYPICAL);
        frames = new byte[MESSAGES][];
        for (int i = 0; i < MESSAGES; i++) {
            frames[i] = writer.message(generator.next()).getBytes(StandardCharsets.UTF_8);
        }
        receivedAt = start.plusSeconds(3600).toEpochMilli();
        OcsfValidator validator = OcsfValidator.detectionFinding();
        for (byte[] frame : frames) {
            DarktraceResult r = pipeline.process(frame, 0, frame.length, receivedAt, tenant, AcceptedFormats.CEF_ONLY);
            if (!(r instanceof DarktraceResult.Accepted a)) {
                throw new IllegalStateException("not accepted: " + r + " for " + new String(frame, StandardCharsets.UTF_8));
            }
            List<OcsfValidator.Violation> violations = validator.validate(OcsfJsonWriter.toJson(a.finding()));
            if (!violations.isEmpty()) {
                throw new IllegalStateException(violations + " for " + new String(frame, StandardCharsets.UTF_8));
            }
        }
    }

    private byte[] nextFrame() {
        byte[] frame = frames[next];
        next = (next + 1) & (MESSAGES - 1);
        return frame;
    }

    @Benchmark
    public void parseOnly(Blackhole bh) {
        byte[] frame = nextFrame();
        SyslogMessage syslog = syslogParser.parse(frame, 0, frame.length, receivedAt);
        CefParseResult cef = cefParser.parse(frame, syslog.messageOffset(), syslog.messageEnd() - syslog.messageOffset());
        if (cef instanceof CefParseResult.Parsed p) {
            bh.consume(p.event().deviceProduct());
            bh.consume(p.event().name());
            bh.consume(p.event().extensions());
        }
        bh.consume(syslog.hostname());
    }

    @Benchmark
    public Object parseAndNormalize() {
        byte[] frame = nextFrame();
        return pipeline.process(frame, 0, frame.length, receivedAt, tenant, AcceptedFormats.CEF_ONLY);
    }

    @Benchmark
    public byte[] parseNormalizeAndSerialize() {
        byte[] frame = nextFrame();
        DarktraceResult r = pipeline.process(frame, 0, frame.length, receivedAt, tenant, AcceptedFormats.CEF_ONLY);
        return OcsfJsonWriter.toBytes(((DarktraceResult.Accepted) r).finding());
    }
}
