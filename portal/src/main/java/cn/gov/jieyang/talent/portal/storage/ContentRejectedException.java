package cn.gov.jieyang.talent.portal.storage;

/** Thrown when bytes offered to the store are refused; nothing is stored. */
public class ContentRejectedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why the content was refused (also the stable error code suffix). */
    public enum Reason {
        /** No bytes at all. */
        EMPTY,
        /** Larger than the configured limit. */
        TOO_LARGE,
        /** Not a PDF, JPEG or PNG by its first bytes, whatever its name says. */
        TYPE_NOT_ALLOWED
    }

    private final Reason reason;

    /**
     * Creates the exception.
     *
     * @param reason why
     */
    public ContentRejectedException(Reason reason) {
        super("content rejected: " + reason);
        this.reason = reason;
    }

    /**
     * Why the content was refused.
     *
     * @return the reason
     */
    public Reason reason() {
        return reason;
    }
}
