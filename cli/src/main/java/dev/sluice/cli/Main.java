package dev.sluice.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code sluice} command. Each subcommand wires its application by hand (no container):
 * see the {@code *Command} classes in this package.
 */
@Command(
    name = "sluice",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Sluice brings third-party security alerts into a security data lake.",
    subcommands = {
        CommandLine.HelpCommand.class,
        ParseCommand.class,

        LakeCommand.class,
        QueryCommand.class,

        CentralCommand.class,
        UpCommand.class,

        ApplianceCommand.class,

        DarktraceSimCommand.class,

        DemoCommand.class,

    })
public final class Main implements Runnable {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(newCommandLine().execute(args));
  }

  /** The configured command line, shared by {@link #main} and tests. */
  public static CommandLine newCommandLine() {
    return new CommandLine(new Main())
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setUsageHelpAutoWidth(true);
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand");
  }
}
