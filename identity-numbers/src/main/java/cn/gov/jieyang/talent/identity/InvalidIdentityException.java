package cn.gov.jieyang.talent.identity;

import java.util.Objects;

/**
 * An ID number or unified social credit code was refused.
 *
 * <p>{@link #code()} is stable and meant as a message-bundle key for the form error shown to the
 * user. The message is for developers and operators and <em>never contains the rejected value</em>:
 * exceptions are logged, and the value may be a real person's ID number (or one digit away from it).
 */
public final class InvalidIdentityException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** No ID number was given (null or blank). */
    public static final String REQUIRED = "id.required";
    /** A resident ID is not 17 digits followed by a digit or X. */
    public static final String ID_FORMAT = "id.format";
    /** A resident ID's region code (characters 1–6) does not begin with a province code of GB/T 2260. */
    public static final String ID_REGION = "id.region";
    /** A resident ID's birth date (characters 7–14) is not a real date from 1900 up to today in China. */
    public static final String ID_BIRTH_DATE = "id.birthDate";
    /** A resident ID's check character (character 18) does not match the other 17. */
    public static final String ID_CHECK_DIGIT = "id.checkDigit";
    /** A passport number is not 5–17 letters and digits. */
    public static final String PASSPORT_FORMAT = "passport.format";
    /** No credit code was given (null or blank). */
    public static final String USCI_REQUIRED = "usci.required";
    /** A credit code is not 18 characters of the GB 32100 alphabet. */
    public static final String USCI_FORMAT = "usci.format";
    /** A credit code's embedded organisation code fails its GB 11714 check (character 17). */
    public static final String USCI_ORGANISATION_CHECK = "usci.organisationCheck";
    /** A credit code's own check character (character 18) does not match the other 17. */
    public static final String USCI_CHECK_DIGIT = "usci.checkDigit";

    private final String code;

    /**
     * Package-private: only this package's factories decide what is invalid.
     *
     * @param code    one of the code constants of this class
     * @param message a description of the rule that failed, never including the value
     */
    InvalidIdentityException(String code, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
    }

    /**
     * Returns the stable reason, usable as a message-bundle key.
     *
     * @return one of the code constants of this class, e.g. {@code id.checkDigit}
     */
    public String code() {
        return code;
    }
}
