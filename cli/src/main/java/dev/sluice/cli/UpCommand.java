package dev.sluice.cli;

import dev.sluice.console.central.ConsoleExtension;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code sluice up}: central and the lake in one JVM, one data directory and one HTTPS port —
 * the embedded default for a single machine.
 */
@Command(name = "up", mixinStandardHelpOptions = true,
    description = "Run central and the lake together on one port (the all-in-one default).")
public final class UpCommand implements Callable<Integer> {
  @Mixin
  CentralFlags flags;

  @Override
  public Integer call() {
    LakeExtension lake = new LakeExtension();
    return CentralCommand.serve("up", flags, List.of(lake, new ConsoleExtension(lake::lake)));
  }
}
