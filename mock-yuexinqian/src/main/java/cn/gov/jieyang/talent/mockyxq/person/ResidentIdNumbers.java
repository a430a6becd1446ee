package cn.gov.jieyang.talent.mockyxq.person;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Resident identity card numbers (居民身份证号码, GB 11643-1999): 6 digits of region, 8 of birth
 * date, 3 of sequence and an ISO 7064 MOD 11-2 check character (0-9 or X).
 */
public final class ResidentIdNumbers {

    /** What is wrong with a number; each maps to its own message so the person knows what to fix. */
    public enum Problem { FORMAT, BIRTH_DATE, CHECK_DIGIT }

    private static final Pattern FORMAT = Pattern.compile("\\d{17}[\\dX]");
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARACTERS = "10X98765432";
    private static final DateTimeFormatter BIRTH_DATE =
            DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);
    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private ResidentIdNumbers() {
    }

    /** Trims and upper-cases a typed number: people write the check character as x as often as X. */
    public static String normalize(String raw) {
        return raw == null ? "" : raw.strip().toUpperCase(Locale.ROOT);
    }

    /** Empty when {@code idNumber} (already normalised) is a well-formed number. */
    public static Optional<Problem> problemWith(String idNumber) {
        if (idNumber == null || !FORMAT.matcher(idNumber).matches()) {
            return Optional.of(Problem.FORMAT);
        }
        LocalDate birth;
        try {
            birth = LocalDate.parse(idNumber.substring(6, 14), BIRTH_DATE);
        } catch (DateTimeParseException e) {
            return Optional.of(Problem.BIRTH_DATE);
        }
        if (birth.isBefore(EARLIEST_BIRTH) || birth.isAfter(LocalDate.now(CHINA))) {
            return Optional.of(Problem.BIRTH_DATE);
        }
        if (checkCharacter(idNumber.substring(0, 17)) != idNumber.charAt(17)) {
            return Optional.of(Problem.CHECK_DIGIT);
        }
        return Optional.empty();
    }

    /** The check character for the first 17 digits. */
    public static char checkCharacter(String first17Digits) {
        if (first17Digits.length() != 17) {
            throw new IllegalArgumentException("need exactly 17 digits");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += Character.digit(first17Digits.charAt(i), 10) * WEIGHTS[i];
        }
        return CHECK_CHARACTERS.charAt(sum % 11);
    }

    /**
     * The form that may appear in logs and on pages: first and last four characters, e.g.
     * {@code 4452**********123X}. Short or odd input is masked entirely.
     */
    public static String mask(String idNumber) {
        if (idNumber == null || idNumber.length() < 12) {
            return "****";
        }
        int hidden = idNumber.length() - 8;
        return idNumber.substring(0, 4) + "*".repeat(hidden) + idNumber.substring(idNumber.length() - 4);
    }
}
