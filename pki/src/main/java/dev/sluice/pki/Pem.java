package dev.sluice.pki;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

/**
 * PEM (RFC 7468) text for certificates ({@code CERTIFICATE}), private keys ({@code PRIVATE KEY},
 * PKCS#8; {@code EC PRIVATE KEY} is also read) and certificate requests
 * ({@code CERTIFICATE REQUEST}). Reading malformed text throws {@link PkiException} with what was
 * expected; callers that read untrusted input catch it.
 */
public final class Pem {
  private static final JcaX509CertificateConverter CERTIFICATES = new JcaX509CertificateConverter();
  private static final JcaPEMKeyConverter KEYS = new JcaPEMKeyConverter();

  private Pem() {}

  /** PEM text of a certificate, private key, CSR or anything BouncyCastle's PEM writer accepts. */
  public static String encode(Object... objects) {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
      for (Object object : objects) {
        writer.writeObject(object);
      }
    } catch (IOException e) {
      throw new PkiException("cannot write PEM", e);
    }
    return out.toString();
  }

  /** Every {@code CERTIFICATE} block in the text, in order. */
  public static List<X509Certificate> readCertificates(String pem) {
    List<X509Certificate> certificates = new ArrayList<>();
    for (Object object : readAll(pem)) {
      if (object instanceof X509CertificateHolder holder) {
        try {
          certificates.add(CERTIFICATES.getCertificate(holder));
        } catch (CertificateException e) {
          throw new PkiException("malformed certificate in PEM", e);
        }
      }
    }
    if (certificates.isEmpty()) {
      throw new PkiException("no CERTIFICATE block in PEM text");
    }
    return List.copyOf(certificates);
  }

  /** A private key as PKCS#8 PEM ({@code PRIVATE KEY}). */
  public static String encodePrivateKey(PrivateKey key) {
    try {
      return encode(new JcaPKCS8Generator(key, null));
    } catch (org.bouncycastle.util.io.pem.PemGenerationException e) {
      throw new PkiException("cannot encode private key", e);
    }
  }

  /** The first certificate in the text. */
  public static X509Certificate readCertificate(String pem) {
    return readCertificates(pem).get(0);
  }

  /** The first private key in the text (PKCS#8 or traditional EC). */
  public static PrivateKey readPrivateKey(String pem) {
    for (Object object : readAll(pem)) {
      try {
        if (object instanceof PrivateKeyInfo info) {
          return KEYS.getPrivateKey(info);
        }
        if (object instanceof PEMKeyPair pair) {
          return KEYS.getPrivateKey(pair.getPrivateKeyInfo());
        }
      } catch (IOException e) {
        throw new PkiException("malformed private key in PEM", e);
      }
    }
    throw new PkiException("no PRIVATE KEY block in PEM text");
  }

  /** The first certificate request in the text. */
  public static PKCS10CertificationRequest readCertificateRequest(String pem) {
    for (Object object : readAll(pem)) {
      if (object instanceof PKCS10CertificationRequest request) {
        return request;
      }
    }
    throw new PkiException("no CERTIFICATE REQUEST block in PEM text");
  }

  private static List<Object> readAll(String pem) {
    if (pem == null || pem.isBlank()) {
      throw new PkiException("empty PEM text");
    }
    List<Object> objects = new ArrayList<>();
    try (PEMParser parser = new PEMParser(new StringReader(pem))) {
      for (Object object = parser.readObject(); object != null; object = parser.readObject()) {
        objects.add(object);
      }
    } catch (IOException | RuntimeException e) {
      throw new PkiException("malformed PEM text: " + e.getMessage(), e);
    }
    return objects;
  }
}
