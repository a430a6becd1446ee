package cn.gov.jieyang.talent.signing;

import static cn.gov.jieyang.talent.signing.SigningException.Reason.CRYPTO_FAILURE;
import static cn.gov.jieyang.talent.signing.SigningException.Reason.IO_FAILURE;

import cn.gov.jieyang.talent.signing.internal.DevCaIssuer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A development certificate authority, two "bureau seal" signing keys (P-256 and SM2) and a
 * time-stamping authority key, for development and tests only. Production loads the bureau's real seal from a PKCS#12 file.
 *
 * <p>Every name carries "DEVELOPMENT" so a package sealed with it can never be mistaken for a real
 * one. The CA is P-256 and issues both seals.
 */
public final class DevelopmentCa {

    /** File names written by {@link #writeTo(Path, char[])}. */
    public static final String CA_PEM = "ca.pem";
    /** The CA's CRL, PEM. */
    public static final String CA_CRL = "ca.crl";
    /** The P-256 seal, PKCS#12. */
    public static final String SEAL_P12 = "seal.p12";
    /** The SM2 seal, PKCS#12. */
    public static final String SEAL_SM2_P12 = "seal-sm2.p12";
    /** The time-stamping authority's key (critical id-kp-timeStamping), PKCS#12. */
    public static final String TSA_P12 = "tsa.p12";

    private final DevCaIssuer issuer;
    private final SigningKey sealP256;
    private final SigningKey sealSm2;
    private final SigningKey tsa;

    private DevelopmentCa(DevCaIssuer issuer) {
        this.issuer = issuer;
        this.sealP256 = issueSeal(SignatureAlgorithm.ECDSA_P256_SHA256, "DEVELOPMENT bureau seal (P-256)");
        this.sealSm2 = issueSeal(SignatureAlgorithm.SM2_SM3, "DEVELOPMENT bureau seal (SM2)");
        this.tsa = issueTsa("DEVELOPMENT time-stamping authority", DevCaIssuer.TSA_LIFETIME);
    }

    /**
     * Creates a fresh CA with both seals, valid from a minute ago.
     *
     * @return the CA
     */
    public static DevelopmentCa generate() {
        return generate(Clock.systemUTC());
    }

    /**
     * Creates a fresh CA with both seals, valid from a minute before the clock's instant.
     *
     * @param clock the clock
     * @return the CA
     */
    public static DevelopmentCa generate(Clock clock) {
        return new DevelopmentCa(new DevCaIssuer(clock));
    }

    /** @return the CA certificate (the trust anchor to give a verifier) */
    public X509Certificate caCertificate() {
        return issuer.caCertificate();
    }

    /** @return the CA's current CRL */
    public X509CRL crl() {
        return issuer.crl();
    }

    /** @return the P-256 seal */
    public SigningKey sealP256() {
        return sealP256;
    }

    /** @return the SM2 seal */
    public SigningKey sealSm2() {
        return sealSm2;
    }

    /** @return the time-stamping authority's key and chain (valid as long as the CA) */
    public SigningKey tsa() {
        return tsa;
    }

    /**
     * Issues another seal from this CA (for tests, e.g. one to revoke), valid for three years.
     *
     * @param algorithm  the seal's algorithm
     * @param commonName its common name
     * @return the seal
     */
    public SigningKey issueSeal(SignatureAlgorithm algorithm, String commonName) {
        return issueSeal(algorithm, commonName, DevCaIssuer.SEAL_LIFETIME);
    }

    /**
     * Issues another seal with a chosen lifetime (tests of expiry).
     *
     * @param algorithm  the seal's algorithm
     * @param commonName its common name
     * @param lifetime   how long it is valid, from a minute before the CA's clock
     * @return the seal
     */
    public SigningKey issueSeal(SignatureAlgorithm algorithm, String commonName, Duration lifetime) {
        return issuer.issueSeal(algorithm, commonName, lifetime);
    }

    /**
     * Issues another time-stamping authority key (tests: one to revoke, one that expires soon).
     *
     * @param commonName its common name
     * @param lifetime   how long it is valid, from a minute before the CA's clock
     * @return the TSA key and chain
     */
    public SigningKey issueTsa(String commonName, Duration lifetime) {
        return issuer.issueTsa(commonName, lifetime);
    }

    /**
     * Revokes a certificate from the given instant and issues a new CRL, returned by {@link #crl()}.
     *
     * @param certificate a certificate of this CA
     * @param revokedAt   the revocation date
     * @return the new CRL
     */
    public X509CRL revoke(X509Certificate certificate, Instant revokedAt) {
        return issuer.revoke(certificate, revokedAt);
    }

    /**
     * Writes {@value #CA_PEM}, {@value #CA_CRL}, {@value #SEAL_P12}, {@value #SEAL_SM2_P12} and
     * {@value #TSA_P12}, the key stores with the same password, readable by the owner only.
     *
     * @param dir      the directory (created if needed)
     * @param password the key stores' password
     */
    public void writeTo(Path dir, char[] password) {
        try {
            Files.createDirectories(dir);
            PkiFiles.writePem(caCertificate(), dir.resolve(CA_PEM));
            PkiFiles.writePem(crl(), dir.resolve(CA_CRL));
            writePkcs12(sealP256, dir.resolve(SEAL_P12), password);
            writePkcs12(sealSm2, dir.resolve(SEAL_SM2_P12), password);
            writePkcs12(tsa, dir.resolve(TSA_P12), password);
        } catch (IOException e) {
            throw new SigningException(IO_FAILURE, "cannot write the development CA to " + dir, e);
        }
    }

    private static void writePkcs12(SigningKey key, Path file, char[] password) throws IOException {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12", cn.gov.jieyang.talent.signing.internal.Providers.BC);
            ks.load(null, null);
            List<X509Certificate> chain = key.chain();
            ks.setKeyEntry(file.getFileName().toString().equals(TSA_P12) ? "tsa" : "seal", key.privateKey(), password, chain.toArray(new Certificate[0]));
            Files.deleteIfExists(file);
            Files.createFile(file);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                ks.store(out, password);
            }
        } catch (java.security.GeneralSecurityException e) {
            throw new SigningException(CRYPTO_FAILURE, "cannot create key store " + file.getFileName(), e);
        }
    }
}
