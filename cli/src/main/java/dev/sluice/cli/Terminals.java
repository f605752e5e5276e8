package dev.sluice.cli;

import java.io.Console;
import java.lang.reflect.Method;

/** Whether the process talks to a person: decides on progress bars and colours. */
final class Terminals {
  private Terminals() {}

  /**
   * True when the process has an interactive terminal. On JDK 22+ {@link System#console()}
   * exists even when redirected, so its {@code isTerminal()} (looked up reflectively, since the
   * build targets Java 17) has the last word.
   */
  static boolean stderrIsTerminal() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      Method isTerminal = Console.class.getMethod("isTerminal");
      return (Boolean) isTerminal.invoke(console);
    } catch (ReflectiveOperationException olderJdk) {
      return true;
    }
  }
}
