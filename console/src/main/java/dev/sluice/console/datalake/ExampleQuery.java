package dev.sluice.console.datalake;

/**
 * Example queries offered above the SQL editor. Column names follow the lake's {@code alerts}
 * table (docs/lake.md).
 */
public enum ExampleQuery {
  LATEST("Latest alerts",
      "SELECT receive_time, alert_kind, ocsf.finding_info.title AS alert_type,\n"
          + "       ocsf.severity AS severity, ocsf.device.hostname AS device, sender_hostname\n"
          + "FROM alerts\nORDER BY receive_time DESC\nLIMIT 100"),
  BY_TYPE_24H("Alerts by type, last 24 h",
      "SELECT ocsf.finding_info.title AS alert_type, count(*) AS alerts\n"
          + "FROM alerts\nWHERE receive_time >= now() - INTERVAL 24 HOUR AND NOT test_alert\n"
          + "GROUP BY alert_type\nORDER BY alerts DESC"),
  DEVICES("Devices with most alerts",
      "SELECT ocsf.device.hostname AS device, ocsf.device.ip AS ip, count(*) AS alerts,\n"
          + "       max(receive_time) AS last_alert\nFROM alerts\nWHERE NOT test_alert\n"
          + "GROUP BY device, ip\nORDER BY alerts DESC\nLIMIT 50"),
  TEST_ALERTS("Test alerts",
      "SELECT receive_time, sender_hostname, sender_address, ocsf.finding_info.title AS title\n"
          + "FROM alerts\nWHERE test_alert\nORDER BY receive_time DESC"),
  AI_ANALYST("AI Analyst incidents",
      "SELECT receive_time, ocsf.finding_info.title AS title, ocsf.risk_score AS score,\n"
          + "       ocsf.device.hostname AS device\nFROM alerts\n"
          + "WHERE alert_kind = 'ai_analyst'\nORDER BY receive_time DESC\nLIMIT 100");

  private final String label;
  private final String sql;

  ExampleQuery(String label, String sql) {
    this.label = label;
    this.sql = sql;
  }

  public String label() {
    return label;
  }

  public String sql() {
    return sql;
  }
}
