package dev.sluice.appliance.boot;

import dev.sluice.pki.Identity;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.util.Objects;

/**
 * Who this appliance is after enrollment: its ids, its client identity (key and certificate
 * chain) and the central it belongs to (URL and pinned certificate).
 */
public record ApplianceIdentity(String applianceId, String tenantId, URI centralUrl,
    X509Certificate centralCertificate, String syslogAddress, Identity identity) {
  public ApplianceIdentity {
    Objects.requireNonNull(applianceId, "applianceId");
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(centralUrl, "centralUrl");
    Objects.requireNonNull(centralCertificate, "centralCertificate");
    Objects.requireNonNull(syslogAddress, "syslogAddress");
    Objects.requireNonNull(identity, "identity");
  }
}
