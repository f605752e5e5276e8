package dev.sluice.console.datalake;

import dev.sluice.console.backend.LakeQueries;
import dev.sluice.console.backend.Outcome;
import dev.sluice.console.backend.Principal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Data Lake page's overview: alerts over time and the top alert types, asked of the lake with
 * the console's own fixed SQL (only a timestamp computed from the clock is filled in).
 */
public final class LakeOverview {

  static final int TOP_TYPES = 8;
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

  private final LakeQueries lake;

  public LakeOverview(LakeQueries lake) {
    this.lake = lake;
  }

  /** A bar of the top-types list. */
  public record TypeCount(String alertType, long count, String widthPercent) {}

  /** What the page shows; {@code error} is set when the lake refused the overview queries. */
  public record Overview(AlertChart chart, List<TypeCount> topTypes, Outcome.Refused<?> error) {}

  public Overview load(Principal principal, AlertChart.Window window, Instant now) {
    Instant start = window.start(now);
    String since = TIMESTAMP.format(LocalDateTime.ofInstant(start, ZoneOffset.UTC));
    long bucket = window.bucket().toSeconds();
    String overTime = "SELECT CAST(floor(epoch(receive_time) / " + bucket + ") AS BIGINT) * "
        + bucket + " AS bucket, count(*) AS alerts FROM alerts WHERE receive_time >= TIMESTAMP '"
        + since + "' AND NOT test_alert GROUP BY 1 ORDER BY 1";
    Outcome<LakeQueries.Page> counts = lake.run(principal, overTime, null, 1000);
    if (counts instanceof Outcome.Refused<LakeQueries.Page> refused) {
      return new Overview(AlertChart.of(window, now, Map.of()), List.of(), refused);
    }
    Map<Long, Long> byBucket = new HashMap<>();
    if (counts instanceof Outcome.Ok<LakeQueries.Page> ok) {
      for (List<String> row : ok.value().rows()) {
        byBucket.put(parseLong(row.get(0)), parseLong(row.get(1)));
      }
    }
    String types = "SELECT coalesce(alert_type, title, '(untitled)') AS type_name,"
        + " count(*) AS alerts FROM alerts WHERE receive_time >= TIMESTAMP '" + since
        + "' AND NOT test_alert GROUP BY 1 ORDER BY alerts DESC, 1 LIMIT "
        + TOP_TYPES;
    List<TypeCount> top = new ArrayList<>();
    Outcome<LakeQueries.Page> typeRows = lake.run(principal, types, null, TOP_TYPES);
    if (typeRows instanceof Outcome.Ok<LakeQueries.Page> ok) {
      long max = 1;
      for (List<String> row : ok.value().rows()) {
        max = Math.max(max, parseLong(row.get(1)));
      }
      for (List<String> row : ok.value().rows()) {
        long count = parseLong(row.get(1));
        top.add(new TypeCount(row.get(0), count,
            String.format(Locale.ROOT, "%.1f", 100.0 * count / max)));
      }
    }
    return new Overview(AlertChart.of(window, now, byBucket), top, null);
  }

  private static long parseLong(String value) {
    if (value == null) {
      return 0;
    }
    try {
      return (long) Double.parseDouble(value);
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
