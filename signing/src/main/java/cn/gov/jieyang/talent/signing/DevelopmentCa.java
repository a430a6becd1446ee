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
import java.time.Instant;
import java.util.List;

/**
 * A development certificate authority and two "bureau seal" signing keys (P-256 and SM2), for
 * development and tests only. Production loads the bureau's real seal from a PKCS#12 file.
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

    private final DevCaIssuer issuer;
    private final SigningKey sealP256;
    private final SigningKey sealSm2;

    private DevelopmentCa(DevCaIssuer issuer) {
        this.issuer = issuer;
        this.sealP256 = issuer.issueSeal(SignatureAlgorithm.ECDSA_P256_SHA256, "DEVELOPMENT bureau seal (P-256)");
        this.sealSm2 = issuer.issueSeal(SignatureAlgorithm.SM2_SM3, "DEVELOPMENT bureau seal (SM2)");
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

    /**
     * Issues another seal from this CA (for tests, e.g. one to revoke).
     *
     * @param algorithm  the seal's algorithm
     * @param commonName its common name
     * @return the seal
     */
    public SigningKey issueSeal(SignatureAlgorithm algorithm, String commonName) {
        return issuer.issueSeal(algorithm, commonName);
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
     * Writes {@value #CA_PEM}, {@value #CA_CRL}, {@value #SEAL_P12} and {@value #SEAL_SM2_P12}.
     * The key stores are readable by the owner only.
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
        } catch (IOException e) {
            throw new SigningException(IO_FAILURE, "cannot write the development CA to " + dir, e);
        }
    }

    private static void writePkcs12(SigningKey key, Path file, char[] password) throws IOException {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12", cn.gov.jieyang.talent.signing.internal.Providers.BC);
            ks.load(null, null);
            List<X509Certificate> chain = key.chain();
            ks.setKeyEntry("seal", key.privateKey(), password, chain.toArray(new Certificate[0]));
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
