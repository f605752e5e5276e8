package dev.sluice.bench;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Normalization overhead measured by interleaving: on a shared, loaded machine the JMH benchmarks
 * of one run execute minutes apart under different load, so their ratio drifts. This alternates
 * {@code parseAllFields} and {@code parseAndNormalize} of {@link ParseNormalizeBenchmark} pass by
 * pass over the same stream (each pass = 2,000 messages), and reports the median time per message
 * of each and the median of the per-round ratios, plus the bytes each allocates per message
 * (measured on this thread, independent of load). Run:
 * <pre>java -cp BENCH_CLASSPATH dev.sluice.bench.NormalizationOverhead [parser|emulator] [rounds]</pre>
 */
public final class NormalizationOverhead {
    private NormalizationOverhead() {
    }

    public static void main(String[] args) {
        ParseNormalizeBenchmark b = new ParseNormalizeBenchmark();
        b.input = args.length > 0 ? args[0] : "parser";
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        b.setUp();
        Blackhole bh = new Blackhole("Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
        for (int i = 0; i < 200; i++) {
            b.parseAllFields(bh);
            b.parseAndNormalize(bh);
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long a0 = threads.getCurrentThreadAllocatedBytes();
        b.parseAllFields(bh);
        long a1 = threads.getCurrentThreadAllocatedBytes();
        b.parseAndNormalize(bh);
        long a2 = threads.getCurrentThreadAllocatedBytes();
        double[] parse = new double[rounds];
        double[] normalize = new double[rounds];
        double[] ratio = new double[rounds];
        int messages = ParserBenchmark.MESSAGES;
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < 10; i++) {
                b.parseAllFields(bh);
            }
            long t1 = System.nanoTime();
            for (int i = 0; i < 10; i++) {
                b.parseAndNormalize(bh);
            }
            long t2 = System.nanoTime();
            parse[r] = (t1 - t0) / (10.0 * messages);
            normalize[r] = (t2 - t1) / (10.0 * messages);
            ratio[r] = normalize[r] / parse[r];
        }
        System.out.printf("input=%s rounds=%d: parse (all fields) %.0f ns/msg, parse+normalize %.0f ns/msg,"
                + " median ratio %.2f (normalization +%.0f %%)%n", b.input, rounds, median(parse), median(normalize),
                median(ratio), (median(ratio) - 1) * 100);
        System.out.printf("allocated per message: parse (all fields) %.0f B, parse+normalize %.0f B%n",
                (a1 - a0) / (double) ParserBenchmark.MESSAGES, (a2 - a1) / (double) ParserBenchmark.MESSAGES);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
