package cn.gov.jieyang.talent.portal.identity;

import cn.gov.jieyang.talent.portal.web.ChinaTime;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.Objects;

/**
 * A person's identity document number: a mainland resident ID (GB 11643-1999) or a passport number
 * for people from outside the mainland. Immutable; only valid numbers can be constructed.
 *
 * <p>This is personal data. {@link #toString()} returns the {@linkplain #masked() masked} form so
 * that logging or string-concatenating an {@code IdNumber} never discloses it; only {@link #value()}
 * gives the full number, for encryption ({@link IdNumberProtector}) and for the handful of places
 * that must send it on.
 */
public final class IdNumber {

    private static final LocalDate EARLIEST_BIRTH_DATE = LocalDate.of(1900, 1, 1);
    // STRICT with "uuuu" (not "yyyy", which needs an era under STRICT) refuses 19900230 instead of
    // quietly turning it into 19900228, which the default SMART style would do.
    private static final DateTimeFormatter BIRTH_DATE =
            DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);

    /** ISO 7064 MOD 11-2 weights (2^(17-i) mod 11) for the first 17 characters. */
    private static final int[] CHECK_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    /** The check character, indexed by the weighted sum mod 11. */
    private static final String CHECK_CHARACTERS = "10X98765432";
    private static final int RESIDENT_ID_LENGTH = 18;
    private static final int PASSPORT_MIN_LENGTH = 5;
    private static final int PASSPORT_MAX_LENGTH = 17;
    /** Characters shown at each end in the long masked form. */
    private static final int SHOWN_AT_EACH_END = 4;
    /** Characters shown (at the end) in the short masked form. */
    private static final int SHOWN_WHEN_SHORT = 2;

    private final IdType type;
    private final String value;

    private IdNumber(IdType type, String value) {
        this.type = type;
        this.value = value;
    }

    /**
     * Parses a mainland resident ID number (居民身份证号码).
     *
     * <p>Surrounding white space (including the ideographic space U+3000 that Chinese input methods
     * type) is removed and a lower-case check character {@code x} is normalised to {@code X}.
     *
     * @param raw the number as typed
     * @return the validated number
     * @throws InvalidIdentityException {@code id.required}, {@code id.format}, {@code id.region},
     *                                  {@code id.birthDate} or {@code id.checkDigit}
     */
    public static IdNumber residentId(String raw) {
        // Birth dates are judged by the calendar in China, whatever the server's default zone.
        return residentId(raw, Clock.system(ChinaTime.ZONE));
    }

    /** As {@link #residentId(String)}, with "today" taken from {@code clock} (for tests). */
    static IdNumber residentId(String raw, Clock clock) {
        String s = stripped(raw, InvalidIdentityException.REQUIRED);
        if (s.length() != RESIDENT_ID_LENGTH || !isResidentIdShape(s)) {
            throw new InvalidIdentityException(InvalidIdentityException.ID_FORMAT,
                    "a resident ID number is 17 digits followed by a digit or X (got "
                            + s.length() + " characters)");
        }
        // Safe to upper-case now: the shape check has proved the only letter is a final x/X.
        String value = s.toUpperCase(Locale.ROOT);
        if (value.charAt(0) == '0') {
            throw new InvalidIdentityException(InvalidIdentityException.ID_REGION,
                    "a resident ID number's region code cannot start with 0");
        }
        checkBirthDate(value.substring(6, 14), LocalDate.now(clock));
        if (value.charAt(17) != checkCharacter(value)) {
            throw new InvalidIdentityException(InvalidIdentityException.ID_CHECK_DIGIT,
                    "the resident ID number's check character does not match its other 17 digits");
        }
        return new IdNumber(IdType.RESIDENT_ID, value);
    }

    /**
     * Parses a passport number, for people from outside the mainland: 5–17 letters A–Z and digits
     * once surrounding white space is removed; letters are upper-cased. Passports have no check digit
     * common to all issuing countries, so nothing more can be verified.
     *
     * @param raw the number as typed
     * @return the validated number
     * @throws InvalidIdentityException {@code id.required} or {@code passport.format}
     */
    public static IdNumber passport(String raw) {
        String s = stripped(raw, InvalidIdentityException.REQUIRED);
        // Check length and characters before upper-casing: toUpperCase can change the length of
        // non-ASCII text ("ß" becomes "SS"), and only ASCII letters and digits are allowed anyway.
        boolean ok = s.length() >= PASSPORT_MIN_LENGTH && s.length() <= PASSPORT_MAX_LENGTH;
        for (int i = 0; ok && i < s.length(); i++) {
            ok = isAsciiDigit(s.charAt(i)) || isAsciiLetter(s.charAt(i));
        }
        if (!ok) {
            throw new InvalidIdentityException(InvalidIdentityException.PASSPORT_FORMAT,
                    "a passport number is 5 to 17 letters A-Z and digits (got " + s.length() + " characters)");
        }
        return new IdNumber(IdType.PASSPORT, s.toUpperCase(Locale.ROOT));
    }

    /**
     * Parses a number of the given type, e.g. from a form with a document-type choice or from a
     * decrypted database column.
     *
     * @param type the document type
     * @param raw  the number
     * @return the validated number
     * @throws InvalidIdentityException as {@link #residentId(String)} or {@link #passport(String)}
     */
    public static IdNumber of(IdType type, String raw) {
        Objects.requireNonNull(type, "type");
        return type == IdType.RESIDENT_ID ? residentId(raw) : passport(raw);
    }

    /** @return the document type */
    public IdType type() {
        return type;
    }

    /**
     * Returns the full, normalised number. Personal data: do not log it or show it in full; use
     * {@link #masked()} for display and {@link IdNumberProtector} for storage.
     *
     * @return the normalised number (upper case, no surrounding white space)
     */
    public String value() {
        return value;
    }

    /**
     * Returns the number for display with most of it hidden: the first 4 and last 4 characters around
     * one {@code *} per hidden character ({@code 4452**********123X}). A value shorter than 16
     * characters (most passports) would then show more than it hides, so it shows only its last 2
     * ({@code *******78}).
     *
     * @return the masked number, as long as the number itself
     */
    public String masked() {
        int length = value.length();
        int hiddenInLongForm = length - 2 * SHOWN_AT_EACH_END;
        if (hiddenInLongForm >= 2 * SHOWN_AT_EACH_END) {
            return value.substring(0, SHOWN_AT_EACH_END) + "*".repeat(hiddenInLongForm)
                    + value.substring(length - SHOWN_AT_EACH_END);
        }
        return "*".repeat(length - SHOWN_WHEN_SHORT) + value.substring(length - SHOWN_WHEN_SHORT);
    }

    /**
     * Returns the {@linkplain #masked() masked} number, never the full one, so that an accidental
     * {@code log.info("… {}", idNumber)} cannot leak it.
     *
     * @return the masked number
     */
    @Override
    public String toString() {
        return masked();
    }

    /** Two numbers are equal when they have the same type and the same normalised value. */
    @Override
    public boolean equals(Object o) {
        return this == o
                || (o instanceof IdNumber other && type == other.type && value.equals(other.value));
    }

    @Override
    public int hashCode() {
        return 31 * type.hashCode() + value.hashCode();
    }

    /** Computes the GB 11643 check character from the first 17 digits. */
    private static char checkCharacter(String value) {
        int sum = 0;
        for (int i = 0; i < CHECK_WEIGHTS.length; i++) {
            sum += (value.charAt(i) - '0') * CHECK_WEIGHTS[i];
        }
        return CHECK_CHARACTERS.charAt(sum % 11);
    }

    private static void checkBirthDate(String yyyyMMdd, LocalDate today) {
        LocalDate birth;
        try {
            birth = LocalDate.parse(yyyyMMdd, BIRTH_DATE);
        } catch (DateTimeException e) {
            // The parser's message quotes the text it refused, i.e. part of the ID number: drop it.
            throw new InvalidIdentityException(InvalidIdentityException.ID_BIRTH_DATE,
                    "the resident ID number's birth date is not a calendar date");
        }
        if (birth.isBefore(EARLIEST_BIRTH_DATE) || birth.isAfter(today)) {
            throw new InvalidIdentityException(InvalidIdentityException.ID_BIRTH_DATE,
                    "the resident ID number's birth date is before 1900 or in the future");
        }
    }

    private static boolean isResidentIdShape(String s) {
        for (int i = 0; i < RESIDENT_ID_LENGTH - 1; i++) {
            if (!isAsciiDigit(s.charAt(i))) {
                return false;
            }
        }
        char last = s.charAt(RESIDENT_ID_LENGTH - 1);
        return isAsciiDigit(last) || last == 'X' || last == 'x';
    }

    /** Null and blank are one error, {@code requiredCode}: the field was not filled in. */
    static String stripped(String raw, String requiredCode) {
        String s = raw == null ? "" : raw.strip();
        if (s.isEmpty()) {
            throw new InvalidIdentityException(requiredCode, "no value was given");
        }
        return s;
    }

    // Character.isDigit/isLetter would accept full-width and other scripts' digits and letters,
    // which would then be stored, hashed and compared as different strings from their ASCII twins.
    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }
}
