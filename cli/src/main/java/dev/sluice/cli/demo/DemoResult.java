package dev.sluice.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.darktracesim.SyslogCefSettings;
import dev.sluice.darktracesim.send.LoadReport;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a demo run did and found.
 *
 * @param consoleUrl where the console is
 * @param email operator e-mail
 * @param password operator password
 * @param integrationId the Darktrace DETECT integration
 * @param applianceId its appliance
 * @param syslogPort the integration's port on the appliance
 * @param image the downloaded appliance image
 * @param instances the two emulated instances' settings (host names)
 * @param load what the instances sent
 * @param lakeRows alerts in the lake for the integration
 * @param countsByKindAndSender rows of {@code alert_kind, sender_hostname, test_alert, count}
 * @param topAlertTypes rows of {@code title, count}
 * @param rejectedByReason the appliance's rejections by reason, as central reports them
 * @param integration central's view of the integration (status, counters)
 */
public record DemoResult(
    URI consoleUrl,
    String email,
    String password,
    String integrationId,
    String applianceId,
    int syslogPort,
    Path image,
    List<SyslogCefSettings> instances,
    LoadReport load,
    long lakeRows,
    List<JsonNode> countsByKindAndSender,
    List<JsonNode> topAlertTypes,
    Map<String, Long> rejectedByReason,
    JsonNode integration) {

  public DemoResult {
    instances = List.copyOf(instances);
    countsByKindAndSender = List.copyOf(countsByKindAndSender);
    topAlertTypes = List.copyOf(topAlertTypes);
    rejectedByReason = Map.copyOf(rejectedByReason);
  }
}
