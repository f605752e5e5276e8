package dev.sluice.pki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CertificateAuthorityTest {
  private final Clock clock = Clock.systemUTC();

  @Test
  void issuesClientCertificateWithCaChosenSubjectForCsrKey() throws Exception {
    CertificateAuthority ca = CertificateAuthority.create("tenant-1 appliances", Duration.ofDays(3650), clock);
    KeyPair appliance = KeyPairs.generate();
    String csr = CertificateRequests.createPem(appliance, "whatever-the-appliance-claims");

    X509Certificate issued = ca.issueClientCertificate(csr, "CN=appliance-7,OU=tenant-1", Duration.ofDays(365), clock);

    assertEquals("CN=appliance-7,OU=tenant-1", issued.getSubjectX500Principal().getName());
    assertEquals("appliance-7", CertificateSubjects.attribute(issued, "CN").orElseThrow());
    assertEquals("tenant-1", CertificateSubjects.attribute(issued, "OU").orElseThrow());
    assertEquals(appliance.getPublic(), issued.getPublicKey());
    assertTrue(ca.issued(issued));
    assertTrue(issued.getExtendedKeyUsage().contains("1.3.6.1.5.5.7.3.2"), "clientAuth EKU");
    assertEquals(-1, issued.getBasicConstraints());
    assertEquals(0, ca.certificate().getBasicConstraints());
  }

  @Test
  void anotherCaDoesNotClaimTheCertificate() {
    CertificateAuthority ca = CertificateAuthority.create("tenant-1", Duration.ofDays(10), clock);
    CertificateAuthority other = CertificateAuthority.create("tenant-1", Duration.ofDays(10), clock);
    X509Certificate issued = ca.issueClientCertificate(
        CertificateRequests.createPem(KeyPairs.generate(), "x"), "CN=a", Duration.ofDays(1), clock);
    assertFalse(other.issued(issued));
  }

  @Test
  void refusesCsrWhoseSignatureDoesNotMatchItsKey() {
    CertificateAuthority ca = CertificateAuthority.create("t", Duration.ofDays(10), clock);
    String csr = CertificateRequests.createPem(KeyPairs.generate(), "x");
    String tampered = csr.replace(csr.substring(100, 104), "AAAA");
    assertThrows(PkiException.class, () -> ca.issueClientCertificate(tampered, "CN=a", Duration.ofDays(1), clock));
    assertThrows(PkiException.class, () -> ca.issueClientCertificate("not pem", "CN=a", Duration.ofDays(1), clock));
  }

  @Test
  void identityRoundTripsThroughPem() {
    Identity identity = SelfSignedCertificates.createServer("central", List.of("central.example"), Duration.ofDays(1), clock);
    Identity read = Identity.fromPem(identity.privateKeyPem(), identity.certificateChainPem());
    assertEquals(identity.certificate(), read.certificate());
    assertEquals(identity.privateKey(), read.privateKey());
  }

  @Test
  void selfSignedServerCertificateNamesLoopbackAndGivenHosts() throws Exception {
    Identity identity = SelfSignedCertificates.createServer("central", List.of("central.example", "10.1.2.3"), Duration.ofDays(1), clock);
    List<String> names = identity.certificate().getSubjectAlternativeNames().stream()
        .map(entry -> entry.get(1).toString()).toList();
    assertTrue(names.containsAll(List.of("central.example", "10.1.2.3", "localhost", "127.0.0.1")), names.toString());
  }

  @Test
  void fingerprintIsColonSeparatedSha256() {
    Identity identity = SelfSignedCertificates.createServer("central", List.of(), Duration.ofDays(1), clock);
    String fingerprint = Fingerprints.sha256(identity.certificate());
    assertTrue(fingerprint.matches("([0-9A-F]{2}:){31}[0-9A-F]{2}"), fingerprint);
  }
}
