package dev.sluice.darktracesim.alert;

/** The kinds of alert a Darktrace instance sends, as counted in the emulator's summary. */
public enum AlertKind {
  MODEL_BREACH("model breach"),
  AI_ANALYST("AI Analyst incident event"),
  SYSTEM_STATUS("system status"),
  TEST("test alert");

  private final String label;

  AlertKind(String label) {
    this.label = label;
  }

  /** Human-readable name used in summaries. */
  public String label() {
    return label;
  }
}
