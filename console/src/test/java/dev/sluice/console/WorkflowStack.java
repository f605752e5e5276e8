package dev.sluice.console;

import java.nio.file.Path;

/**
 * What the workflow browser test runs against: a server with the console, sign-in credentials,
 * and the outside world of the workflow (boot an appliance from a downloaded image, have
 * Darktrace send alerts to it).
 */
interface WorkflowStack extends AutoCloseable {

  /** Base URL of the console's server, e.g. {@code https://127.0.0.1:8443}. */
  String baseUrl();

  String email();

  String password();

  /** The syslog address to type into the setup form (loopback only). */
  String syslogAddress();

  /** Boots an appliance from the image file the browser downloaded. */
  void bootAppliance(Path image) throws Exception;

  /** Sends a test alert ("Verify alert sending") and {@code count} alerts to the port. */
  void sendAlerts(int port, int count) throws Exception;
}
