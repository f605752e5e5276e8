package dev.sluice.ocsf;

/** {@code resource_details.role_id} (OCSF 1.6.0 and later). */
public enum ResourceRole implements OcsfEnum {
    UNKNOWN(0, "Unknown"),
    TARGET(1, "Target"),
    ACTOR(2, "Actor"),
    AFFECTED(3, "Affected"),
    RELATED(4, "Related"),
    OTHER(99, "Other");

    private final int id;
    private final String caption;

    ResourceRole(int id, String caption) {
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
