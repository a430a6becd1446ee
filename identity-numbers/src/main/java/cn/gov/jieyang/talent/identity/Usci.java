package cn.gov.jieyang.talent.identity;

import cn.gov.jieyang.talent.identity.internal.Gb32100;
import java.util.Locale;

/**
 * An enterprise's or organisation's unified social credit code (统一社会信用代码, GB 32100-2015).
 * Immutable; only codes whose two check characters are right can be constructed.
 *
 * <p>Layout of the 18 characters: 1 registration authority, 2 organisation category, 3–8
 * administrative region, 9–17 the organisation code (GB 11714: 8 characters and, at position 17, its
 * own check character), 18 the check character of the whole code. Both checks are verified, so a
 * single mistyped character is always caught and most transpositions are.
 *
 * <p>Unlike an {@link IdNumber}, a credit code is public (it is printed on the business licence), so
 * {@link #toString()} shows it in full.
 */
public final class Usci {

    private final String value;

    private Usci(String value) {
        this.value = value;
    }

    /**
     * Parses a unified social credit code. Surrounding white space is removed and lower-case letters
     * are upper-cased.
     *
     * @param raw the code as typed
     * @return the validated code
     * @throws InvalidIdentityException {@code usci.required}, {@code usci.format},
     *                                  {@code usci.organisationCheck} or {@code usci.checkDigit}
     */
    public static Usci of(String raw) {
        String s = IdNumber.stripped(raw, InvalidIdentityException.USCI_REQUIRED);
        if (!Gb32100.hasShape(s)) {
            throw new InvalidIdentityException(InvalidIdentityException.USCI_FORMAT,
                    "a unified social credit code is 18 digits and capital letters other than I, O, S, V, Z (got "
                            + s.length() + " characters)");
        }
        // Safe after the check above: every character is an ASCII digit or letter.
        String value = s.toUpperCase(Locale.ROOT);
        if (value.charAt(Gb32100.ORGANISATION_CHECK_INDEX) != Gb32100.organisationCheck(value)) {
            throw new InvalidIdentityException(InvalidIdentityException.USCI_ORGANISATION_CHECK,
                    "the organisation code inside the credit code (characters 9-17) fails its GB 11714 check");
        }
        if (value.charAt(Gb32100.LENGTH - 1) != Gb32100.codeCheck(value)) {
            throw new InvalidIdentityException(InvalidIdentityException.USCI_CHECK_DIGIT,
                    "the credit code's check character does not match its other 17 characters");
        }
        return new Usci(value);
    }

    /** @return the normalised 18-character code */
    public String value() {
        return value;
    }

    /** @return the code in full: it is public information, not personal data */
    @Override
    public String toString() {
        return value;
    }

    /** Two codes are equal when their normalised values are. */
    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof Usci other && value.equals(other.value));
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
