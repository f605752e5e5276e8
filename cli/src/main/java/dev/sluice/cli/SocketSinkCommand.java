package dev.sluice.cli;

import dev.sluice.darktracesim.Durations;
import dev.sluice.darktracesim.sink.SocketSink;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sluice darktrace-sim sink}: a plain TCP sink that counts what it receives. */
@Command(
    name = "sink",
    mixinStandardHelpOptions = true,
    description = "Listens on 127.0.0.1, counts syslog frames and bytes, discards them; prints"
        + " the rate every second. For measuring senders.")
final class SocketSinkCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--port", defaultValue = "5514", description = "Port (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--duration", paramLabel = "D", description = "Exit after D (default: Ctrl-C).")
  String duration;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    long endNanos = duration == null ? Long.MAX_VALUE
        : System.nanoTime() + Durations.parse(duration).toNanos();
    SocketSink started;
    try {
      started = SocketSink.start(port);
    } catch (java.io.IOException e) {
      spec.commandLine().getErr().printf("cannot listen on 127.0.0.1:%d: %s%n", port,
          e.getMessage());
      return 1;
    }
    try (SocketSink sink = started) {
      out.printf("sink listening on 127.0.0.1:%d%n", sink.port());
      out.flush();
      long lastFrames = 0;
      long lastNanos = System.nanoTime();
      while (System.nanoTime() < endNanos) {
        Thread.sleep(1_000);
        long frames = sink.frames();
        long now = System.nanoTime();
        if (frames != lastFrames) {
          out.printf(Locale.ROOT, "%,d frames, %,.1f MB total; %,.0f frames/s%n", frames,
              sink.bytes() / 1e6, (frames - lastFrames) / ((now - lastNanos) / 1e9));
          out.flush();
        }
        lastFrames = frames;
        lastNanos = now;
      }
      return 0;
    }
  }
}
