package dev.sluice.darktracesim.send;

/**
 * How fast to send: a number of messages per second, or as fast as the socket takes them.
 *
 * @param perSecond messages per second; {@code 0} means as fast as possible
 */
public record Rate(long perSecond) {

  public static final Rate MAX = new Rate(0);

  public Rate {
    if (perSecond < 0) {
      throw new IllegalArgumentException("rate must not be negative");
    }
  }

  public boolean unlimited() {
    return perSecond == 0;
  }

  /** Parses {@code "max"} or a positive whole number of messages per second. */
  public static Rate parse(String text) {
    if ("max".equalsIgnoreCase(text.trim())) {
      return MAX;
    }
    long value;
    try {
      value = Long.parseLong(text.trim().replace("_", ""));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("rate must be 'max' or messages per second, was '"
          + text + "'");
    }
    if (value < 1) {
      throw new IllegalArgumentException("rate must be at least 1 message per second");
    }
    return new Rate(value);
  }

  /** This rate split evenly over {@code parts} senders (the first ones take the remainder). */
  Rate share(int index, int parts) {
    if (unlimited()) {
      return this;
    }
    long base = perSecond / parts;
    long extra = index < perSecond % parts ? 1 : 0;
    return new Rate(Math.max(1, base + extra));
  }

  @Override
  public String toString() {
    return unlimited() ? "max" : perSecond + "/s";
  }
}
