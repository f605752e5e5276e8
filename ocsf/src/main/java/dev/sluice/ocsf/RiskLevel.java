package dev.sluice.ocsf;

/** Finding {@code risk_level_id}. */
public enum RiskLevel implements OcsfEnum {
    INFO(0, "Info"),
    LOW(1, "Low"),
    MEDIUM(2, "Medium"),
    HIGH(3, "High"),
    CRITICAL(4, "Critical"),
    OTHER(99, "Other");

    private final int id;
    private final String caption;

    RiskLevel(int id, String caption) {
        this.id = id;
        this.caption = caption;
    }

    @Override
    public int id() {
        return id;
    }

    @Override
    public String caption() {
        return caption;
    }
}
