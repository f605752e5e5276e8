package dev.sluice.darktracesim.alert;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An AI Analyst incident event: one investigated activity, part of an incident (group).
 *
 * @param id incident event id (uuid)
 * @param title event title ({@code "Extensive Unusual SSH Connections"})
 * @param summary the analyst's summary (several sentences, may contain newlines)
 * @param category event behaviour category ({@code critical}, {@code suspicious}, …)
 * @param aiaScore the <em>incident event score</em>, 0–100
 * @param groupId the incident's uuid ({@code currentGroup})
 * @param groupCategory the incident's category
 * @param groupScore the <em>incident score</em>, 0–100 with at most two decimals
 * @param activityId AI Analyst activity id (the CEF Signature ID)
 * @param groupingIds legacy grouping ids
 * @param groupByActivity legacy grouping mode
 * @param device the breaching device
 * @param relatedBreaches the model breaches the event was built from
 * @param mitreTactics MITRE ATT&amp;CK tactics
 * @param time creation time
 */
public record AiAnalystIncidentEvent(
    String id,
    String title,
    String summary,
    ModelCategory category,
    int aiaScore,
    String groupId,
    ModelCategory groupCategory,
    double groupScore,
    String activityId,
    List<String> groupingIds,
    boolean groupByActivity,
    Device device,
    List<RelatedBreach> relatedBreaches,
    List<String> mitreTactics,
    Instant time)
    implements DarktraceAlert {

  public AiAnalystIncidentEvent {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(groupId, "groupId");
    Objects.requireNonNull(groupCategory, "groupCategory");
    Objects.requireNonNull(activityId, "activityId");
    Objects.requireNonNull(device, "device");
    Objects.requireNonNull(time, "time");
    if (aiaScore < 0 || aiaScore > 100) {
      throw new IllegalArgumentException("aiaScore must be 0-100, was " + aiaScore);
    }
    if (!(groupScore >= 0 && groupScore <= 100)) {
      throw new IllegalArgumentException("groupScore must be 0-100, was " + groupScore);
    }
    groupingIds = List.copyOf(groupingIds);
    relatedBreaches = List.copyOf(relatedBreaches);
    mitreTactics = List.copyOf(mitreTactics);
  }

  @Override
  public AlertKind kind() {
    return AlertKind.AI_ANALYST;
  }
}
