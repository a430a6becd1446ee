package cn.gov.jieyang.talent.signing;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Who signed, when, how, and whether the signer is trusted.
 *
 * @param subject            the signer certificate's subject distinguished name
 * @param issuer             its issuer's distinguished name
 * @param serialNumber       its serial number (hex)
 * @param certificateSha256  SHA-256 of the signer certificate (hex), to compare with a known seal
 * @param signingTime        the signing time claimed in the signed attributes (baseline B: not a
 *                           trusted time stamp), or {@code null} if absent
 * @param signatureAlgorithm e.g. {@code SHA256withECDSA} or {@code SM3withSM2}
 * @param digestAlgorithm    e.g. {@code SHA-256} or {@code SM3}
 * @param chainStatus        the chain's status at the signing time
 * @param chain              the subjects from the signer up to the trust anchor, when a chain was found
 */
public record SignerDetails(String subject, String issuer, String serialNumber, String certificateSha256,
                            Instant signingTime, String signatureAlgorithm, String digestAlgorithm,
                            ChainStatus chainStatus, List<String> chain) {

    /**
     * Checks and copies its input.
     *
     * @param subject            subject
     * @param issuer             issuer
     * @param serialNumber       serial
     * @param certificateSha256  certificate hash
     * @param signingTime        signing time or null
     * @param signatureAlgorithm signature algorithm
     * @param digestAlgorithm    digest algorithm
     * @param chainStatus        chain status
     * @param chain              chain subjects
     */
    public SignerDetails {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(serialNumber, "serialNumber");
        Objects.requireNonNull(certificateSha256, "certificateSha256");
        Objects.requireNonNull(signatureAlgorithm, "signatureAlgorithm");
        Objects.requireNonNull(digestAlgorithm, "digestAlgorithm");
        Objects.requireNonNull(chainStatus, "chainStatus");
        chain = List.copyOf(chain);
    }
}
