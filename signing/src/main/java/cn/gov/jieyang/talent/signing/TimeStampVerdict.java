package cn.gov.jieyang.talent.signing;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the verifier found about one time-stamp: a signature time-stamp (RFC 3161 token in the
 * signature's signature-time-stamp attribute) or the archive time-stamp over
 * {@code META-INF/ASiCArchiveManifest.xml}. Only a valid one is proof that what it covers existed at
 * {@link #genTime()}; an invalid one proves nothing and is ignored for that purpose.
 *
 * @param kind                  which time-stamp this is
 * @param tsaSubject            the TSA certificate's subject, or empty when it is not in the package
 * @param genTime               the time the TSA vouches for, or {@code null} when the token cannot be read
 * @param digestAlgorithm       the message imprint's digest algorithm, e.g. {@code SHA-256}
 * @param messageImprintMatches whether the token is over this signature's value
 * @param signatureValid        whether the token's signature verifies with the TSA certificate and names
 *                              it (ESS signing-certificate)
 * @param tsaChainStatus        the TSA certificate chain at the validation time: trust anchor, critical
 *                              id-kp-timeStamping usage, validity, revocation
 * @param tsaChain              the TSA chain's subjects up to the trust anchor, when one was found
 * @param problems              why it is not valid, as sentences; empty when valid
 */
public record TimeStampVerdict(Kind kind, String tsaSubject, Instant genTime, String digestAlgorithm,
                               boolean messageImprintMatches, boolean signatureValid, ChainStatus tsaChainStatus,
                               List<String> tsaChain, List<String> problems) {

    /**
     * Checks and copies its input.
     *
     * @param kind                  kind
     * @param tsaSubject            TSA subject
     * @param genTime               genTime or null
     * @param digestAlgorithm       imprint digest algorithm
     * @param messageImprintMatches digest check
     * @param signatureValid        signature check
     * @param tsaChainStatus        chain result
     * @param tsaChain              chain subjects
     * @param problems              problems
     */
    public TimeStampVerdict {
        tsaChain = List.copyOf(tsaChain);
        problems = List.copyOf(problems);
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(tsaSubject, "tsaSubject");
        Objects.requireNonNull(digestAlgorithm, "digestAlgorithm");
        Objects.requireNonNull(tsaChainStatus, "tsaChainStatus");
    }

    /** Which time-stamp a verdict is about. */
    public enum Kind {
        /** Over the signature value (CAdES-T), in the signature's unsigned attributes. */
        SIGNATURE,
        /** Over {@code META-INF/ASiCArchiveManifest.xml}, which lists every file of the package (LTA). */
        ARCHIVE
    }

    /** @return true when the time-stamp proves the signature existed at {@link #genTime()} */
    public boolean isValid() {
        return problems.isEmpty();
    }
}
