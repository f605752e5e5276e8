package dev.sluice.cli;

import dev.sluice.central.CentralExtension;
import dev.sluice.central.CentralServer;
import dev.sluice.console.central.ConsoleExtension;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code sluice central}: the control plane alone (REST API, console, image builder, enrollment). */
@Command(name = "central", mixinStandardHelpOptions = true,
    description = "Run the control plane: REST API, console, appliance images and enrollment, health.")
public final class CentralCommand implements Callable<Integer> {
  @Mixin
  CentralFlags flags;

  @Override
  public Integer call() {
    return serve("central", flags, List.of(new ConsoleExtension(() -> null)));
  }

  /** Starts central with the extensions and blocks until the JVM is asked to stop. */
  static int serve(String name, CentralFlags flags, List<CentralExtension> extensions) {
    CentralServer server;
    try {
      if (flags.port < 1 || flags.port > 65_535) {
        throw new IllegalArgumentException("--port must be 1..65535, was " + flags.port);
      }
      server = CentralServer.start(flags.toOptions().build(), extensions);
    } catch (IllegalArgumentException e) {
      System.err.println(name + ": " + e.getMessage());
      return 2;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      stopped.countDown();
    }, name + "-shutdown"));
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }
}
