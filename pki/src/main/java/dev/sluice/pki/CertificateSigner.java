package dev.sluice.pki;

import java.math.BigInteger;
import java.net.InetAddress;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Builds and signs X.509 v3 certificates of the three kinds Sluice uses. */
final class CertificateSigner {
  /** Certificates are valid from a little before "now" so small clock skew does not reject them. */
  private static final Duration BACKDATE = Duration.ofMinutes(5);

  private static final SecureRandom RANDOM = new SecureRandom();

  enum Kind { CERTIFICATE_AUTHORITY, TLS_SERVER, TLS_CLIENT }

  private CertificateSigner() {}

  static X509Certificate sign(
      Kind kind,
      X500Name subject,
      PublicKey subjectKey,
      X500Name issuer,
      PrivateKey issuerKey,
      PublicKey issuerPublicKey,
      List<String> subjectAltNames,
      Duration validity,
      Clock clock) {
    try {
      Instant now = clock.instant();
      X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
          issuer,
          new BigInteger(127, RANDOM).add(BigInteger.ONE),
          Date.from(now.minus(BACKDATE)),
          Date.from(now.plus(validity)),
          subject,
          subjectKey);
      JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
      builder.addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(subjectKey));
      builder.addExtension(Extension.authorityKeyIdentifier, false, extensions.createAuthorityKeyIdentifier(issuerPublicKey));
      switch (kind) {
        case CERTIFICATE_AUTHORITY -> {
          builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
          builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        }
        case TLS_SERVER -> {
          builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
          builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyCertSign));
          builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
              new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
        }
        case TLS_CLIENT -> {
          builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
          builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
          builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
        }
      }
      if (!subjectAltNames.isEmpty()) {
        builder.addExtension(Extension.subjectAlternativeName, false, generalNames(subjectAltNames));
      }
      return new JcaX509CertificateConverter().getCertificate(
          builder.build(new JcaContentSignerBuilder(KeyPairs.SIGNATURE_ALGORITHM).build(issuerKey)));
    } catch (GeneralSecurityException | org.bouncycastle.operator.OperatorCreationException
        | org.bouncycastle.cert.CertIOException e) {
      throw new PkiException("cannot sign certificate for " + subject, e);
    }
  }

  /** IP literals become iPAddress names, anything else a dNSName. */
  private static GeneralNames generalNames(List<String> names) {
    List<GeneralName> result = new ArrayList<>();
    for (String name : names) {
      result.add(isIpLiteral(name)
          ? new GeneralName(GeneralName.iPAddress, stripBrackets(name))
          : new GeneralName(GeneralName.dNSName, name));
    }
    return new GeneralNames(result.toArray(new GeneralName[0]));
  }

  static boolean isIpLiteral(String name) {
    String bare = stripBrackets(name);
    if (bare.matches("[0-9.]+") || bare.contains(":")) {
      try {
        InetAddress.getByName(bare); // literal: no lookup happens
        return true;
      } catch (java.net.UnknownHostException e) {
        return false;
      }
    }
    return false;
  }

  private static String stripBrackets(String name) {
    return name.startsWith("[") && name.endsWith("]") ? name.substring(1, name.length() - 1) : name;
  }
}
