package cn.gov.jieyang.talent.identity.internal;

import java.util.Set;

/**
 * The arithmetic of GB 11643-1999 (公民身份号码): 6 digits of address code (GB/T 2260), 8 of birth date
 * (GB/T 7408, {@code yyyyMMdd}), 3 of sequence, and an ISO 7064 MOD 11-2 check character.
 */
public final class Gb11643 {

    /** Characters in a resident ID number. */
    public static final int LENGTH = 18;
    /** Index of the birth date's first character. */
    public static final int BIRTH_DATE_START = 6;
    /** Index after the birth date's last character. */
    public static final int BIRTH_DATE_END = 14;

    /** ISO 7064 MOD 11-2 weights (2^(17-i) mod 11) for the first 17 characters. */
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    /** The check character, indexed by the weighted sum mod 11. */
    private static final String CHECK_CHARACTERS = "10X98765432";
    /**
     * The province-level codes of GB/T 2260, the first two digits of every address code: north
     * (1x), north-east (2x), east (3x), south-central (4x), south-west (5x), north-west (6x), Taiwan
     * (71), Hong Kong (81) and Macao (82). Nothing else can begin a resident ID number.
     */
    private static final Set<String> PROVINCES = Set.of(
            "11", "12", "13", "14", "15",
            "21", "22", "23",
            "31", "32", "33", "34", "35", "36", "37",
            "41", "42", "43", "44", "45", "46",
            "50", "51", "52", "53", "54",
            "61", "62", "63", "64", "65",
            "71", "81", "82");

    private Gb11643() {
    }

    /**
     * Whether {@code s} is 17 ASCII digits followed by an ASCII digit, {@code X} or {@code x}.
     *
     * @param s the stripped input
     * @return true for the right shape
     */
    public static boolean hasShape(String s) {
        if (s.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < LENGTH - 1; i++) {
            if (!Ascii.isDigit(s.charAt(i))) {
                return false;
            }
        }
        char last = s.charAt(LENGTH - 1);
        return Ascii.isDigit(last) || last == 'X' || last == 'x';
    }

    /**
     * Whether the address code begins with a province of GB/T 2260.
     *
     * @param s a number of the right shape
     * @return true if its first two digits are a province code
     */
    public static boolean startsWithProvince(String s) {
        return PROVINCES.contains(s.substring(0, 2));
    }

    /**
     * Computes the check character from the first 17 digits.
     *
     * @param s at least 17 ASCII digits
     * @return {@code 0}–{@code 9} or {@code X}
     */
    public static char checkCharacter(String s) {
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            sum += (s.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS.charAt(sum % 11);
    }
}
