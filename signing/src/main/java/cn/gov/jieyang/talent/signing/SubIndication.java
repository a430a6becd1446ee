package cn.gov.jieyang.talent.signing;

/**
 * Why a verification did not pass, with ETSI EN 319 102-1 names. This library's policy is stricter
 * than ETSI's in one place: a file named in the signed manifest but absent from the container
 * ({@link #SIGNED_DATA_NOT_FOUND}) makes the package {@link Indication#TOTAL_FAILED}, because a
 * material package with a material missing is not what was submitted.
 */
public enum SubIndication {
    /** Not a well-formed ASiC-E package, or a file present that the manifest does not cover. */
    FORMAT_FAILURE(Indication.TOTAL_FAILED),
    /** A file's digest differs from the manifest, or the manifest differs from what was signed. */
    HASH_FAILURE(Indication.TOTAL_FAILED),
    /** The signature value does not verify with the signer's public key. */
    SIG_CRYPTO_FAILURE(Indication.TOTAL_FAILED),
    /** A file named in the signed manifest is not in the container. */
    SIGNED_DATA_NOT_FOUND(Indication.TOTAL_FAILED),
    /** A signed attribute this policy requires is missing or wrong (signing time, content type). */
    SIG_CONSTRAINTS_FAILURE(Indication.TOTAL_FAILED),
    /** A weak or unknown algorithm was used. */
    CRYPTO_CONSTRAINTS_FAILURE(Indication.TOTAL_FAILED),
    /** The signer certificate may not sign (key usage) or a CA in the chain may not issue. */
    CHAIN_CONSTRAINTS_FAILURE(Indication.TOTAL_FAILED),
    /** The signer certificate was revoked before the signing time. */
    REVOKED(Indication.TOTAL_FAILED),
    /** The signing certificate is absent or does not match the signing-certificate-v2 attribute. */
    NO_SIGNING_CERTIFICATE_FOUND(Indication.INDETERMINATE),
    /** No chain from the signer to a given trust anchor (or no trust anchor was given). */
    NO_CERTIFICATE_CHAIN_FOUND(Indication.INDETERMINATE),
    /** The signer certificate was not valid at the claimed signing time. */
    OUT_OF_BOUNDS_NO_POE(Indication.INDETERMINATE),
    /** No usable revocation information (no CRL for an issuer, or one that expired before signing). */
    TRY_LATER(Indication.INDETERMINATE);

    private final Indication indication;

    SubIndication(Indication indication) {
        this.indication = indication;
    }

    /** @return the overall indication this sub-indication implies */
    public Indication indication() {
        return indication;
    }
}
