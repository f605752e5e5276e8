package dev.sluice.ocsf;

import dev.sluice.ocsf.internal.Checks;

/** OCSF {@code product}: the product that produced the finding (Darktrace, not Sluice). */
public record Product(String vendorName, String name, String version) {
    public Product {
        vendorName = Checks.blankToNull(vendorName);
        name = Checks.blankToNull(name);
        version = Checks.blankToNull(version);
        Checks.atLeastOne("product needs a name", name);
    }
}
