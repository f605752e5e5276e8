package dev.sluice.ocsf;

/** Finding {@code activity_id}; {@code type_uid} is {@code class_uid * 100 + id}. */
public enum FindingActivity implements OcsfEnum {
    UNKNOWN(0, "Unknown"),
    CREATE(1, "Create"),
    UPDATE(2, "Update"),
    CLOSE(3, "Close"),
    OTHER(99, "Other");

    private final int id;
    private final String caption;

    FindingActivity(int id, String caption) {
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
