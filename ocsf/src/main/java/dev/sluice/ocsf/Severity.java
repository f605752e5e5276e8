package dev.sluice.ocsf;

/** OCSF {@code severity_id}. */
public enum Severity implements OcsfEnum {
    UNKNOWN(0, "Unknown"),
    INFORMATIONAL(1, "Informational"),
    LOW(2, "Low"),
    MEDIUM(3, "Medium"),
    HIGH(4, "High"),
    CRITICAL(5, "Critical"),
    FATAL(6, "Fatal"),
    OTHER(99, "Other");

    private final int id;
    private final String caption;

    Severity(int id, String caption) {
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
