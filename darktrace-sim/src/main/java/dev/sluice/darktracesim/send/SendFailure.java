package dev.sluice.darktracesim.send;

import java.io.IOException;

/** A link broke while sending; {@link #completed()} messages of the batch were fully written. */
final class SendFailure extends Exception {
  private final int completed;

  SendFailure(int completed, IOException cause) {
    super(cause.getMessage(), cause);
    this.completed = completed;
  }

  int completed() {
    return completed;
  }
}
