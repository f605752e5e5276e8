package dev.sluice.darktracesim;

import dev.sluice.darktracesim.alert.AiAnalystIncidentEvent;
import dev.sluice.darktracesim.alert.DarktraceAlert;
import dev.sluice.darktracesim.alert.ModelBreach;
import dev.sluice.darktracesim.alert.SystemStatusAlert;

/** Decides, as Darktrace does from the integration's settings, whether an alert is sent. */
public final class AlertFilter {

  private final SyslogCefSettings settings;

  public AlertFilter(SyslogCefSettings settings) {
    this.settings = settings;
  }

  public boolean sends(DarktraceAlert alert) {
    if (alert instanceof ModelBreach breach) {
      return breach.model().isTestModel()
          || (settings.sendModelBreachAlerts()
              && breach.percentScore() >= settings.minBreachScore()
              && breach.model().priority() >= settings.minBreachPriority());
    }
    if (alert instanceof AiAnalystIncidentEvent event) {
      return settings.sendAiAnalystAlerts()
          && event.aiaScore() >= settings.minAiAnalystIncidentEventScore()
          && event.groupScore() >= settings.minAiAnalystIncidentScore();
    }
    SystemStatusAlert status = (SystemStatusAlert) alert;
    return settings.sendSystemStatusAlerts()
        && status.priority() >= settings.minSystemStatusPriority();
  }
}
