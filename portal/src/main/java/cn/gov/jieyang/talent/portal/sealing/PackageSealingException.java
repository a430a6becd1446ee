package cn.gov.jieyang.talent.portal.sealing;

/**
 * A package could not be sealed: a material's bytes could not be read (or no longer match their
 * digest), or signing or storing the package failed. Nothing was stored that anyone refers to.
 * The message names no person and no file name, only what failed.
 */
public class PackageSealingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed (no personal data)
     * @param cause   the underlying failure
     */
    public PackageSealingException(String message, Throwable cause) {
        super(message, cause);
    }
}
