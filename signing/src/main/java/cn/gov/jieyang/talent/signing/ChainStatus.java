package cn.gov.jieyang.talent.signing;

/**
 * The status of a certificate chain: the seal's, judged at the time a time-stamp proves the signature
 * existed (else at the claimed signing time), or a time-stamping authority's, judged at the
 * validation time.
 */
public enum ChainStatus {
    /** Chains to a trust anchor, valid at signing time, not revoked per the embedded CRLs. */
    VALID,
    /** Not checked, because the signature itself already failed or could not be read. */
    NOT_CHECKED,
    /** No trust anchor was given to the verifier. */
    NO_TRUST_ANCHOR,
    /** No path from the signer to any given trust anchor. */
    UNTRUSTED,
    /** The certificate was outside its validity period at the time it was judged at. */
    NOT_VALID_AT_SIGNING_TIME,
    /**
     * The certificate has expired (or is not yet valid) at the validation time, and nothing proves the
     * signature or time-stamp existed while it was valid.
     */
    EXPIRED,
    /** A certificate in the chain was revoked, and nothing proves the signature existed before. */
    REVOKED,
    /** No CRL (or no current one) for some certificate in the chain. */
    NO_REVOCATION_INFO,
    /**
     * The certificate's key usage does not allow signing, or a time-stamping authority's certificate
     * lacks the critical id-kp-timeStamping extended key usage.
     */
    NOT_ALLOWED_TO_SIGN
}
