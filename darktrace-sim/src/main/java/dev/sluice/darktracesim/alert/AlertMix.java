package dev.sluice.darktracesim.alert;

/**
 * Relative frequencies of the alert kinds in a generated stream, in per mille of generated
 * alerts (before the integration's filters drop any).
 *
 * @param modelBreaches model breaches
 * @param aiAnalyst AI Analyst incident events
 * @param systemStatus system status alerts
 */
public record AlertMix(int modelBreaches, int aiAnalyst, int systemStatus) {

  /** Mostly model breaches, as on a typical instance. */
  public static final AlertMix TYPICAL = new AlertMix(850, 100, 50);

  public AlertMix {
    if (modelBreaches < 0 || aiAnalyst < 0 || systemStatus < 0) {
      throw new IllegalArgumentException("alert mix weights must not be negative");
    }
    if (modelBreaches + aiAnalyst + systemStatus == 0) {
      throw new IllegalArgumentException("alert mix must contain at least one kind");
    }
  }

  int total() {
    return modelBreaches + aiAnalyst + systemStatus;
  }

  /**
   * Parses {@code "breach=80,ai-analyst=15,system-status=5"}; kinds left out get 0.
   *
   * @throws IllegalArgumentException naming the offending part
   */
  public static AlertMix parse(String text) {
    int breaches = 0;
    int ai = 0;
    int status = 0;
    for (String part : text.split(",")) {
      String[] kv = part.trim().split("=", 2);
      if (kv.length != 2) {
        throw new IllegalArgumentException("expected kind=weight, got '" + part.trim() + "'");
      }
      int weight;
      try {
        weight = Integer.parseInt(kv[1].trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("weight of '" + kv[0].trim() + "' is not a number");
      }
      switch (kv[0].trim()) {
        case "breach", "model-breach" -> breaches = weight;
        case "ai-analyst" -> ai = weight;
        case "system-status" -> status = weight;
        default -> throw new IllegalArgumentException(
            "unknown alert kind '" + kv[0].trim() + "' (breach, ai-analyst, system-status)");
      }
    }
    return new AlertMix(breaches, ai, status);
  }
}
