package dev.sluice.console.datalake;

/**
 * Example queries offered above the SQL editor. Column names follow the lake's {@code alerts}
 * table (docs/lake.md).
 */
public enum ExampleQuery {
  LATEST("Latest alerts",
      "SELECT time, alert_kind, alert_type, severity, device_hostname, device_ip,\n"
          + "       sender_hostname\nFROM alerts\nORDER BY time DESC\nLIMIT 100"),
  BY_TYPE_24H("Alerts by type, last 24 h",
      "SELECT alert_type, count(*) AS alerts, max(time) AS latest\n"
          + "FROM alerts\nWHERE time >= now() - INTERVAL 24 HOUR AND NOT test_alert\n"
          + "GROUP BY alert_type\nORDER BY alerts DESC"),
  DEVICES("Devices with most alerts",
      "SELECT device_hostname, device_ip, count(*) AS alerts, max(time) AS last_alert\n"
          + "FROM alerts\nWHERE NOT test_alert\nGROUP BY device_hostname, device_ip\n"
          + "ORDER BY alerts DESC\nLIMIT 50"),
  TEST_ALERTS("Test alerts",
      "SELECT receive_time, sender_hostname, sender_address, title\n"
          + "FROM alerts\nWHERE test_alert\nORDER BY receive_time DESC"),
  AI_ANALYST("AI Analyst incidents",
      "SELECT time, title, risk_score, device_hostname, mitre_technique\nFROM alerts\n"
          + "WHERE alert_kind = 'ai_analyst'\nORDER BY time DESC\nLIMIT 100");

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
