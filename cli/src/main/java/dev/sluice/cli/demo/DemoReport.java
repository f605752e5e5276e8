package dev.sluice.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.StringJoiner;

/** The short report the demo prints at the end. */
public final class DemoReport {
  private DemoReport() {}

  public static String format(DemoResult r) {
    StringBuilder sb = new StringBuilder();
    sb.append("\n=== Sluice demo: done ===\n");
    sb.append(String.format(Locale.ROOT, "sent: %,d alerts from %d Darktrace instances + 1 test"
        + " alert; in the lake: %,d%n", r.load().sent(), r.instances().size(), r.lakeRows()));
    sb.append("alerts in the lake by kind and sender:\n");
    sb.append(String.format(Locale.ROOT, "  %-16s %-34s %-5s %8s%n", "kind", "sender", "test",
        "alerts"));
    for (JsonNode row : r.countsByKindAndSender()) {
      sb.append(String.format(Locale.ROOT, "  %-16s %-34s %-5s %,8d%n", cell(row, 0), cell(row, 1),
          cell(row, 2), row.get(3).asLong()));
    }
    sb.append("top alert types:\n");
    for (JsonNode row : r.topAlertTypes()) {
      sb.append(String.format(Locale.ROOT, "  %,6d  %s%n", row.get(1).asLong(), cell(row, 0)));
    }
    long rejected = r.rejectedByReason().values().stream().mapToLong(Long::longValue).sum();
    sb.append(String.format(Locale.ROOT, "rejected by the appliance (quarantined, not stored): %d",
        rejected));
    if (!r.rejectedByReason().isEmpty()) {
      StringJoiner reasons = new StringJoiner(", ", " (", ")");
      r.rejectedByReason().forEach((reason, n) -> reasons.add(reason + " " + n));
      sb.append(reasons);
    }
    sb.append('\n');
    sb.append(String.format(Locale.ROOT, "integration %s on appliance %s, port %d; image %s%n",
        r.integrationId(), r.applianceId(), r.syslogPort(), r.image()));
    sb.append(String.format(Locale.ROOT, "console: %s  (user %s, password %s)%n", r.consoleUrl(),
        r.email(), r.password()));
    return sb.toString();
  }

  private static String cell(JsonNode row, int i) {
    JsonNode v = row.get(i);
    return v == null || v.isNull() ? "-" : v.asText();
  }
}
