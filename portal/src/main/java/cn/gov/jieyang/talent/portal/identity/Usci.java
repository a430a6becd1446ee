package cn.gov.jieyang.talent.portal.identity;

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

    /** The GB 32100 alphabet: digits and capitals without I, O, S, V, Z. A character's value is its index. */
    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int LENGTH = 18;
    /** GB 32100 weights for characters 1–17: 3^i mod 31. */
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    /** GB 11714 weights for the 8 characters of the organisation code before its check character. */
    private static final int[] ORGANISATION_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};
    /** Index of the organisation code's first character (position 9). */
    private static final int ORGANISATION_START = 8;

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
        boolean ok = s.length() == LENGTH;
        for (int i = 0; ok && i < LENGTH; i++) {
            ok = ALPHABET.indexOf(asciiUpper(s.charAt(i))) >= 0;
        }
        if (!ok) {
            throw new InvalidIdentityException(InvalidIdentityException.USCI_FORMAT,
                    "a unified social credit code is 18 digits and capital letters other than I, O, S, V, Z (got "
                            + s.length() + " characters)");
        }
        // Safe after the check above: every character is an ASCII digit or letter.
        String value = s.toUpperCase(Locale.ROOT);
        if (value.charAt(ORGANISATION_START + ORGANISATION_WEIGHTS.length) != organisationCheck(value)) {
            throw new InvalidIdentityException(InvalidIdentityException.USCI_ORGANISATION_CHECK,
                    "the organisation code inside the credit code (characters 9-17) fails its GB 11714 check");
        }
        if (value.charAt(LENGTH - 1) != codeCheck(value)) {
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

    /**
     * GB 11714: 11 − (weighted sum mod 11), written X for 10 and 0 for 11. Letters count
     * A=10 … Z=35 over the <em>full</em> Latin alphabet (so J is 19, not its GB 32100 value 18):
     * the organisation code predates the credit code and keeps its own numbering.
     */
    private static char organisationCheck(String value) {
        int sum = 0;
        for (int i = 0; i < ORGANISATION_WEIGHTS.length; i++) {
            sum += Character.digit(value.charAt(ORGANISATION_START + i), 36) * ORGANISATION_WEIGHTS[i];
        }
        int check = 11 - sum % 11;
        return check == 10 ? 'X' : check == 11 ? '0' : (char) ('0' + check);
    }

    /** GB 32100: 31 − (weighted sum mod 31), with 31 written as 0, as a character of the alphabet. */
    private static char codeCheck(String value) {
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            sum += ALPHABET.indexOf(value.charAt(i)) * WEIGHTS[i];
        }
        return ALPHABET.charAt((31 - sum % 31) % 31);
    }

    private static char asciiUpper(char c) {
        return c >= 'a' && c <= 'z' ? (char) (c - 'a' + 'A') : c;
    }
}
