package cn.gov.jieyang.talent.identity.internal;

/**
 * The arithmetic of GB 32100-2015 (统一社会信用代码). Layout of the 18 characters: 1 registration
 * authority, 2 organisation category, 3–8 administrative region, 9–17 the organisation code (GB 11714:
 * 8 characters and, at position 17, its own check character), 18 the check character of the whole code.
 */
public final class Gb32100 {

    /** Characters in a credit code. */
    public static final int LENGTH = 18;

    /** The alphabet: digits and capitals without I, O, S, V, Z. A character's value is its index. */
    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    /** GB 32100 weights for characters 1–17: 3^i mod 31. */
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    /** GB 11714 weights for the 8 characters of the organisation code before its check character. */
    private static final int[] ORGANISATION_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};
    /** Index of the organisation code's first character (position 9). */
    private static final int ORGANISATION_START = 8;
    /** Index of the organisation code's check character (position 17). */
    public static final int ORGANISATION_CHECK_INDEX = ORGANISATION_START + ORGANISATION_WEIGHTS.length;

    private Gb32100() {
    }

    /**
     * Whether {@code s} is 18 characters of the alphabet, lower-case letters counting as capitals.
     *
     * @param s the stripped input
     * @return true for the right shape
     */
    public static boolean hasShape(String s) {
        boolean ok = s.length() == LENGTH;
        for (int i = 0; ok && i < LENGTH; i++) {
            ok = ALPHABET.indexOf(Ascii.upper(s.charAt(i))) >= 0;
        }
        return ok;
    }

    /**
     * GB 11714: 11 − (weighted sum mod 11), written X for 10 and 0 for 11. Letters count
     * A=10 … Z=35 over the <em>full</em> Latin alphabet (so J is 19, not its GB 32100 value 18):
     * the organisation code predates the credit code and keeps its own numbering.
     *
     * @param value an upper-case code of the right shape
     * @return the expected character 17
     */
    public static char organisationCheck(String value) {
        int sum = 0;
        for (int i = 0; i < ORGANISATION_WEIGHTS.length; i++) {
            sum += Character.digit(value.charAt(ORGANISATION_START + i), 36) * ORGANISATION_WEIGHTS[i];
        }
        int check = 11 - sum % 11;
        return check == 10 ? 'X' : check == 11 ? '0' : (char) ('0' + check);
    }

    /**
     * GB 32100: 31 − (weighted sum mod 31), with 31 written as 0, as a character of the alphabet.
     *
     * @param value an upper-case code of the right shape
     * @return the expected character 18
     */
    public static char codeCheck(String value) {
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            sum += ALPHABET.indexOf(value.charAt(i)) * WEIGHTS[i];
        }
        return ALPHABET.charAt((31 - sum % 31) % 31);
    }
}
