package dev.sluice.darktracesim.alert;

/** Darktrace's model behaviour categories (the <em>Model Breach Behavior Filter</em>). */
public enum ModelCategory {
  CRITICAL("Critical"),
  SUSPICIOUS("Suspicious"),
  COMPLIANCE("Compliance"),
  INFORMATIONAL("Informational");

  private final String displayName;

  ModelCategory(String displayName) {
    this.displayName = displayName;
  }

  /** The category as Darktrace writes it ({@code "Suspicious"}). */
  public String displayName() {
    return displayName;
  }
}
