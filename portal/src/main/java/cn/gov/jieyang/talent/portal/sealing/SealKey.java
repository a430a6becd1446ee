package cn.gov.jieyang.talent.portal.sealing;

import cn.gov.jieyang.talent.portal.storage.Sha256;
import cn.gov.jieyang.talent.signing.AuditExportVerifier;
import cn.gov.jieyang.talent.signing.PackageVerifier;
import cn.gov.jieyang.talent.signing.SigningKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * The bureau's seal as loaded at startup: the signing key with its chain, the CA certificate that
 * packages are verified against, and the CA's CRL embedded in every package.
 */
public final class SealKey {

    private final SigningKey signingKey;
    private final X509Certificate trustAnchor;
    private final X509CRL crl;

    SealKey(SigningKey signingKey, X509Certificate trustAnchor, X509CRL crl) {
        this.signingKey = Objects.requireNonNull(signingKey, "signingKey");
        this.trustAnchor = Objects.requireNonNull(trustAnchor, "trustAnchor");
        this.crl = crl;
    }

    SigningKey signingKey() {
        return signingKey;
    }

    Optional<X509CRL> crl() {
        return Optional.ofNullable(crl);
    }

    /**
     * The seal certificate.
     *
     * @return the certificate packages are signed under
     */
    public X509Certificate certificate() {
        return signingKey.certificate();
    }

    /**
     * The seal certificate's subject, as recorded with each package.
     *
     * @return the subject distinguished name
     */
    public String subject() {
        return certificate().getSubjectX500Principal().getName();
    }

    /**
     * The seal certificate's SHA-256 fingerprint, to compare with a published one.
     *
     * @return upper-case hex pairs separated by colons
     */
    public String fingerprintSha256() {
        try {
            byte[] digest = Sha256.newDigest().digest(certificate().getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("cannot fingerprint the seal certificate", e);
        }
    }

    /**
     * The CA certificate the seal chains to.
     *
     * @return the trust anchor
     */
    public X509Certificate trustAnchor() {
        return trustAnchor;
    }

    /**
     * A verifier that trusts this seal's CA (what an auditor uses on a package).
     *
     * @param maxInflatedBytes the most bytes a package may inflate to; beyond it the verifier stops reading
     *                         and reports the package TOTAL_FAILED / FORMAT_FAILURE, unchecked
     * @return the verifier
     */
    public PackageVerifier verifier(long maxInflatedBytes) {
        return PackageVerifier.builder().trustAnchor(trustAnchor).maxInflatedSize(maxInflatedBytes).build();
    }

    /**
     * A verifier of audit checkpoints (and exports) that trusts this seal's CA.
     *
     * @return the verifier
     */
    public AuditExportVerifier auditVerifier() {
        return AuditExportVerifier.builder().trustAnchor(trustAnchor).build();
    }
}
