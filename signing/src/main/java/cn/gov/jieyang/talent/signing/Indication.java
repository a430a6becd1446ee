package cn.gov.jieyang.talent.signing;

/** The overall outcome of a verification, after ETSI EN 319 102-1. */
public enum Indication {
    /** Every check passed: the package is exactly what the trusted seal signed. */
    TOTAL_PASSED,
    /** The package was altered, is malformed, or its signer was revoked: it must not be relied on. */
    TOTAL_FAILED,
    /**
     * No tampering was found, but the package could not be shown to be what a trusted seal signed:
     * e.g. no chain to a trust anchor, no revocation data, or a signature that breaks a constraint of
     * the policy (a missing signed attribute, an algorithm not accepted). It must not be relied on either.
     */
    INDETERMINATE
}
