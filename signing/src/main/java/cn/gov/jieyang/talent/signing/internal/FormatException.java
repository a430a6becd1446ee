package cn.gov.jieyang.talent.signing.internal;

/**
 * A package is not a well-formed ASiC-E container of the kind we accept. Internal: the verifier
 * turns it into a {@code TOTAL_FAILED / FORMAT_FAILURE} report, never lets it escape.
 */
public final class FormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message what is wrong, safe to show to an auditor */
    public FormatException(String message) {
        super(message, null, false, false);
    }
}
