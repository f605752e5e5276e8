package dev.sluice.pki;

import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;

/** Self-signed TLS server identities, e.g. central's default HTTPS certificate. */
public final class SelfSignedCertificates {
  private SelfSignedCertificates() {}

  /**
   * A new key pair and a self-signed server certificate whose subject alternative names are the
   * given host names and IP literals plus {@code localhost}, {@code 127.0.0.1} and {@code ::1}.
   */
  public static Identity createServer(String commonName, List<String> hostNames, Duration validity, Clock clock) {
    Set<String> names = new LinkedHashSet<>(hostNames);
    names.add("localhost");
    names.add("127.0.0.1");
    names.add("::1");
    KeyPair keys = KeyPairs.generate();
    X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
        .addRDN(BCStyle.O, "Sluice")
        .addRDN(BCStyle.CN, commonName)
        .build();
    return new Identity(keys.getPrivate(), List.of(CertificateSigner.sign(
        CertificateSigner.Kind.TLS_SERVER, subject, keys.getPublic(), subject, keys.getPrivate(),
        keys.getPublic(), List.copyOf(names), validity, clock)));
  }
}
