package dev.sluice.ocsf;

/** {@code network_connection_info.direction_id}. */
public enum ConnectionDirection implements OcsfEnum {
    UNKNOWN(0, "Unknown"),
    INBOUND(1, "Inbound"),
    OUTBOUND(2, "Outbound"),
    LATERAL(3, "Lateral"),
    LOCAL(4, "Local"),
    OTHER(99, "Other");

    private final int id;
    private final String caption;

    ConnectionDirection(int id, String caption) {
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
