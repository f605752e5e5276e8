package dev.sluice.console;

import java.nio.file.Path;

/** Chooses what the workflow test runs against. */
final class WorkflowStacks {
  private WorkflowStacks() {}

  static WorkflowStack start(Path work) throws Exception {
    return new CentralStack(work);
  }
}
