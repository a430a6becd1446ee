package cn.gov.jieyang.talent.signing;

/** The status of the signer's certificate chain, judged at the signing time. */
public enum ChainStatus {
    /** Chains to a trust anchor, valid at signing time, not revoked per the embedded CRLs. */
    VALID,
    /** Not checked, because the signature itself already failed or could not be read. */
    NOT_CHECKED,
    /** No trust anchor was given to the verifier. */
    NO_TRUST_ANCHOR,
    /** No path from the signer to any given trust anchor. */
    UNTRUSTED,
    /** The signer certificate was outside its validity period at the signing time. */
    NOT_VALID_AT_SIGNING_TIME,
    /** A certificate in the chain was revoked before the signing time. */
    REVOKED,
    /** No CRL (or no current one) for some certificate in the chain. */
    NO_REVOCATION_INFO,
    /** The signer certificate's key usage does not allow signing. */
    NOT_ALLOWED_TO_SIGN
}
