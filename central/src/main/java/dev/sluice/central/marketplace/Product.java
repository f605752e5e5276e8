package dev.sluice.central.marketplace;

import dev.sluice.central.tenant.LicensePack;

/**
 * A product that can be integrated (a Marketplace card).
 *
 * @param id stable id, e.g. {@code darktrace-detect}
 * @param name display name
 * @param vendor the vendor
 * @param category e.g. {@code network}, {@code email}
 * @param licensePack the pack a tenant needs to add it
 * @param collectionMethod {@code log-collector} (an appliance receives syslog) or {@code api}
 * @param protocol e.g. {@code syslog-cef-tcp}, or {@code api}
 * @param available whether integrations can be added now
 * @param deviceVendor the CEF Device Vendor the appliance accepts
 * @param deviceProduct the CEF Device Product the appliance accepts
 * @param description what the integration brings in
 */
public record Product(
    String id,
    String name,
    String vendor,
    String category,
    LicensePack licensePack,
    String collectionMethod,
    String protocol,
    boolean available,
    String deviceVendor,
    String deviceProduct,
    String description) {}
