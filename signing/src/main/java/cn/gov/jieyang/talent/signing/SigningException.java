package cn.gov.jieyang.talent.signing;

/**
 * The one exception type of this library: a package could not be built or signed, a key could not be
 * loaded or was refused, or input was malformed before verification could even start.
 *
 * <p>Verification never throws this for a package that is merely invalid: a tampered package is a
 * normal outcome, reported by {@link VerificationReport}. Messages are safe to show to an operator;
 * they never contain passwords or key material.
 */
public final class SigningException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** A stable, machine-readable reason, for error mapping and for tests. */
    public enum Reason {
        /** The key is not one this library signs with (algorithm, curve or size). */
        WEAK_OR_UNSUPPORTED_KEY,
        /** A key store could not be read: wrong password, corrupt file, or no private key in it. */
        KEY_STORE_UNREADABLE,
        /** The signing certificate does not match the key, or is not valid now. */
        CERTIFICATE_UNUSABLE,
        /** A package entry name or media type was refused (path traversal, reserved names, duplicates). */
        INVALID_ENTRY,
        /** A certificate, CRL or other input file could not be parsed. */
        INVALID_INPUT,
        /** Reading an input or writing the package failed. */
        IO_FAILURE,
        /** A cryptographic operation failed unexpectedly (a bug or a broken provider). */
        CRYPTO_FAILURE,
        /**
         * The time-stamping authority did not answer, refused, or answered with a token that does not
         * check out (status, nonce, message imprint, signature, the TSA certificate's key usage).
         */
        TIME_STAMP_FAILURE
    }

    private final Reason reason;

    /**
     * Creates an exception.
     *
     * @param reason  the stable reason code
     * @param message a message safe to show to an operator
     */
    public SigningException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    /**
     * Creates an exception with a cause.
     *
     * @param reason  the stable reason code
     * @param message a message safe to show to an operator
     * @param cause   the underlying cause
     */
    public SigningException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    /** @return the stable reason code */
    public Reason reason() {
        return reason;
    }
}
