package dev.sluice.central;

/** The TCP ports integrations are given on their appliance, inclusive. */
public record PortRange(int first, int last) {
  public static final PortRange DEFAULT = new PortRange(10514, 10999);

  public PortRange {
    if (first < 1 || last > 65_535 || first > last) {
      throw new IllegalArgumentException("port range must satisfy 1 <= first <= last <= 65535, was " + first + "-" + last);
    }
  }

  /** Parses {@code first-last}. */
  public static PortRange parse(String text) {
    String[] parts = text.strip().split("-");
    if (parts.length != 2) {
      throw new IllegalArgumentException("port range must look like 10514-10999, was " + text);
    }
    try {
      return new PortRange(Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("port range must look like 10514-10999, was " + text);
    }
  }

  public boolean contains(int port) {
    return port >= first && port <= last;
  }

  @Override
  public String toString() {
    return first + "-" + last;
  }
}
