package dev.sluice.ocsf;

/** {@code device.type_id}. */
public enum DeviceType implements OcsfEnum {
    UNKNOWN(0, "Unknown"),
    SERVER(1, "Server"),
    DESKTOP(2, "Desktop"),
    LAPTOP(3, "Laptop"),
    TABLET(4, "Tablet"),
    MOBILE(5, "Mobile"),
    VIRTUAL(6, "Virtual"),
    IOT(7, "IOT"),
    BROWSER(8, "Browser"),
    FIREWALL(9, "Firewall"),
    SWITCH(10, "Switch"),
    HUB(11, "Hub"),
    ROUTER(12, "Router"),
    IDS(13, "IDS"),
    IPS(14, "IPS"),
    LOAD_BALANCER(15, "Load Balancer"),
    OTHER(99, "Other");

    private final int id;
    private final String caption;

    DeviceType(int id, String caption) {
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
