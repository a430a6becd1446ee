package cn.gov.jieyang.talent.signing;

/** The overall outcome of a verification, after ETSI EN 319 102-1. */
public enum Indication {
    /** Every check passed: the package is exactly what the trusted seal signed. */
    TOTAL_PASSED,
    /** The package was altered, is malformed, or its signer was revoked: it must not be relied on. */
    TOTAL_FAILED,
    /** Integrity could not be decided either way, e.g. no chain to a trust anchor or no revocation data. */
    INDETERMINATE
}
