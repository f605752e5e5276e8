package dev.sluice.ocsf;

/** {@code network_endpoint.network_scope_id}: inside or outside the tenant's network. */
public enum NetworkScope implements OcsfEnum {
    UNKNOWN(0, "Unknown"),
    INTERNAL(1, "Internal"),
    EXTERNAL(2, "External"),
    OTHER(99, "Other");

    private final int id;
    private final String caption;

    NetworkScope(int id, String caption) {
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
