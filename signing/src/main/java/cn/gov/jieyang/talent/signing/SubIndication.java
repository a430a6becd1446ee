package cn.gov.jieyang.talent.signing;

/**
 * Why a verification did not pass, with the names and, but for two cases, the indications of
 * ETSI EN 319 102-1 (table 5): constraint failures ({@link #SIG_CONSTRAINTS_FAILURE},
 * {@link #CRYPTO_CONSTRAINTS_FAILURE}, {@link #CHAIN_CONSTRAINTS_FAILURE}) are
 * {@link Indication#INDETERMINATE} there and here.
 *
 * <p>This library's policy is stricter than ETSI's in exactly two places, both about which files a
 * package holds, so that an auditor never reads a package as "what was submitted" when it is not:
 * <ul>
 *   <li>{@link #SIGNED_DATA_NOT_FOUND} (a file the signed manifest names is absent) is
 *       {@link Indication#TOTAL_FAILED}, where ETSI says INDETERMINATE: the signed manifest itself proves
 *       the material was part of the submission, and no later evidence can bring it back;</li>
 *   <li>a file in the container that no manifest covers is a {@link #FORMAT_FAILURE}
 *       ({@link Indication#TOTAL_FAILED}), where ETSI EN 319 162-1 lets an ASiC-E container hold
 *       unsigned files and a validator would pass the signature with a smaller scope: an unsigned
 *       file beside the materials could be taken for one of them.</li>
 * </ul>
 * ADR 001 records the same decision.
 */
public enum SubIndication {
    /**
     * Not a well-formed ASiC-E package, or a file present that the manifest does not cover (stricter
     * than ETSI, see above).
     */
    FORMAT_FAILURE(Indication.TOTAL_FAILED),
    /** A file's digest differs from the manifest, or the manifest differs from what was signed. */
    HASH_FAILURE(Indication.TOTAL_FAILED),
    /** The signature value does not verify with the signer's public key. */
    SIG_CRYPTO_FAILURE(Indication.TOTAL_FAILED),
    /**
     * A file named in the signed manifest is not in the container: TOTAL_FAILED, stricter than ETSI's
     * INDETERMINATE (see above).
     */
    SIGNED_DATA_NOT_FOUND(Indication.TOTAL_FAILED),
    /**
     * A signed attribute this policy requires is missing or wrong (signing time, content type,
     * signing certificate).
     */
    SIG_CONSTRAINTS_FAILURE(Indication.INDETERMINATE),
    /** A weak or unknown algorithm was used (e.g. SHA-1): the signature is not relied on, whatever its value. */
    CRYPTO_CONSTRAINTS_FAILURE(Indication.INDETERMINATE),
    /** The signer certificate's key usage allows neither digitalSignature nor nonRepudiation. */
    CHAIN_CONSTRAINTS_FAILURE(Indication.INDETERMINATE),
    /**
     * The signer certificate was revoked, and the signature says it was made after that: its claimed
     * signing time is on or after the revocation.
     */
    REVOKED(Indication.TOTAL_FAILED),
    /**
     * The signer certificate was revoked before the validation time, and no valid time-stamp proves
     * the signature existed before the revocation (ETSI EN 319 102-1: the signature may or may not
     * predate it).
     */
    REVOKED_NO_POE(Indication.INDETERMINATE),
    /** As {@link #REVOKED_NO_POE}, for a CA certificate of the signer's chain. */
    REVOKED_CA_NO_POE(Indication.INDETERMINATE),
    /** The signing certificate is absent or does not match the signing-certificate-v2 attribute. */
    NO_SIGNING_CERTIFICATE_FOUND(Indication.INDETERMINATE),
    /** No chain from the signer to a given trust anchor (or no trust anchor was given). */
    NO_CERTIFICATE_CHAIN_FOUND(Indication.INDETERMINATE),
    /**
     * The signer certificate is outside its validity period at the validation time (expired) or at the
     * time the signature is judged at, and no valid time-stamp proves the signature existed while it
     * was valid. Without such a proof, a signature by a key that has expired could have been made at
     * any time, e.g. by whoever obtained the key after its certificate ran out.
     */
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
