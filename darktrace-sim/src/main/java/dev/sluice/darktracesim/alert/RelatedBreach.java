package dev.sluice.darktracesim.alert;

import java.time.Instant;
import java.util.Objects;

/**
 * A model breach an AI Analyst incident event was built from.
 *
 * @param modelName model name as AI Analyst shows it ({@code "Compromise / Beaconing Activity To
 *     External Rare"})
 * @param pbid the breach id
 * @param threatScore 0–100
 * @param time breach time
 */
public record RelatedBreach(String modelName, long pbid, int threatScore, Instant time) {
  public RelatedBreach {
    Objects.requireNonNull(modelName, "modelName");
    Objects.requireNonNull(time, "time");
    if (threatScore < 0 || threatScore > 100) {
      throw new IllegalArgumentException("threatScore must be 0-100, was " + threatScore);
    }
  }
}
