package cn.gov.jieyang.talent.signing;

import static cn.gov.jieyang.talent.signing.SigningException.Reason.CERTIFICATE_UNUSABLE;
import static cn.gov.jieyang.talent.signing.SigningException.Reason.KEY_STORE_UNREADABLE;
import static cn.gov.jieyang.talent.signing.SigningException.Reason.WEAK_OR_UNSUPPORTED_KEY;

import cn.gov.jieyang.talent.signing.internal.Providers;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/**
 * A private key with its certificate chain (signer first), ready to seal packages.
 *
 * <p>The constructor refuses what it should not sign with: keys other than EC P-256 or SM2, a
 * certificate whose public key does not match the private key, and certificates without the
 * digital-signature or non-repudiation key usage. A seal that signs nothing verifiable is worse than
 * no seal, so these are checked once, here, rather than discovered by an auditor years later.
 */
public final class SigningKey {

    private final PrivateKey privateKey;
    private final List<X509Certificate> chain;
    private final SignatureAlgorithm algorithm;

    private SigningKey(PrivateKey privateKey, List<X509Certificate> chain) {
        this.privateKey = Objects.requireNonNull(privateKey, "privateKey");
        if (chain == null || chain.isEmpty()) {
            throw new SigningException(CERTIFICATE_UNUSABLE, "a signing key needs its certificate");
        }
        this.chain = List.copyOf(chain);
        this.algorithm = algorithmOf(this.chain.get(0));
        checkKeyUsage(this.chain.get(0));
        checkKeyMatchesCertificate();
    }

    /**
     * A signing key from a private key and its chain.
     *
     * @param privateKey the private key
     * @param chain      the signer's certificate first, then its issuers (the root may be omitted)
     * @return the key
     * @throws SigningException when the key is weak, unsupported or does not match the certificate
     */
    public static SigningKey of(PrivateKey privateKey, List<X509Certificate> chain) {
        return new SigningKey(privateKey, chain);
    }

    /**
     * Loads the first private-key entry of a PKCS#12 file.
     *
     * @param file     the PKCS#12 file
     * @param password its password; the caller should clear the array afterwards
     * @return the key
     * @throws SigningException when the file cannot be read, the password is wrong or the key is refused
     */
    public static SigningKey fromPkcs12(Path file, char[] password) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore ks = KeyStore.getInstance("PKCS12", Providers.BC);
            ks.load(in, password);
            for (String alias : Collections.list(ks.aliases())) {
                if (!ks.isKeyEntry(alias)) {
                    continue;
                }
                Key key = ks.getKey(alias, password);
                if (key instanceof PrivateKey pk) {
                    List<X509Certificate> chain = new ArrayList<>();
                    for (Certificate c : ks.getCertificateChain(alias)) {
                        chain.add((X509Certificate) c);
                    }
                    return new SigningKey(pk, chain);
                }
            }
            throw new SigningException(KEY_STORE_UNREADABLE, "no private key in " + file.getFileName());
        } catch (java.io.IOException | GeneralSecurityException e) {
            // A wrong password surfaces as an IOException; never echo the password.
            throw new SigningException(KEY_STORE_UNREADABLE,
                    "cannot open key store " + file.getFileName() + " (wrong password or corrupt file)", e);
        }
    }

    /** @return the private key */
    public PrivateKey privateKey() {
        return privateKey;
    }

    /** @return the signer's certificate */
    public X509Certificate certificate() {
        return chain.get(0);
    }

    /** @return the chain, signer first */
    public List<X509Certificate> chain() {
        return chain;
    }

    /** @return the algorithm this key signs with */
    public SignatureAlgorithm algorithm() {
        return algorithm;
    }

    private static SignatureAlgorithm algorithmOf(X509Certificate cert) {
        SubjectPublicKeyInfo spki = SubjectPublicKeyInfo.getInstance(cert.getPublicKey().getEncoded());
        if (!X9ObjectIdentifiers.id_ecPublicKey.equals(spki.getAlgorithm().getAlgorithm())
                || !(spki.getAlgorithm().getParameters() instanceof ASN1ObjectIdentifier curve)) {
            throw new SigningException(WEAK_OR_UNSUPPORTED_KEY,
                    "refusing key: only EC keys on named curve P-256 or SM2 are accepted, got "
                            + cert.getPublicKey().getAlgorithm());
        }
        SignatureAlgorithm algorithm = SignatureAlgorithm.forCurve(curve);
        if (algorithm == null) {
            throw new SigningException(WEAK_OR_UNSUPPORTED_KEY,
                    "refusing key: curve " + curve.getId() + " is not P-256 or SM2");
        }
        return algorithm;
    }

    private static void checkKeyUsage(X509Certificate cert) {
        boolean[] ku = cert.getKeyUsage();
        // digitalSignature (0) or nonRepudiation/contentCommitment (1)
        if (ku != null && !(ku[0] || ku[1])) {
            throw new SigningException(CERTIFICATE_UNUSABLE,
                    "certificate key usage allows neither digitalSignature nor nonRepudiation");
        }
        if (cert.getBasicConstraints() >= 0) {
            throw new SigningException(CERTIFICATE_UNUSABLE, "refusing to sign packages with a CA certificate");
        }
    }

    private void checkKeyMatchesCertificate() {
        byte[] probe = "key-matches-certificate".getBytes(StandardCharsets.US_ASCII);
        try {
            Signature s = Signature.getInstance(algorithm.jcaName(), Providers.BC);
            s.initSign(privateKey);
            s.update(probe);
            byte[] sig = s.sign();
            s.initVerify(certificate().getPublicKey());
            s.update(probe);
            if (!s.verify(sig)) {
                throw new SigningException(CERTIFICATE_UNUSABLE, "the private key does not match the certificate");
            }
        } catch (GeneralSecurityException e) {
            throw new SigningException(CERTIFICATE_UNUSABLE, "the private key does not match the certificate", e);
        }
    }
}
