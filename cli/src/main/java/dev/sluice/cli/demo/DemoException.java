package dev.sluice.cli.demo;

/** A demo step failed; the message says which and why, for the person running it. */
public class DemoException extends RuntimeException {
  public DemoException(String message) {
    super(message);
  }

  public DemoException(String message, Throwable cause) {
    super(message, cause);
  }
}
