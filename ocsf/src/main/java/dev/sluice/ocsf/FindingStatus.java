package dev.sluice.ocsf;

/** Finding {@code status_id} (the triage workflow state). */
public enum FindingStatus implements OcsfEnum {
    UNKNOWN(0, "Unknown"),
    NEW(1, "New"),
    IN_PROGRESS(2, "In Progress"),
    SUPPRESSED(3, "Suppressed"),
    RESOLVED(4, "Resolved"),
    ARCHIVED(5, "Archived"),
    DELETED(6, "Deleted"),
    OTHER(99, "Other");

    private final int id;
    private final String caption;

    FindingStatus(int id, String caption) {
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
