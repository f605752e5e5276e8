package dev.sluice.ocsf;

/** The {@code observable.type_id} values Sluice emits. */
public enum ObservableType implements OcsfEnum {
    HOSTNAME(1, "Hostname"),
    IP_ADDRESS(2, "IP Address"),
    MAC_ADDRESS(3, "MAC Address"),
    URL_STRING(6, "URL String"),
    PORT(11, "Port");

    private final int id;
    private final String caption;

    ObservableType(int id, String caption) {
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
