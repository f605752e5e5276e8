package dev.sluice.appliance.forward;

import java.util.Objects;

/** A {@link LakeClient} whose target can change when central moves the ingest endpoint. */
public final class SwitchableLakeClient implements LakeClient {
  private volatile LakeClient current;
  private volatile String target;

  public SwitchableLakeClient(LakeClient initial, String target) {
    this.current = Objects.requireNonNull(initial, "initial");
    this.target = target;
  }

  /** Switches to {@code next} unless {@code newTarget} is the one already in use. */
  public synchronized void switchTo(String newTarget, java.util.function.Supplier<LakeClient> next) {
    if (!newTarget.equals(target)) {
      current = next.get();
      target = newTarget;
    }
  }

  @Override
  public Outcome send(String batchId, byte[] body) {
    return current.send(batchId, body);
  }
}
