package cn.gov.jieyang.talent.portal.sealing;

import java.util.Objects;

/**
 * A package could not be sealed: a material's bytes could not be read (or no longer match their
 * digest), signing or storing the package failed, or the time-stamping authority did not answer.
 * Nothing was stored that anyone refers to. The message names no person and no file name, only what
 * failed.
 */
public class PackageSealingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What failed, so that callers can tell the applicant whether trying again soon can help. */
    public enum Reason {
        /** Reading a material, signing or storing failed. */
        SEALING,
        /**
         * The configured time-stamping authority did not answer in time, refused, or answered with a
         * token that does not check out; with nothing else wrong, a later try may well succeed.
         */
        TIME_STAMP_UNAVAILABLE
    }

    private final Reason reason;

    /**
     * Creates the exception for a failure to read, sign or store.
     *
     * @param message what failed (no personal data)
     * @param cause   the underlying failure
     */
    public PackageSealingException(String message, Throwable cause) {
        this(Reason.SEALING, message, cause);
    }

    /**
     * Creates the exception.
     *
     * @param reason  what failed
     * @param message what failed (no personal data)
     * @param cause   the underlying failure
     */
    public PackageSealingException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /**
     * What failed.
     *
     * @return the reason
     */
    public Reason reason() {
        return reason;
    }
}
