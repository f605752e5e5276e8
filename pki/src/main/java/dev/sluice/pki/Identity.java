package dev.sluice.pki;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * A private key with its certificate chain (leaf first): what a TLS server or a TLS client
 * presents.
 */
public record Identity(PrivateKey privateKey, List<X509Certificate> chain) {
  /** The alias used in key stores built by {@link #toKeyStore(char[])}. */
  public static final String KEY_ALIAS = "identity";

  public Identity {
    Objects.requireNonNull(privateKey, "privateKey");
    Objects.requireNonNull(chain, "chain");
    if (chain.isEmpty()) {
      throw new IllegalArgumentException("an identity needs at least its own certificate");
    }
    chain = List.copyOf(chain);
  }

  /** The identity's own (leaf) certificate. */
  public X509Certificate certificate() {
    return chain.get(0);
  }

  /** Reads an identity from PEM: a private key and its certificate chain, leaf first. */
  public static Identity fromPem(String privateKeyPem, String certificateChainPem) {
    return new Identity(Pem.readPrivateKey(privateKeyPem), Pem.readCertificates(certificateChainPem));
  }

  /** The private key as PKCS#8 PEM. */
  public String privateKeyPem() {
    return Pem.encodePrivateKey(privateKey);
  }

  /** The certificate chain as PEM, leaf first. */
  public String certificateChainPem() {
    return Pem.encode(chain.toArray());
  }

  /** An in-memory PKCS#12 key store holding this identity under {@link #KEY_ALIAS}. */
  public KeyStore toKeyStore(char[] password) {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, password);
      store.setKeyEntry(KEY_ALIAS, privateKey, password, chain.toArray(new Certificate[0]));
      return store;
    } catch (GeneralSecurityException | java.io.IOException e) {
      throw new PkiException("cannot build a key store for the identity", e);
    }
  }
}
