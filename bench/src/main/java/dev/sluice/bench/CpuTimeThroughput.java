package dev.sluice.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Companion to {@link ParserBenchmark} for a shared, overloaded machine: measures messages per
 * second of <em>thread CPU time</em> (not wall time) for the same benchmark methods, interleaved
 * round by round, and prints the median of the rounds. Wall-clock JMH scores swing with other
 * tenants' load; CPU time per message does much less.
 *
 * <p>Run: {@code java -cp "bench/target/classes:$(cat bench/target/classpath.txt)"
 * dev.sluice.bench.CpuTimeThroughput [rounds]}
 */
public final class CpuTimeThroughput {

  private CpuTimeThroughput() {}

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
    ParserBenchmark benchmark = new ParserBenchmark();
    benchmark.setUp();
    Blackhole blackhole = new Blackhole("Today's password is swordfish. I understand "
        + "instantiating Blackholes directly is dangerous.");
    Map<String, Consumer<Blackhole>> parsers = new LinkedHashMap<>();
    parsers.put("sluice", benchmark::sluice);
    parsers.put("sluiceAllFields", benchmark::sluiceAllFields);
    parsers.put("nettyCodecSyslog", benchmark::nettyCodecSyslog);
    parsers.put("parcefone", benchmark::parcefone);
    parsers.put("cefParser", benchmark::cefParser);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    Map<String, double[]> rates = new LinkedHashMap<>();
    parsers.keySet().forEach(name -> rates.put(name, new double[rounds]));
    for (int round = -2; round < rounds; round++) {
      for (Map.Entry<String, Consumer<Blackhole>> parser : parsers.entrySet()) {
        long start = threads.getCurrentThreadCpuTime();
        long messages = 0;
        while (threads.getCurrentThreadCpuTime() - start < 400_000_000L) {
          parser.getValue().accept(blackhole);
          messages += ParserBenchmark.MESSAGES;
        }
        double seconds = (threads.getCurrentThreadCpuTime() - start) / 1e9;
        if (round >= 0) {
          rates.get(parser.getKey())[round] = messages / seconds;
        }
      }
    }
    double fastestPeer = 0;
    for (String peer : new String[] {"nettyCodecSyslog", "parcefone", "cefParser"}) {
      fastestPeer = Math.max(fastestPeer, median(rates.get(peer)));
    }
    System.out.printf("%-18s %16s %10s%n", "parser", "msg/CPU-second", "vs peer");
    for (Map.Entry<String, double[]> rate : rates.entrySet()) {
      double median = median(rate.getValue());
      System.out.printf("%-18s %,16.0f %9.1fx%n", rate.getKey(), median, median / fastestPeer);
    }
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
