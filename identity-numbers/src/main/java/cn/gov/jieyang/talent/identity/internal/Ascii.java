package cn.gov.jieyang.talent.identity.internal;

/**
 * ASCII-only character tests. {@link Character#isDigit} and {@link Character#isLetter} would accept
 * full-width and other scripts' digits and letters, which would then be stored, hashed and compared
 * as different strings from their ASCII twins.
 */
public final class Ascii {

    private Ascii() {
    }

    /**
     * @param c a character
     * @return true for {@code 0}–{@code 9}
     */
    public static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /**
     * @param c a character
     * @return true for {@code A}–{@code Z} and {@code a}–{@code z}
     */
    public static boolean isLetter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    /**
     * @param c a character
     * @return its upper case if it is an ASCII lower-case letter, else itself
     */
    public static char upper(char c) {
        return c >= 'a' && c <= 'z' ? (char) (c - 'a' + 'A') : c;
    }
}
