package dev.sluice.darktracesim.alert;

import java.time.Instant;

/**
 * One alert a Darktrace DETECT instance sends on its Syslog CEF (or Syslog JSON) workflow
 * integration. The variants are the kinds Darktrace sends: model breaches (which include the test
 * alert of <em>Verify alert sending</em>), AI Analyst incident events and system status alerts.
 */
public sealed interface DarktraceAlert
    permits ModelBreach, AiAnalystIncidentEvent, SystemStatusAlert {

  /** When the alert was raised (breach time, incident event creation, status update). */
  Instant time();

  AlertKind kind();
}
