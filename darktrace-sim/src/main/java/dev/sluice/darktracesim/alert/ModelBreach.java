package dev.sluice.darktracesim.alert;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A model breach: a device matched a model's conditions. The test alert of <em>Verify alert
 * sending</em> is a model breach of {@link Model#TEST_MODEL_NAME}.
 *
 * @param pbid model breach id (CEF {@code externalId}, end of the breach URL)
 * @param model the breached model
 * @param device the breaching device ({@link Device#SYSTEM} for {@code System::System})
 * @param peer the triggering connection's other end, when there is one
 * @param score breach score 0–1 with at most three decimals
 * @param time breach time
 * @param message the triggered filters' display values, joined as Darktrace does
 */
public record ModelBreach(
    long pbid,
    Model model,
    Device device,
    Optional<Peer> peer,
    double score,
    Instant time,
    String message)
    implements DarktraceAlert {

  public ModelBreach {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(device, "device");
    Objects.requireNonNull(peer, "peer");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(message, "message");
    if (pbid < 1) {
      throw new IllegalArgumentException("pbid must be positive, was " + pbid);
    }
    if (!(score >= 0 && score <= 1)) {
      throw new IllegalArgumentException("score must be 0-1, was " + score);
    }
  }

  /** The breach score as a percentage, 0–100 (Darktrace's {@code percentscore}). */
  public int percentScore() {
    return (int) Math.round(score * 100);
  }

  @Override
  public AlertKind kind() {
    return model.isTestModel() ? AlertKind.TEST : AlertKind.MODEL_BREACH;
  }
}
