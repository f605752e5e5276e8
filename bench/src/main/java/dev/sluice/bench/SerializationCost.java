package dev.sluice.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What writing the OCSF JSON adds to parse + normalize: alternates
 * {@link ParseNormalizeBenchmark#parseAndNormalize} and
 * {@link ParseNormalizeBenchmark#parseNormalizeAndSerialize} pass by pass (2,000 messages each)
 * and prints the medians per message, in this thread's CPU time (on a shared machine wall time
 * mostly measures how much of a core the thread got). Run:
 * <pre>java -cp BENCH_CLASSPATH dev.sluice.bench.SerializationCost [parser|emulator] [rounds]</pre>
 */
public final class SerializationCost {
    private SerializationCost() {
    }

    public static void main(String[] args) {
        ParseNormalizeBenchmark b = new ParseNormalizeBenchmark();
        b.input = args.length > 0 ? args[0] : "emulator";
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        b.setUp();
        Blackhole bh = new Blackhole("Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
        for (int i = 0; i < 300; i++) {
            b.parseAndNormalize(bh);
            b.parseNormalizeAndSerialize(bh);
        }
        double[] normalize = new double[rounds];
        double[] serialize = new double[rounds];
        double perPass = 10.0 * ParserBenchmark.MESSAGES;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int r = 0; r < rounds; r++) {
            long t0 = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < 10; i++) {
                b.parseAndNormalize(bh);
            }
            long t1 = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < 10; i++) {
                b.parseNormalizeAndSerialize(bh);
            }
            long t2 = threads.getCurrentThreadCpuTime();
            normalize[r] = (t1 - t0) / perPass;
            serialize[r] = (t2 - t1) / perPass;
        }
        Arrays.sort(normalize);
        Arrays.sort(serialize);
        double n = normalize[rounds / 2];
        double s = serialize[rounds / 2];
        System.out.printf("input=%s rounds=%d: parse+normalize %.0f ns/msg, parse+normalize+serialize %.0f ns/msg,"
                + " serialization %.0f ns/msg (CPU time)%n", b.input, rounds, n, s, s - n);
    }
}
