package dev.sluice.ocsf;

/** An OCSF enumeration value: the integer written to the {@code *_id} attribute and its caption. */
public interface OcsfEnum {
    /** The value of the {@code *_id} attribute. */
    int id();

    /** The caption written to the sibling attribute (for example {@code severity} next to {@code severity_id}). */
    String caption();
}
