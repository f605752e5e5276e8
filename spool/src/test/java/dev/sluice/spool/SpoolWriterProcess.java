package dev.sluice.spool;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Run in a child JVM by {@link SpoolCrashTest}: appends records forever and prints
 * {@code durable N} each time every offset below N is fsync'd, until it is killed.
 */
public final class SpoolWriterProcess {
  private SpoolWriterProcess() {}

  public static void main(String[] args) throws Exception {
    Spool spool = Spool.open(Path.of(args[0]), Records.small(64L << 20));
    long o = spool.recovery().nextOffset();
    System.out.println("start " + o);
    System.out.flush();
    while (true) {
      for (int i = 0; i < 200; i++) {
        spool.append(Records.forOffset(o++));
      }
      spool.awaitWritable(Duration.ofSeconds(5));
      if (spool.awaitDurable(o - 1, Duration.ofSeconds(5))) {
        System.out.println("durable " + o);
        System.out.flush();
      }
    }
  }
}
