package dev.sluice.darktracesim;

import java.util.Objects;

/** The outcome of <em>Verify alert sending</em>: the test alert was sent, or why not. */
public sealed interface VerifyResult {

  /** The test alert went out ({@code bytes} written, for TCP to an accepting server). */
  record Sent(String target, int bytes) implements VerifyResult {
    public Sent {
      Objects.requireNonNull(target, "target");
    }
  }

  /** It could not be sent: connection refused, timed out, reset, port unreachable, … */
  record NotSent(String target, String reason) implements VerifyResult {
    public NotSent {
      Objects.requireNonNull(target, "target");
      Objects.requireNonNull(reason, "reason");
    }
  }

  default boolean sent() {
    return this instanceof Sent;
  }
}
