package dev.sluice.bench;

import dev.sluice.darktrace.AcceptedFormats;
import dev.sluice.darktrace.DarktracePipeline;
import dev.sluice.darktrace.DarktraceResult;
import dev.sluice.darktrace.IpRange;
import dev.sluice.darktrace.TenantContext;
import dev.sluice.ocsf.DetectionFinding;
import dev.sluice.ocsf.OcsfJsonWriter;
import dev.sluice.syslog.SyslogFramer;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Two builds of the pipeline in one JVM, pass by pass: on a shared machine whose speed moves
 * with the other tenants' load, a before/after comparison from separate runs mostly measures the
 * load. Each build gets its own class loader (its classpath: its {@code bench/target/classes}
 * and module jars); the passes alternate, and the thread's CPU time per message is reported with
 * the median of the per-round ratios B/A. Modes: {@code serialize} (OCSF JSON of 2,000 records
 * built beforehand), {@code normalize} (parse + normalize the 2,000-message stream),
 * {@code all} (parse + normalize + serialize). Run:
 * <pre>java -cp BENCH_CLASSPATH dev.sluice.bench.SideBySide CLASSPATH_A CLASSPATH_B parser|emulator MODE [rounds]</pre>
 */
public final class SideBySide {
    private SideBySide() {
    }

    public static void main(String[] args) throws Exception {
        String input = args[2];
        String mode = args[3];
        int rounds = args.length > 4 ? Integer.parseInt(args[4]) : 30;
        Path workerDir = Files.createTempDirectory("side-by-side");
        String resource = Worker.class.getName().replace('.', '/') + ".class";
        Path target = workerDir.resolve(resource);
        Files.createDirectories(target.getParent());
        try (InputStream in = SideBySide.class.getClassLoader().getResourceAsStream(resource)) {
            Files.write(target, in.readAllBytes());
        }
        Method[] pass = new Method[2];
        for (int side = 0; side < 2; side++) {
            List<URL> urls = new ArrayList<>();
            urls.add(workerDir.toUri().toURL());
            for (String entry : args[side].split(":")) {
                if (!entry.isEmpty()) {
                    urls.add(Path.of(entry).toUri().toURL());
                }
            }
            ClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
            Class<?> worker = Class.forName(Worker.class.getName(), true, loader);
            worker.getMethod("setUp", String.class).invoke(null, input);
            pass[side] = worker.getMethod(mode);
        }
        for (int i = 0; i < 100; i++) {
            pass[0].invoke(null);
            pass[1].invoke(null);
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        double[][] nanos = new double[2][rounds];
        double[] ratio = new double[rounds];
        double perRound = 5.0 * ParserBenchmark.MESSAGES;
        for (int r = 0; r < rounds; r++) {
            for (int side = 0; side < 2; side++) {
                long t0 = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < 5; i++) {
                    pass[side].invoke(null);
                }
                nanos[side][r] = (threads.getCurrentThreadCpuTime() - t0) / perRound;
            }
            ratio[r] = nanos[1][r] / nanos[0][r];
        }
        System.out.printf("input=%s mode=%s rounds=%d: A %.0f ns/msg, B %.0f ns/msg (CPU time, medians), median B/A %.2f%n",
                input, mode, rounds, median(nanos[0]), median(nanos[1]), median(ratio));
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** One side; loaded once per build, so it links against that build's classes. Public for reflection. */
    public static final class Worker {
        private static final DarktracePipeline PIPELINE = new DarktracePipeline();
        private static final TenantContext TENANT = new TenantContext("bench", List.of("corp.example", "corp.example.com"),
                List.of(IpRange.parse("203.0.113.0/24")));
        private static final ByteArrayOutputStream JSON = new ByteArrayOutputStream(8192);
        private static final List<DetectionFinding> FINDINGS = new ArrayList<>();
        private static byte[] stream;
        private static long sink;

        private Worker() {
        }

        public static void setUp(String input) throws ReflectiveOperationException {
            ParseNormalizeBenchmark b = new ParseNormalizeBenchmark();
            b.input = input;
            b.setUp();
            java.lang.reflect.Field field = ParseNormalizeBenchmark.class.getDeclaredField("stream");
            field.setAccessible(true);
            stream = (byte[]) field.get(b);
            run(false, true);
        }

        public static long serialize() {
            for (DetectionFinding f : FINDINGS) {
                JSON.reset();
                OcsfJsonWriter.writeTo(f, JSON);
                sink += JSON.size();
            }
            return sink;
        }

        public static long normalize() {
            run(false, false);
            return sink;
        }

        public static long all() {
            run(true, false);
            return sink;
        }

        private static void run(boolean serialize, boolean keep) {
            SyslogFramer framer = new SyslogFramer((bytes, offset, length, framing) -> {
                DarktraceResult r = PIPELINE.process(bytes, offset, length, 0L, TENANT, AcceptedFormats.CEF_ONLY);
                DetectionFinding f = ((DarktraceResult.Accepted) r).finding();
                if (keep) {
                    FINDINGS.add(f);
                }
                if (serialize) {
                    JSON.reset();
                    OcsfJsonWriter.writeTo(f, JSON);
                    sink += JSON.size();
                } else {
                    sink += f.time();
                }
            });
            framer.feed(stream);
            framer.endOfStream();
        }
    }
}
