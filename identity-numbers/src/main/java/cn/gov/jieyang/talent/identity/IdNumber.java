package cn.gov.jieyang.talent.identity;

import cn.gov.jieyang.talent.identity.internal.Ascii;
import cn.gov.jieyang.talent.identity.internal.Gb11643;
import cn.gov.jieyang.talent.identity.internal.Masking;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
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
 * gives the full number, for sealing at rest and for the handful of places that must send it on.
 */
public final class IdNumber {

    /**
     * The zone whose calendar decides whether a birth date is "today or earlier": the number is issued
     * in China, and a server running in UTC must not refuse someone born today in Beijing time (nor
     * accept someone "born" tomorrow there).
     */
    public static final ZoneId CHINA_TIME = ZoneId.of("Asia/Shanghai");

    private static final LocalDate EARLIEST_BIRTH_DATE = LocalDate.of(1900, 1, 1);
    // STRICT with "uuuu" (not "yyyy", which needs an era under STRICT) refuses 19900230 instead of
    // quietly turning it into 19900228, which the default SMART style would do.
    private static final DateTimeFormatter BIRTH_DATE =
            DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);
    private static final int PASSPORT_MIN_LENGTH = 5;
    private static final int PASSPORT_MAX_LENGTH = 17;

    private final IdType type;
    private final String value;

    private IdNumber(IdType type, String value) {
        this.type = type;
        this.value = value;
    }

    /**
     * Parses a mainland resident ID number (居民身份证号码), judging its birth date by today's date in
     * China.
     *
     * @param raw the number as typed
     * @return the validated number
     * @throws InvalidIdentityException as {@link #residentId(String, Clock)}
     */
    public static IdNumber residentId(String raw) {
        return residentId(raw, Clock.systemUTC());
    }

    /**
     * Parses a mainland resident ID number (居民身份证号码).
     *
     * <p>Surrounding white space (including the ideographic space U+3000 that Chinese input methods
     * type) is removed and a lower-case check character {@code x} is normalised to {@code X}. Checked:
     * the shape (17 digits and a digit or X), the region code (its first two digits are a province of
     * GB/T 2260), the birth date (a calendar date from 1900-01-01 up to today in {@link #CHINA_TIME})
     * and the ISO 7064 MOD 11-2 check character.
     *
     * @param raw   the number as typed
     * @param clock the clock that says what "today" is; only its instant is used, the date is always
     *              taken in {@link #CHINA_TIME}, whatever the clock's own zone
     * @return the validated number
     * @throws InvalidIdentityException {@code id.required}, {@code id.format}, {@code id.region},
     *                                  {@code id.birthDate} or {@code id.checkDigit}
     */
    public static IdNumber residentId(String raw, Clock clock) {
        Objects.requireNonNull(clock, "clock");
        String s = stripped(raw, InvalidIdentityException.REQUIRED);
        if (!Gb11643.hasShape(s)) {
            throw new InvalidIdentityException(InvalidIdentityException.ID_FORMAT,
                    "a resident ID number is 17 digits followed by a digit or X (got "
                            + s.length() + " characters)");
        }
        // Safe to upper-case now: the shape check has proved the only letter is a final x/X.
        String value = s.toUpperCase(Locale.ROOT);
        if (!Gb11643.startsWithProvince(value)) {
            throw new InvalidIdentityException(InvalidIdentityException.ID_REGION,
                    "a resident ID number's region code does not begin with a province code of GB/T 2260");
        }
        checkBirthDate(value.substring(Gb11643.BIRTH_DATE_START, Gb11643.BIRTH_DATE_END),
                LocalDate.ofInstant(clock.instant(), CHINA_TIME));
        if (value.charAt(Gb11643.LENGTH - 1) != Gb11643.checkCharacter(value)) {
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
            ok = Ascii.isDigit(s.charAt(i)) || Ascii.isLetter(s.charAt(i));
        }
        if (!ok) {
            throw new InvalidIdentityException(InvalidIdentityException.PASSPORT_FORMAT,
                    "a passport number is 5 to 17 letters A-Z and digits (got " + s.length() + " characters)");
        }
        return new IdNumber(IdType.PASSPORT, s.toUpperCase(Locale.ROOT));
    }

    /**
     * Parses a number of the given type, e.g. from a form with a document-type choice or from an
     * opened sealed value.
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
     * {@link #masked()} for display and seal it for storage.
     *
     * @return the normalised number (upper case, no surrounding white space)
     */
    public String value() {
        return value;
    }

    /**
     * Returns the number for display with most of it hidden, by the one masking rule of this project:
     * the first 4 and last 4 characters around one {@code *} per hidden character
     * ({@code 4452**********123X}). A value shorter than 16 characters (most passports) would then show
     * more than it hides, so it shows only its last 2 ({@code *******78}).
     *
     * @return the masked number, as long as the number itself
     */
    public String masked() {
        return Masking.mask(value);
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
                    "the resident ID number's birth date is before 1900 or after today in China");
        }
    }

    /** Null and blank are one error, {@code requiredCode}: the field was not filled in. */
    static String stripped(String raw, String requiredCode) {
        String s = raw == null ? "" : raw.strip();
        if (s.isEmpty()) {
            throw new InvalidIdentityException(requiredCode, "no value was given");
        }
        return s;
    }
}
